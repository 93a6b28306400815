/**
 * The saga benchmark's world: a fresh, migrated schema on DATABASE_URL, the event store opened
 * through the service's own path (loadConfig → openDatabase → openEventStore), and a logger on
 * stderr (stdout carries only the figures). The schema is dropped on close, on failure and on
 * Ctrl-C, unless `keep`.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { migrateDatabase, type Database } from '../../src/database.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { openEventStore } from '../../src/eventstore/open.js';
import type { EventStore } from '../../src/eventstore/types.js';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import { progress } from './report.js';
import { dropOnce } from './setup.js';

export interface SagaBench {
  readonly schema: string;
  readonly config: Config;
  readonly database: OpenDatabase<Database>;
  readonly store: EventStore;
  /** The saga machinery's view of the database. */
  readonly db: Kysely<SagaTables>;
  readonly logger: Logger;
  readonly poolMax: number;
  close(): Promise<void>;
}

export interface OpenSagaBenchOptions {
  readonly keep: boolean;
  /** Pool size when DATABASE_POOL_MAX is not set in the environment. */
  readonly defaultPoolMax: number;
}

/** Refuses without DATABASE_URL: the embedded PGlite (one connection) would measure something else. */
export const openSagaBench = async (options: OpenSagaBenchOptions): Promise<SagaBench> => {
  const env = loadConfig();
  if (env.DATABASE_URL === undefined)
    throw new Error('bench:sagas needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  const url = env.DATABASE_URL;
  const schema = `bench_sagas_${randomBytes(5).toString('hex')}`;
  const poolMax = process.env['DATABASE_POOL_MAX'] ? env.DATABASE_POOL_MAX : options.defaultPoolMax;
  const config: Config = {
    ...env,
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_MAX: poolMax,
    ESDB_CONNECTION_STRING: undefined,
  };
  const logger = pino(
    { level: process.env['BENCH_LOG_LEVEL'] ?? 'error', base: { service: 'bench-sagas' } },
    pino.destination(2),
  );
  const database = await openDatabase<Database>(config);
  const drop = options.keep ? async () => progress(`kept schema ${schema}`) : dropOnce(url, schema);
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping and dropping schema ${schema}`);
    // Ending the pool makes every worker's next query fail, so none holds a lock the DROP needs.
    const stopped = Promise.race([database.close().catch(() => undefined), sleep(5_000)]);
    void stopped.then(drop).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let store: EventStore;
  try {
    await migrateDatabase(database.connection.db, schema);
    store = await openEventStore(config, database);
  } catch (error) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await database.close().catch(() => undefined);
    await drop();
    throw error;
  }
  progress(`schema ${schema} on ${redact(url)}, pool of ${poolMax}`);
  const opened = store;
  return {
    schema,
    config,
    database,
    store: opened,
    db: database.connection.db as unknown as Kysely<SagaTables>,
    logger,
    poolMax,
    close: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await opened.close().catch(() => undefined);
      await database.close().catch(() => undefined);
      await drop();
    },
  };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
