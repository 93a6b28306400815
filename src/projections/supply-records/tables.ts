/**
 * The supply-record read model: one row per filed record (`SupplyRecordFiled`). The record is
 * kept as filed (jsonb); the columns are what the list filters and orders by.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';

type IsoDate = string;

export interface SupplyRecordsTable {
  parcel_id: string;
  jurisdiction: string | null;
  division_code: string;
  filed_on: IsoDate;
  filing_ref: string;
  due_date: IsoDate;
  late: boolean;
  preparer_id: string | null;
  preparer_name: string | null;
  reviewer_id: string;
  reviewer_name: string | null;
  /** The record as filed; null for filings made before the form was kept with them. */
  record: ColumnType<unknown, string | null, string | null>;
  industry_catalogue_version: string | null;
  event_id: string;
  revision: number;
}

export interface SupplyRecordTables {
  supply_records: SupplyRecordsTable;
}

export const SUPPLY_RECORD_TABLES = ['supply_records'] as const satisfies readonly (keyof SupplyRecordTables)[];

const ddl = (s: string): string[] => [
  `CREATE TABLE ${s}.supply_records (
     parcel_id text COLLATE "C" PRIMARY KEY,
     jurisdiction text COLLATE "C",
     division_code text COLLATE "C" NOT NULL,
     filed_on date NOT NULL,
     filing_ref text NOT NULL,
     due_date date NOT NULL,
     late boolean NOT NULL,
     preparer_id text,
     preparer_name text,
     reviewer_id text NOT NULL,
     reviewer_name text,
     record jsonb,
     industry_catalogue_version text,
     event_id uuid NOT NULL,
     revision integer NOT NULL
   )`,
  // The filing list: a period, in filing order, within a division prefix.
  `CREATE INDEX supply_records_filed ON ${s}.supply_records (filed_on, parcel_id)`,
  `CREATE INDEX supply_records_division ON ${s}.supply_records (division_code text_pattern_ops, filed_on, parcel_id)`,
];

export const createSupplyRecordTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  for (const statement of ddl(quoteIdent(schema))) await sql.raw(statement).execute(db);
};
