import type { Config } from '../config.js';
import type { OpenDatabase } from '../db/open.js';
import { createEsdbEventStore } from './esdb/index.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';
import type { EventStore } from './types.js';

/** EventStoreDB when ESDB_CONNECTION_STRING is set, else the PostgreSQL log in the same database. */
export const openEventStore = async (config: Config, database: OpenDatabase): Promise<EventStore> => {
  if (config.ESDB_CONNECTION_STRING !== undefined) return createEsdbEventStore(config.ESDB_CONNECTION_STRING);
  const store = new PostgresEventStore({
    pool: database.connection.pool,
    schema: config.DATABASE_SCHEMA,
    wakeUp: database.embedded ? 'local' : 'listen',
    listenConnection: database.connection.clientConfig,
    avoidServerErrors: database.embedded,
  });
  await store.assertTransactionIdsSane();
  return store;
};
