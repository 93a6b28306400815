import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { buildApp } from './api/app.js';
import { authSecret, reservePriceKey } from './api/auth/secrets.js';
import { createSealer } from './api/commands/reserve-price-seal.js';
import type { Config } from './config.js';
import { migrateDatabase, type Database } from './database.js';
import { openDatabase } from './db/open.js';
import { ensureCalendarSeeded } from './calendar/seed.js';
import { openEventStore } from './eventstore/open.js';
import type { EventStore } from './eventstore/types.js';
import { advisoryLocks, inProcessLocks, type ProjectionLocks } from './projections/lock.js';
import { openReadSide, type ReadSide } from './projections/read-side.js';
import type { SagaTables } from './sagas/bookkeeping.table.js';
import { startSagaHost, type SagaHost } from './sagas/host.js';
import { SAGAS } from './sagas/registry.js';

export interface RunningService {
  readonly app: FastifyInstance;
  readonly store: EventStore;
  /** http://host:port the service listens on. */
  readonly url: string;
  /** Stops taking requests, lets running ones finish, then closes the stores. */
  close(): Promise<void>;
}

/**
 * Composition root: config → database (migrated here, the one start-up that migrates) → event
 * store → read side → sagas and the timer poller → API. The only place that wires.
 */
export const startService = async (
  config: Config,
  logger: Logger,
  clock: () => Date = () => new Date(),
): Promise<RunningService> => {
  const secrets = { authSecret: authSecret(config), sealer: createSealer(reservePriceKey(config)) };
  const database = await openDatabase<Database>(config);
  let store: EventStore | undefined;
  let readSide: ReadSide | undefined;
  let sagaHost: SagaHost | undefined;
  let sagaLocks: ProjectionLocks | undefined;
  const stopSagas = async () => {
    await sagaHost?.stop();
    await sagaLocks?.close();
  };
  try {
    await migrateDatabase(database.connection.db, config.DATABASE_SCHEMA);
    store = await openEventStore(config, database);
    await ensureCalendarSeeded(store, clock);
    const events = store;
    readSide = await openReadSide({
      connection: database.connection,
      embedded: database.embedded,
      schema: config.DATABASE_SCHEMA,
      store,
      logger,
      runProjections: config.PROJECTIONS === 'in-process',
    });
    const reads = readSide;
    if (config.SAGAS === 'in-process') {
      // Like the projections: an advisory lock per saga on PostgreSQL, in memory on embedded PGlite.
      sagaLocks = database.embedded ? inProcessLocks() : await advisoryLocks(database.connection.clientConfig);
      sagaHost = startSagaHost({
        store,
        // The saga tables are part of Database; kysely's types are invariant, so narrow by cast.
        db: database.connection.db as unknown as Kysely<SagaTables>,
        schema: config.DATABASE_SCHEMA,
        sagas: SAGAS,
        locks: sagaLocks,
        clock: { now: clock },
        logger: logger.child({ component: 'sagas' }),
        pollers: true,
        digestMs: config.DIGEST_INTERVAL_MS,
      });
    }
    const app = await buildApp({
      logger,
      bodyLimit: config.BODY_LIMIT_BYTES,
      commands: { store: events, clock, ...secrets },
      queries: { readSide: reads, schema: config.DATABASE_SCHEMA, store: events },
      readiness: [
        { name: 'eventStore', check: () => events.ping() },
        {
          name: 'readModels',
          check: () =>
            database.connection.pool.query('SELECT 1').then(
              () => true,
              () => false,
            ),
        },
      ],
    });
    app.metrics.setProjectionSource(async () =>
      (await reads.status()).map((s) => ({
        name: s.state === 'active' ? s.name : `${s.name}#building`,
        version: s.version,
        status: s.status,
        lagEvents: s.lagEvents,
        lagSeconds: s.lagSeconds,
        deadLetters: s.deadLetters,
      })),
    );
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    logger.info(
      { url, embedded: database.embedded, eventStore: config.ESDB_CONNECTION_STRING ? 'eventstoredb' : 'postgresql' },
      'service started',
    );
    return {
      app,
      store,
      url,
      close: async () => {
        await app.close();
        await stopSagas();
        await reads.stop();
        await events.close();
        await database.close();
      },
    };
  } catch (error) {
    await stopSagas();
    await readSide?.stop();
    await store?.close();
    await database.close();
    throw error;
  }
};
