import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, type Database } from '../../src/database.js';
import { connectPostgres, type PostgresConnection } from '../../src/db/connect.js';
import { PostgresEventStore } from '../../src/eventstore/postgres/postgres-event-store.js';
import { quoteIdent } from '../../src/db/identifiers.js';
import { RawTable, rawTableSql } from './raw-table.js';
import { progress } from './report.js';

export const databaseUrl = (): string => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Bench {
  readonly schema: string;
  readonly connection: PostgresConnection<Database>;
  readonly store: PostgresEventStore;
  readonly raw: RawTable;
  /** Flushes dirty pages so each write phase starts from the same WAL/buffer state (skipped if not allowed). */
  checkpoint(): Promise<void>;
  analyze(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenBenchOptions {
  /** Create the raw comparison table (default true). */
  readonly rawTable?: boolean;
  /** Leave the schema (and its generation schemas) in place at the end (default false). */
  readonly keep?: boolean;
}

/** The store (migrated, LISTEN wake-ups as in a multi-process deployment) and the raw table, in a fresh schema. */
export const openBench = async (poolMax: number, options: OpenBenchOptions = {}): Promise<Bench> => {
  const url = databaseUrl();
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const connection = connectPostgres<Database>({ connectionString: url, poolMax, idleInTransactionTimeoutMs: 60_000 });
  const drop = options.keep ? async () => progress(`kept schema ${schema}`) : dropOnce(url, schema);
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping and dropping schema ${schema}`);
    // Ending the pool makes every writer's next query fail, so none holds a lock the DROP needs.
    const stopped = Promise.race([connection.pool.end().catch(() => undefined), sleep(5_000)]);
    void stopped.then(drop).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let store: PostgresEventStore;
  try {
    await migrateDatabase(connection.db, schema);
    if (options.rawTable ?? true) await connection.pool.query(rawTableSql(schema));
    store = new PostgresEventStore({
      pool: connection.pool,
      schema,
      wakeUp: 'listen',
      listenConnection: connection.clientConfig,
    });
    await store.assertTransactionIdsSane();
  } catch (error) {
    await drop();
    await connection.close().catch(() => undefined);
    throw error;
  }
  progress(`schema ${schema} on ${redact(url)}, pool of ${poolMax}`);
  const opened = store;
  let canCheckpoint = true;
  return {
    schema,
    connection,
    store: opened,
    raw: new RawTable(connection.pool, schema),
    checkpoint: async () => {
      if (!canCheckpoint) return;
      try {
        await connection.pool.query('CHECKPOINT');
      } catch (error) {
        canCheckpoint = false;
        progress(`CHECKPOINT refused (${(error as Error).message}); phases run without it`);
      }
    },
    analyze: async () => {
      const raw = (options.rawTable ?? true) ? `, ${quoteIdent(schema)}.raw_events` : '';
      await connection.pool.query(`ANALYZE ${quoteIdent(schema)}.events${raw}`);
    },
    close: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await opened.close().catch(() => undefined);
      await connection.close().catch(() => undefined);
      await drop();
    },
  };
};

/** Drops the schema on its own connection, so it works even when the pool is wedged. */
export const dropOnce = (url: string, schema: string): (() => Promise<void>) => {
  let dropping: Promise<void> | null = null;
  return () => {
    dropping ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        // Read-model generations live in schemas of their own, listed in the bookkeeping table.
        const generations = await client
          .query<{ schema_name: string }>(`SELECT schema_name FROM ${quoteIdent(schema)}.projection_generations`)
          .then(
            (r) => r.rows,
            () => [],
          );
        for (const { schema_name } of generations)
          await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema_name)} CASCADE`);
        // A statement still in flight from an aborted phase can deadlock with the cascade; retry.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
            break;
          } catch (error) {
            if ((error as { code?: unknown }).code !== DEADLOCK || attempt >= 10) throw error;
            await sleep(200);
          }
        }
        progress(`dropped schema ${schema}`);
      } catch (error) {
        progress(`could not drop schema ${schema}: ${(error as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    })();
    return dropping;
  };
};

const DEADLOCK = '40P01';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
