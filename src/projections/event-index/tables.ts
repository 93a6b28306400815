/**
 * The event index: one row per event of the log (every stream, every type) with what links it to
 * others: its correlation and causation ids, its actor and times. It tells the audit routes where
 * to look; what they show is read from the log itself (src/audit/README.md).
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';

export interface EventIndexTable {
  event_id: string;
  stream: string;
  revision: number;
  /** The store's global position (opaque checkpoint text). */
  position: string;
  type: string;
  correlation_id: string;
  causation_id: string;
  occurred_at: ColumnType<Date, string, string>;
  recorded_at: ColumnType<Date, string, string>;
  actor_id: string;
  actor_role: string;
}

export interface EventIndexTables {
  event_index: EventIndexTable;
}

export const EVENT_INDEX_TABLES = ['event_index'] as const satisfies readonly (keyof EventIndexTables)[];

const ddl = (s: string): string[] => [
  `CREATE TABLE ${s}.event_index (
     event_id uuid PRIMARY KEY,
     stream text COLLATE "C" NOT NULL,
     revision integer NOT NULL,
     position text COLLATE "C" NOT NULL,
     type text COLLATE "C" NOT NULL,
     correlation_id text COLLATE "C" NOT NULL,
     causation_id text COLLATE "C" NOT NULL,
     occurred_at timestamptz NOT NULL,
     recorded_at timestamptz NOT NULL,
     actor_id text COLLATE "C" NOT NULL,
     actor_role text COLLATE "C" NOT NULL
   )`,
  // "What did this event cause?" and "what else belongs to this request or process?"
  `CREATE INDEX event_index_causation ON ${s}.event_index (causation_id, occurred_at, event_id)`,
  `CREATE INDEX event_index_correlation ON ${s}.event_index (correlation_id, occurred_at, event_id)`,
];

/** Creates the event index table and its indexes in `schema` (an empty generation schema). */
export const createEventIndexTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  for (const statement of ddl(quoteIdent(schema))) await sql.raw(statement).execute(db);
};
