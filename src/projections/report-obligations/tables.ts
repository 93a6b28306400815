/** The report-obligations read model: one row per obligation (DOMAIN.md §13), its folded state and list columns. */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';

export interface ReportObligationsTable {
  obligation_id: string;
  type: string;
  period: string;
  jurisdiction: string;
  division_code: string;
  /** As recorded: DUE, OVERDUE (ReportOverdue) or SUBMITTED. */
  status: string;
  due_date: ColumnType<string, string, string>;
  submitted_on: ColumnType<string | null, string | null, string | null>;
  late: boolean | null;
  /** The folded ReportObligation (src/domain/reporting). */
  state: ColumnType<unknown, string, string>;
  revision: number;
  updated_at: ColumnType<Date, string, string>;
}

export interface ReportObligationTables {
  report_obligations: ReportObligationsTable;
}

export const REPORT_OBLIGATION_TABLES = [
  'report_obligations',
] as const satisfies readonly (keyof ReportObligationTables)[];

const ddl = (s: string): string[] => [
  `CREATE TABLE ${s}.report_obligations (
     obligation_id text COLLATE "C" PRIMARY KEY,
     type text NOT NULL,
     period text NOT NULL,
     jurisdiction text COLLATE "C" NOT NULL,
     division_code text COLLATE "C" NOT NULL,
     status text NOT NULL,
     due_date text COLLATE "C" NOT NULL,
     submitted_on text COLLATE "C",
     late boolean,
     state jsonb NOT NULL,
     revision integer NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE INDEX report_obligations_division ON ${s}.report_obligations (division_code text_pattern_ops, due_date, obligation_id)`,
];

export const createReportObligationTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  for (const statement of ddl(quoteIdent(schema))) await sql.raw(statement).execute(db);
};
