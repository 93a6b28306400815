/**
 * The credit read model's tables (DOMAIN.md §7): the folded archive per land user, one row per
 * entry, and the entry's controlling shareholders as rows so "entries naming X" is an index lookup.
 * Ids and codes are `COLLATE "C"`: byte order, so LIKE 'prefix%' and keyset order use the btree.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';
import type { CreditArchiveState, CreditEntry, CreditTrigger } from '../../domain/credit/index.js';

/** timestamptz: written as an ISO 8601 instant, read back by pg as a Date. */
type Instant = ColumnType<Date, string, string>;
type NullableInstant = ColumnType<Date | null, string | null, string | null>;

/** What the folded state does not keep about an entry: the event that added it and the last change. */
export interface EntryMeta {
  readonly addedEventId: string;
  readonly revision: number;
}

export interface CreditArchivesTable {
  land_user_id: string;
  /** Revision of the last event of `credit-<land_user_id>` applied: later events only are folded. */
  revision: number;
  /** The folded CreditArchiveState, so the next batch continues the fold where this one stopped. */
  state: ColumnType<CreditArchiveState, string, string>;
  /** entryId → EntryMeta, for the entry rows' revision and added_event_id. */
  entry_meta: ColumnType<Record<string, EntryMeta>, string, string>;
}

export interface CreditEntriesTable {
  land_user_id: string;
  entry_id: string;
  trigger: CreditTrigger;
  status: CreditEntry['status'];
  parcel_id: string;
  evidence_event_id: string | null;
  case_id: string | null;
  controlling_shareholder_ids: string[];
  reason: string;
  added_at: Instant;
  expires_at: NullableInstant;
  lift_requested_at: NullableInstant;
  lift_requested_by: string | null;
  rectification: string | null;
  verified_at: NullableInstant;
  verified_by: string | null;
  /** The provincial verification's document number (E7). */
  verification_document_no: string | null;
  lifted_at: NullableInstant;
  lifted_by: string | null;
  /** The MLR announcement on 中国土地市场网 that lifted the entry (E7). */
  announcement_ref: string | null;
  /** Stream revision of the event that last changed this entry. */
  revision: number;
  /** Store id of the CreditEntryAdded event. */
  added_event_id: string;
}

export interface CreditEntryShareholdersTable {
  land_user_id: string;
  entry_id: string;
  shareholder_id: string;
}

/** Table name → row type; the integrator adds it to the app's `Database`. */
export interface CreditTables {
  credit_archives: CreditArchivesTable;
  credit_entries: CreditEntriesTable;
  credit_entry_shareholders: CreditEntryShareholdersTable;
}

export const CREDIT_TABLES = [
  'credit_archives',
  'credit_entries',
  'credit_entry_shareholders',
] as const satisfies readonly (keyof CreditTables)[];

const ddl = (s: string): string[] => [
  `CREATE TABLE ${s}.credit_archives (
     land_user_id text COLLATE "C" PRIMARY KEY,
     revision integer NOT NULL,
     state jsonb NOT NULL,
     entry_meta jsonb NOT NULL
   )`,
  `CREATE TABLE ${s}.credit_entries (
     land_user_id text COLLATE "C" NOT NULL,
     entry_id text COLLATE "C" NOT NULL,
     trigger text COLLATE "C" NOT NULL,
     status text COLLATE "C" NOT NULL,
     parcel_id text COLLATE "C" NOT NULL,
     evidence_event_id text COLLATE "C",
     case_id text COLLATE "C",
     controlling_shareholder_ids text[] COLLATE "C" NOT NULL,
     reason text NOT NULL,
     added_at timestamptz NOT NULL,
     expires_at timestamptz,
     lift_requested_at timestamptz,
     lift_requested_by text COLLATE "C",
     rectification text,
     verified_at timestamptz,
     verified_by text COLLATE "C",
     verification_document_no text,
     lifted_at timestamptz,
     lifted_by text COLLATE "C",
     announcement_ref text,
     revision integer NOT NULL,
     added_event_id uuid NOT NULL,
     PRIMARY KEY (land_user_id, entry_id)
   )`,
  // The list's keyset order, and the same order within each filter it is most often asked with.
  `CREATE INDEX credit_entries_added ON ${s}.credit_entries (added_at, land_user_id, entry_id)`,
  `CREATE INDEX credit_entries_trigger ON ${s}.credit_entries (trigger, added_at, land_user_id, entry_id)`,
  `CREATE INDEX credit_entries_status ON ${s}.credit_entries (status, added_at, land_user_id, entry_id)`,
  `CREATE INDEX credit_entries_parcel ON ${s}.credit_entries (parcel_id, added_at, land_user_id, entry_id)`,
  `CREATE TABLE ${s}.credit_entry_shareholders (
     land_user_id text COLLATE "C" NOT NULL,
     entry_id text COLLATE "C" NOT NULL,
     shareholder_id text COLLATE "C" NOT NULL,
     PRIMARY KEY (land_user_id, entry_id, shareholder_id)
   )`,
  // biddingEligibility: the archives whose entries name the bidder as controlling shareholder.
  `CREATE INDEX credit_entry_shareholders_by_shareholder ON ${s}.credit_entry_shareholders (shareholder_id, land_user_id)`,
];

/** Creates the credit tables and their indexes in `schema` (an empty generation schema). */
export const createCreditTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  for (const statement of ddl(quoteIdent(schema))) await sql.raw(statement).execute(db);
};
