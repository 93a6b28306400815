/**
 * The access-log read model: one row per recorded read of the audit record. Ids are
 * `COLLATE "C"` (byte order) so keyset order and prefix filters use the btree.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';

export interface AccessLogTable {
  event_id: string;
  accessed_at: ColumnType<Date, string, string>;
  actor_id: string;
  actor_name: string | null;
  actor_role: string;
  actor_jurisdiction: string | null;
  resource: string;
  target: string;
  target_jurisdiction: string | null;
  /** The target's division code ('320100'…; '' for national), for scoping the log by prefix. */
  target_division: string | null;
  outcome: string;
  status: number;
  method: string;
  url: string;
  request_id: string;
  stream: string;
  revision: number;
}

export interface AccessLogTables {
  access_log: AccessLogTable;
}

export const ACCESS_LOG_TABLES = ['access_log'] as const satisfies readonly (keyof AccessLogTables)[];

const ddl = (s: string): string[] => [
  `CREATE TABLE ${s}.access_log (
     event_id uuid PRIMARY KEY,
     accessed_at timestamptz NOT NULL,
     actor_id text COLLATE "C" NOT NULL,
     actor_name text,
     actor_role text COLLATE "C" NOT NULL,
     actor_jurisdiction text COLLATE "C",
     resource text COLLATE "C" NOT NULL,
     target text COLLATE "C" NOT NULL,
     target_jurisdiction text COLLATE "C",
     target_division text COLLATE "C",
     outcome text COLLATE "C" NOT NULL,
     status integer NOT NULL,
     method text NOT NULL,
     url text NOT NULL,
     request_id text NOT NULL,
     stream text COLLATE "C" NOT NULL,
     revision integer NOT NULL
   )`,
  // Newest first, overall and within the filters a reviewer asks with.
  `CREATE INDEX access_log_time ON ${s}.access_log (accessed_at DESC, event_id DESC)`,
  `CREATE INDEX access_log_actor ON ${s}.access_log (actor_id, accessed_at DESC, event_id DESC)`,
  `CREATE INDEX access_log_target ON ${s}.access_log (target, accessed_at DESC, event_id DESC)`,
];

export const createAccessLogTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  for (const statement of ddl(quoteIdent(schema))) await sql.raw(statement).execute(db);
};
