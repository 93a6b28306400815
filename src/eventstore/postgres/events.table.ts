import type { ColumnType, GeneratedAlways } from 'kysely';
import type { EventMetadata, JsonObject } from '../types.js';

/**
 * Row type of the append-only `events` table (DDL and the reasons for its columns in
 * schema-sql.ts). A trigger rejects UPDATE and DELETE, so no column has an update type.
 * bigint and xid8 come back from pg as strings.
 */
export interface EventsTable {
  position: GeneratedAlways<string>;
  /** Defaults to the inserting transaction's id; never set it outside a test of restored dumps. */
  transaction_id: ColumnType<string, string | undefined, never>;
  event_id: ColumnType<string, string, never>;
  stream: ColumnType<string, string, never>;
  revision: ColumnType<number, number, never>;
  type: ColumnType<string, string, never>;
  data: ColumnType<JsonObject, JsonObject | string, never>;
  metadata: ColumnType<EventMetadata, EventMetadata | string, never>;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
}
