import type { Config } from '../config.js';
import { assertMigrated } from '../db/migrator.js';
import type { OpenDatabase } from '../db/open.js';
import { createEsdbEventStore } from './esdb/index.js';
import { eventStoreMigrations } from './postgres/migrations.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';
import type { EventStore } from './types.js';

/**
 * EventStoreDB when ESDB_CONNECTION_STRING is set, else the PostgreSQL log in the same database.
 * It never migrates: an un-migrated schema is refused with SchemaNotMigratedError, so a read-only
 * tool pointed at the wrong schema says so instead of creating it.
 */
export const openEventStore = async <DB>(config: Config, database: OpenDatabase<DB>): Promise<EventStore> => {
  if (config.ESDB_CONNECTION_STRING !== undefined) {
    return createEsdbEventStore(config.ESDB_CONNECTION_STRING, { maxAppendBytes: config.MAX_APPEND_BYTES });
  }
  const schema = config.DATABASE_SCHEMA;
  await assertMigrated(database.connection.db, schema, eventStoreMigrations(schema));
  const store = new PostgresEventStore({
    pool: database.connection.pool,
    schema,
    wakeUp: database.embedded ? 'local' : 'listen',
    listenConnection: database.connection.clientConfig,
    avoidServerErrors: database.embedded,
    maxAppendBytes: config.MAX_APPEND_BYTES,
  });
  await store.assertTransactionIdsSane();
  return store;
};
