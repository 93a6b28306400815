/**
 * Brings the database (DATABASE_URL, or the embedded PGlite under DATA_DIR) to the latest
 * schema, and writes the calendar seed into an empty log (src/calendar/seed.ts). One of the two
 * places that migrate; the other is the service start-up (src/service.ts).
 */
import { loadConfig } from '../src/config.js';
import { migrateDatabase, type Database } from '../src/database.js';
import { ensureCalendarSeeded } from '../src/calendar/seed.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';

const config = loadConfig();
const database = await openDatabase<Database>(config);
try {
  const applied = await migrateDatabase(database.connection.db, config.DATABASE_SCHEMA);
  const where = database.embedded ? 'embedded PGlite' : 'PostgreSQL';
  const ran = applied.length === 0 ? 'nothing to run' : `ran ${applied.join(', ')}`;
  process.stdout.write(`schema "${config.DATABASE_SCHEMA}" is at the latest migration (${where}; ${ran})\n`);
  const store = await openEventStore(config, database);
  try {
    const seeded = await ensureCalendarSeeded(store);
    process.stdout.write(
      seeded === 0 ? 'calendar seed already in the log\n' : `calendar seed written: ${seeded} events\n`,
    );
  } finally {
    await store.close();
  }
} finally {
  await database.close();
}
