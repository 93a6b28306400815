/**
 * Brings the database (DATABASE_URL, or the embedded PGlite under DATA_DIR) to the latest
 * schema. The service also migrates at start; this is for operators who migrate separately.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';

const config = loadConfig();
const database = await openDatabase(config);
await database.close();
process.stdout.write(`schema "${config.DATABASE_SCHEMA}" is at the latest migration (${database.embedded ? 'embedded PGlite' : 'PostgreSQL'})\n`);
