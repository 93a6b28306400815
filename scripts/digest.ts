/**
 * Records a log digest now (the Merkle root over every stream's head at the current end of the
 * log, on the digest stream, as the saga host does every DIGEST_INTERVAL_MS) and prints it as JSON:
 * the file an auditor keeps, for `npm run verify-chain -- --against <file>`.
 *   npm run digest [-- --heads]   (--heads: add every stream's head, so a later mismatch names streams)
 * When nothing moved since the newest digest, records nothing and prints that one. Never migrates.
 * Exit 0, 2 when the schema is not migrated.
 */
import { parseArgs } from 'node:util';
import { createDigester } from '../src/audit/digest/digester.js';
import { headsAt } from '../src/audit/digest/heads.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/database.js';
import { SchemaNotMigratedError } from '../src/db/migrator.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';
import type { EventStore } from '../src/eventstore/types.js';

const { values } = parseArgs({ options: { heads: { type: 'boolean', default: false } } });
const config = loadConfig();
const database = await openDatabase<Database>(config);
let store: EventStore | undefined;
try {
  store = await openEventStore(config, database);
  const started = Date.now();
  const outcome = await createDigester({ store, clock: () => new Date() }).recordNow();
  const ms = Date.now() - started;
  if (outcome.recorded) {
    const digest = values.heads ? { ...outcome.digest, heads: outcome.heads } : outcome.digest;
    process.stdout.write(`${JSON.stringify(digest, null, 2)}\n`);
    process.stderr.write(
      `digest: recorded #${outcome.digest.sequence} over ${outcome.digest.events} events in ${ms} ms\n`,
    );
  } else if (outcome.latest !== null) {
    const latest = outcome.latest;
    const heads = values.heads ? (await headsAt(store, latest.upTo)).tracker.sortedHeads() : undefined;
    process.stdout.write(`${JSON.stringify(heads === undefined ? latest : { ...latest, heads }, null, 2)}\n`);
    process.stderr.write(
      `digest: nothing recorded (${outcome.reason}); the newest digest is #${outcome.latest.sequence}\n`,
    );
  } else {
    process.stderr.write(`digest: nothing to digest (${outcome.reason})\n`);
  }
} catch (error) {
  if (!(error instanceof SchemaNotMigratedError)) throw error;
  process.stderr.write(`digest: ${error.message}\n`);
  process.exitCode = 2;
} finally {
  await store?.close();
  await database.close();
}
