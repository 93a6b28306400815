import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

/**
 * One pool and the kysely instance over it. `DB` is the caller's table types (src/database.ts
 * assembles them); this folder knows no schema of its own.
 */
export interface PostgresConnection<DB> {
  readonly pool: pg.Pool;
  readonly db: Kysely<DB>;
  /** Settings for extra dedicated connections (LISTEN). */
  readonly clientConfig: pg.ClientConfig;
  close(): Promise<void>;
}

export interface ConnectOptions {
  readonly connectionString: string;
  readonly poolMax: number;
  /**
   * A transaction left open holds back every reader of the global log (they read only below the
   * oldest running transaction), so the server ends idle ones after this long.
   */
  readonly idleInTransactionTimeoutMs: number;
  /**
   * How long an idle pooled client is kept (pg's default 10 s; 0 = for ever). Embedded PGlite
   * keeps 0: behind pglite-socket every connection is the same single session, so a client
   * opened after an idle one was closed finds that client's prepared statements still there and
   * fails ("prepared statement … already exists").
   */
  readonly idleTimeoutMs?: number;
}

const DATE_OID = 1082;

/**
 * A SQL `date` is read as its ISO text ('2026-11-26'), the domain's IsoDate, instead of pg's
 * default JS Date at local midnight, which shifts the day on hosts away from UTC.
 */
const dateAsText: pg.CustomTypesConfig['getTypeParser'] = (oid: number, format?: 'text' | 'binary') =>
  oid === DATE_OID ? (value: string) => value : (pg.types.getTypeParser(oid, format) as (value: string) => unknown);

export const connectPostgres = <DB>({
  connectionString,
  poolMax,
  idleInTransactionTimeoutMs,
  idleTimeoutMs = 10_000,
}: ConnectOptions): PostgresConnection<DB> => {
  const clientConfig: pg.ClientConfig = {
    connectionString,
    types: { getTypeParser: dateAsText },
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
  };
  const pool = new pg.Pool({ ...clientConfig, max: poolMax, idleTimeoutMillis: idleTimeoutMs });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    pool,
    db,
    clientConfig,
    // Kysely's destroy ends the pool it was given.
    close: () => db.destroy(),
  };
};
