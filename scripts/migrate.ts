/**
 * Brings the database (DATABASE_URL, or the embedded PGlite under DATA_DIR) to the latest
 * schema. One of the two places that migrate; the other is the service start-up (src/service.ts).
 */
import { loadConfig } from '../src/config.js';
import { migrateDatabase, type Database } from '../src/database.js';
import { openDatabase } from '../src/db/open.js';

const config = loadConfig();
const database = await openDatabase<Database>(config);
try {
  const applied = await migrateDatabase(database.connection.db, config.DATABASE_SCHEMA);
  const where = database.embedded ? 'embedded PGlite' : 'PostgreSQL';
  const ran = applied.length === 0 ? 'nothing to run' : `ran ${applied.join(', ')}`;
  process.stdout.write(`schema "${config.DATABASE_SCHEMA}" is at the latest migration (${where}; ${ran})\n`);
} finally {
  await database.close();
}
