/**
 * See three years of supervision in seconds: runs the event store, the sagas and the timer poller
 * in-process on a virtual clock that jumps from one scenario step or due timer to the next, and
 * prints the timeline (date, parcel, rule, event), one line per fact.
 *   npm run simulate [-- --scenario my.json] [--until 2028-12-31] [--verbose] [--json]
 * Runs on a throw-away embedded PGlite, or with DATABASE_URL set in a fresh schema dropped at the
 * end (--keep keeps it). Your service's data is never touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.js';
import { migrateDatabase, type Database } from '../src/database.js';
import { quoteIdent } from '../src/db/identifiers.js';
import { openDatabase } from '../src/db/open.js';
import { openEventStore } from '../src/eventstore/open.js';
import { createLogger } from '../src/logger.js';
import type { SagaTables } from '../src/sagas/bookkeeping.table.js';
import { runSimulation } from './simulate/engine.js';
import { DEFAULT_SCENARIO_FILE, loadScenario } from './simulate/scenario.js';
import { formatLine } from './simulate/timeline.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: DEFAULT_SCENARIO_FILE },
    until: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
if (values.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.until)) {
  process.stderr.write('simulate: --until must be a date YYYY-MM-DD\n');
  process.exit(2);
}
const scenario = await loadScenario(values.scenario).catch((error: unknown) => {
  process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

const env = loadConfig();
const dataDir = env.DATABASE_URL === undefined ? await mkdtemp(join(tmpdir(), 'ledger-simulate-')) : env.DATA_DIR;
const schema = env.DATABASE_URL === undefined ? 'ledger' : `simulate_${Date.now().toString(36)}`;
const config = { ...env, DATA_DIR: dataDir, DATABASE_SCHEMA: schema, ESDB_CONNECTION_STRING: undefined };
const logger = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await openDatabase<Database>(config);
try {
  await migrateDatabase(database.connection.db, schema);
  const store = await openEventStore(config, database);
  if (!values.json) {
    process.stdout.write(`${scenario.name}\n${scenario.start} → ${values.until ?? scenario.until}\n\n`);
    process.stdout.write(`${'date'.padEnd(10)}  ${'parcel'.padEnd(20)} ${'rule'} ${'event'.padEnd(30)} detail\n`);
  }
  const started = performance.now();
  const result = await runSimulation({
    store,
    db: database.connection.db as unknown as Kysely<SagaTables>,
    schema,
    scenario,
    ...(values.until === undefined ? {} : { until: values.until }),
    logger,
    verbose: values.verbose,
    onLine: (line) => process.stdout.write(values.json ? `${JSON.stringify(line)}\n` : `${formatLine(line)}\n`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!values.json)
    process.stdout.write(
      `\n${result.steps} steps, ${result.timersFired} timers fired, ${result.timersObsolete} found obsolete, ` +
        `${result.events} events in ${seconds} s\n`,
    );
  await store.close();
} finally {
  if (env.DATABASE_URL !== undefined && !values.keep)
    await sql`DROP SCHEMA IF EXISTS ${sql.raw(quoteIdent(schema))} CASCADE`.execute(database.connection.db);
  await database.close();
  if (env.DATABASE_URL === undefined) await rm(dataDir, { recursive: true, force: true });
}
