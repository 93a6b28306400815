/**
 * Auditor's tool: a parcel's timeline from the configured store, as a table in the terminal
 * (revision, business time, type, actor, document no, rule and anchor), then its status and open
 * deadlines as of then and the hash-chain verdict of its stream. Computed from the log, never
 * from the read models (src/audit/timeline.ts). Read-only: it never migrates. Exit code 0 = the
 * timeline is printed, 1 = the parcel has no events (by then), 2 = the schema is not migrated or
 * the arguments are wrong.
 *   npm run replay-parcel -- <parcelId> [--as-of <YYYY-MM-DD | ISO instant>]
 */
import { parseArgs } from 'node:util';
import { asOfParam } from '../src/audit/as-of.js';
import { formatTimeline, parcelTimeline } from '../src/audit/timeline.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/database.js';
import { SchemaNotMigratedError } from '../src/db/migrator.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';
import type { EventStore } from '../src/eventstore/types.js';

const usage = 'usage: npm run replay-parcel -- <parcelId> [--as-of <YYYY-MM-DD | ISO instant>]\n';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string' } } });
} catch (error) {
  process.stderr.write(`replay-parcel: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [parcelId, ...extra] = args.positionals;
const asOf = args.values['as-of'];
if (parcelId === undefined || extra.length > 0) {
  process.stderr.write(usage);
  process.exit(2);
}
if (asOf !== undefined && !asOfParam.safeParse(asOf).success) {
  process.stderr.write(`replay-parcel: --as-of ${asOf}: ${asOfParam.safeParse(asOf).error?.issues[0]?.message}\n`);
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase<Database>(config);
let store: EventStore | undefined;
try {
  store = await openEventStore(config, database);
  const timeline = await parcelTimeline(store, parcelId, asOf);
  if (timeline === null) {
    process.stderr.write(`replay-parcel: parcel ${parcelId} has no events${asOf === undefined ? '' : ` by ${asOf}`}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(formatTimeline(timeline));
  }
} catch (error) {
  if (!(error instanceof SchemaNotMigratedError)) throw error;
  process.stderr.write(`replay-parcel: ${error.message}\n`);
  process.exitCode = 2;
} finally {
  await store?.close();
  await database.close();
}
