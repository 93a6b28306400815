/**
 * Auditor's tool: checks the hash chain of every stream in the configured store and names the
 * first broken event of each broken stream. Exit code 0 = every chain holds, 1 = a break.
 *   npm run verify-chain [-- --prefix parcel-]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';
import { verifyLog } from '../src/eventstore/verify-log.js';

const { values } = parseArgs({ options: { prefix: { type: 'string' } } });
const config = loadConfig();
const database = await openDatabase(config);
const store = await openEventStore(config, database);
try {
  const verdict = await verifyLog(store, values.prefix ? { streamPrefix: values.prefix } : {});
  for (const b of verdict.broken) {
    process.stdout.write(`BROKEN ${b.stream} at revision ${b.revision} (event ${b.eventId}): ${b.reason}\n`);
  }
  process.stdout.write(`${verdict.streams} streams, ${verdict.events} events, ${verdict.broken.length} broken\n`);
  process.exitCode = verdict.broken.length === 0 ? 0 : 1;
} finally {
  await store.close();
  await database.close();
}
