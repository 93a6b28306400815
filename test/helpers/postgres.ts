import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { migrateDatabase, type Database } from '../../src/database.js';
import { connectPostgres, type PostgresConnection } from '../../src/db/connect.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { PostgresEventStore } from '../../src/eventstore/postgres/postgres-event-store.js';

/** Real PostgreSQL for tests: TEST_DATABASE_URL, else DATABASE_URL, else the local server's `test` database. */
export const testDatabaseUrl = (): string =>
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Drops a ledger schema and the generation schemas of its read models, which live beside it
 * (`<schema>_rm_<name>_<n>`, listed in its projection_generations table).
 */
export const dropLedgerSchema = async (pool: pg.Pool, schema: string): Promise<void> => {
  const generations = await pool
    .query<{ schema_name: string }>(`SELECT schema_name FROM "${schema}".projection_generations`)
    .then(
      (r) => r.rows,
      () => [],
    );
  for (const { schema_name } of generations) await pool.query(`DROP SCHEMA IF EXISTS "${schema_name}" CASCADE`);
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
};

export interface TestStore {
  readonly store: PostgresEventStore;
  readonly connection: PostgresConnection<Database>;
  readonly schema: string;
  close(): Promise<void>;
}

/** A fresh schema on real PostgreSQL, migrated; dropped again on close. */
export const postgresTestStore = async (
  options: { poolMax?: number; idleInTransactionTimeoutMs?: number } = {},
): Promise<TestStore> => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const connection = connectPostgres<Database>({
    connectionString: testDatabaseUrl(),
    poolMax: options.poolMax ?? 40,
    idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 60_000,
  });
  // Read models live in generation schemas of their own beside the base schema: drop those too.
  const drop = async () => {
    const generations = await connection.pool
      .query<{ schema_name: string }>(`SELECT schema_name FROM "${schema}".projection_generations`)
      .then(
        (r) => r.rows,
        () => [],
      );
    for (const { schema_name } of generations)
      await connection.pool.query(`DROP SCHEMA IF EXISTS "${schema_name}" CASCADE`);
    await connection.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  };
  let store: PostgresEventStore;
  try {
    await migrateDatabase(connection.db, schema);
    store = new PostgresEventStore({
      pool: connection.pool,
      schema,
      wakeUp: 'listen',
      listenConnection: connection.clientConfig,
    });
  } catch (error) {
    // Never leave a half-made schema behind in the shared test database.
    await drop();
    await connection.close();
    throw error;
  }
  return {
    store,
    connection,
    schema,
    close: async () => {
      await store.close();
      await drop();
      await connection.close();
    },
  };
};

/** Embedded PGlite in memory behind pglite-socket, as the service runs by default (pool of one). */
export const pgliteTestStore = async (options: { idleTimeoutMs?: number } = {}): Promise<TestStore> => {
  const embedded = await startEmbeddedPostgres(null);
  const schema = 'ledger';
  const connection = connectPostgres<Database>({
    connectionString: embedded.connectionString,
    poolMax: 1,
    idleInTransactionTimeoutMs: 60_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 0,
  });
  await migrateDatabase(connection.db, schema);
  const store = new PostgresEventStore({ pool: connection.pool, schema, wakeUp: 'local', avoidServerErrors: true });
  return {
    store,
    connection,
    schema,
    close: async () => {
      await store.close();
      await connection.close();
      await embedded.stop();
    },
  };
};
