/**
 * Auditor's tool: checks the hash chain of every stream in the configured store and names the
 * first broken event of each broken stream. Read-only: it never migrates, and refuses a schema
 * that was never migrated. Exit code 0 = every chain holds, 1 = a break, 2 = the schema is not
 * migrated (nothing to check).
 *   npm run verify-chain [-- --prefix parcel-]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/database.js';
import { SchemaNotMigratedError } from '../src/db/migrator.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';
import type { EventStore } from '../src/eventstore/types.js';
import { verifyLog } from '../src/eventstore/verify-log.js';

const { values } = parseArgs({ options: { prefix: { type: 'string' } } });
const config = loadConfig();
const database = await openDatabase<Database>(config);
let store: EventStore | undefined;
try {
  store = await openEventStore(config, database);
  const verdict = await verifyLog(store, values.prefix ? { streamPrefix: values.prefix } : {});
  for (const b of verdict.broken) {
    process.stdout.write(`BROKEN ${b.stream} at revision ${b.revision} (event ${b.eventId}): ${b.reason}\n`);
  }
  process.stdout.write(`${verdict.streams} streams, ${verdict.events} events, ${verdict.broken.length} broken\n`);
  process.exitCode = verdict.broken.length === 0 ? 0 : 1;
} catch (error) {
  if (!(error instanceof SchemaNotMigratedError)) throw error;
  process.stderr.write(`verify-chain: ${error.message}\n`);
  process.exitCode = 2;
} finally {
  await store?.close();
  await database.close();
}
