/**
 * Operator's tool: rebuilds read models blue/green. Each named projection (default: all) is built
 * from position zero into a new generation while the served one keeps answering queries, then
 * switched in atomically and the old tables dropped. Interrupted (Ctrl-C, crash), it resumes
 * where it stopped the next time it runs. On the embedded default (PGlite), stop the service
 * first: PGlite is one process.
 *   npm run rebuild [-- parcels credit …] [--batch-size 2000]
 */
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import cliProgress from 'cli-progress';
import { loadConfig } from '../src/config.js';
import { migrateDatabase, type Database } from '../src/database.js';
import { openDatabase } from '../src/db/open.js';
import { quoteIdent } from '../src/db/identifiers.js';
import { openEventStore } from '../src/eventstore/open.js';
import { createLogger } from '../src/logger.js';
import type { ProjectionBookkeeping } from '../src/projections/bookkeeping.table.js';
import { advisoryLocks, inProcessLocks } from '../src/projections/lock.js';
import { rebuildProjection } from '../src/projections/rebuild.js';
import { PROJECTIONS, projectionNamed } from '../src/projections/registry.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'batch-size': { type: 'string', default: '2000' } },
});
const config = loadConfig();
const unknown = positionals.filter((name) => projectionNamed(name) === undefined);
if (unknown.length > 0) {
  process.stderr.write(
    `rebuild: unknown projection ${unknown.join(', ')}; known: ${PROJECTIONS.map((p) => p.name).join(', ')}\n`,
  );
  process.exit(2);
}
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
  process.stderr.write('rebuild: --batch-size must be an integer from 1 to 50000\n');
  process.exit(2);
}
const projections = positionals.length > 0 ? positionals.map((n) => projectionNamed(n)!) : PROJECTIONS;
const logger = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await openDatabase<Database>(config);
await migrateDatabase(database.connection.db, config.DATABASE_SCHEMA);
const store = await openEventStore(config, database);
const locks = database.embedded ? inProcessLocks() : await advisoryLocks(database.connection.clientConfig);
const db = database.connection.db as unknown as Kysely<ProjectionBookkeeping>;
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

/** Events the projection will read (known exactly on the PostgreSQL log; unknown on EventStoreDB). */
const totalOf = async (types: readonly string[]): Promise<number | null> => {
  if (config.ESDB_CONNECTION_STRING !== undefined) return null;
  const { rows } = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM ${sql.raw(quoteIdent(config.DATABASE_SCHEMA))}.events WHERE type = ANY(${[...types]})`.execute(
    database.connection.db,
  );
  return Number(rows[0]?.n ?? 0);
};

let failed = false;
try {
  for (const projection of projections) {
    const total = await totalOf(projection.eventTypes);
    const bar = new cliProgress.SingleBar(
      {
        format: `${projection.name.padEnd(10)} [{bar}] {percentage}% | {value}/{total} events | {speed} ev/s | ETA {eta_formatted}`,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    let applied = 0;
    let startedAt = 0;
    const outcome = await rebuildProjection({
      store,
      db,
      schema: config.DATABASE_SCHEMA,
      projection,
      locks,
      logger,
      signal: controller.signal,
      batchSize,
      onStart: (generation, resumed) => {
        if (resumed) process.stdout.write(`${projection.name}: resuming generation ${generation.generation}\n`);
        startedAt = generation.eventsApplied;
        bar.start(total ?? 0, startedAt, { speed: 0 });
      },
      onBatch: (n) => {
        applied += n;
        const speed = Math.round(applied / Math.max(0.001, (Date.now() - started) / 1000));
        if (total !== null && startedAt + applied > total) bar.setTotal(startedAt + applied);
        bar.update(startedAt + applied, { speed });
      },
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${projection.name}: ${outcome.outcome} (generation ${outcome.generation.generation}, version ${projection.version}), ` +
        `${applied} events in ${seconds.toFixed(1)} s\n`,
    );
    if (outcome.outcome !== 'switched') {
      failed = true;
      break;
    }
  }
} finally {
  await locks.close();
  await store.close();
  await database.close();
}
process.exitCode = failed ? 1 : 0;
