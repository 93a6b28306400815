/**
 * The linkage-area read model: one row per project area, its folded state (jsonb), its missed
 * deadlines with their event ids (jsonb), and the columns the list filters and orders by.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';

export interface LinkageAreasTable {
  linkage_id: string;
  jurisdiction: string;
  division_code: string;
  variant: string;
  status: string;
  name: string;
  turnover_quota_ha: string;
  modification_step: string | null;
  acceptance_due: string | null;
  /** The missed deadlines (LinkageBreachView[]): the folded state's `breaches`, each with its event's id. */
  breaches: ColumnType<unknown, string, string>;
  /** The folded LinkageArea (src/domain/linkage). */
  state: ColumnType<unknown, string, string>;
  revision: number;
  updated_at: ColumnType<Date, string, string>;
}

export interface LinkageTables {
  linkage_areas: LinkageAreasTable;
}

export const LINKAGE_TABLES = ['linkage_areas'] as const satisfies readonly (keyof LinkageTables)[];

const ddl = (s: string): string[] => [
  `CREATE TABLE ${s}.linkage_areas (
     linkage_id text COLLATE "C" PRIMARY KEY,
     jurisdiction text COLLATE "C" NOT NULL,
     division_code text COLLATE "C" NOT NULL,
     variant text NOT NULL,
     status text NOT NULL,
     name text NOT NULL,
     turnover_quota_ha numeric(14, 4) NOT NULL,
     modification_step text,
     acceptance_due date,
     breaches jsonb NOT NULL,
     state jsonb NOT NULL,
     revision integer NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE INDEX linkage_areas_division ON ${s}.linkage_areas (division_code text_pattern_ops, linkage_id)`,
];

export const createLinkageTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  for (const statement of ddl(quoteIdent(schema))) await sql.raw(statement).execute(db);
};
