/**
 * Runs the projections alone, for scale-out: start any number of these (and the service with
 * PROJECTIONS=off); each projection runs in exactly one process at a time (advisory lock) and
 * another takes over within seconds when that process dies. Stops on SIGTERM/SIGINT.
 *   npm run projections
 */
import { loadConfig } from '../src/config.js';
import { migrateDatabase, type Database } from '../src/database.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';
import { createLogger } from '../src/logger.js';
import { openReadSide } from '../src/projections/read-side.js';

const config = loadConfig();
const logger = createLogger(config);
const database = await openDatabase<Database>(config);
await migrateDatabase(database.connection.db, config.DATABASE_SCHEMA);
const store = await openEventStore(config, database);
const readSide = await openReadSide({
  connection: database.connection,
  embedded: database.embedded,
  schema: config.DATABASE_SCHEMA,
  store,
  logger,
  runProjections: true,
});
logger.info('projection runners started');
const stop = async (signal: string) => {
  logger.info({ signal }, 'stopping projection runners');
  await readSide.stop();
  await store.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', (s) => void stop(s));
process.once('SIGINT', (s) => void stop(s));
