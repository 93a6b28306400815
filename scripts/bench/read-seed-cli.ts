/**
 * Seeds a fresh schema with realistic lifecycles for read-side benchmarks and reports the rate:
 *
 *   node --import tsx scripts/bench/read-seed-cli.ts --parcels 10000 [--seed 1] [--concurrency 16] [--keep]
 *
 * DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); the schema `read_<random>` is
 * migrated, seeded, and dropped at the end (also on failure or Ctrl-C) unless --keep, which
 * prints its name for the read benchmark to use. One {"name","value","unit"} JSON line per
 * figure on stdout; progress on stderr.
 */
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { migrateDatabase, type Database } from '../../src/database.js';
import { connectPostgres } from '../../src/db/connect.js';
import { quoteIdent } from '../../src/db/identifiers.js';
import { PostgresEventStore } from '../../src/eventstore/postgres/postgres-event-store.js';
import { seedLifecycles } from './read-seed.js';
import { emit, progress } from './report.js';
import { databaseUrl } from './setup.js';

const USAGE = 'usage: read-seed-cli.ts --parcels N [--seed S] [--concurrency C] [--keep]';

const parse = (argv: readonly string[]) => {
  const values = new Map<string, string>();
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--keep') {
      keep = true;
      continue;
    }
    const value = argv[++i];
    if (!['--parcels', '--seed', '--concurrency'].includes(flag) || value === undefined) {
      throw new Error(`bad argument ${flag}\n${USAGE}`);
    }
    values.set(flag, value);
  }
  const parcels = Number(values.get('--parcels'));
  const seed = Number(values.get('--seed') ?? '1');
  const concurrency = Number(values.get('--concurrency') ?? '16');
  if (!Number.isInteger(parcels) || parcels < 1) throw new Error(`--parcels must be a positive integer\n${USAGE}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer\n${USAGE}`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw new Error(`--concurrency must be 1–256\n${USAGE}`);
  return { parcels, seed, concurrency, keep };
};

const main = async (): Promise<void> => {
  const args = parse(process.argv.slice(2));
  const url = databaseUrl();
  const schema = `read_${randomBytes(6).toString('hex')}`;
  const connection = connectPostgres<Database>({
    connectionString: url,
    poolMax: args.concurrency + 2,
    idleInTransactionTimeoutMs: 60_000,
  });
  let dropped = false;
  const drop = async () => {
    if (args.keep || dropped) return;
    dropped = true;
    await connection.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    progress(`dropped schema ${schema}`);
  };
  const onSignal = () => {
    progress('interrupted');
    void drop()
      .catch(() => undefined)
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const store = new PostgresEventStore({ pool: connection.pool, schema, wakeUp: 'local' });
  try {
    await migrateDatabase(connection.db, schema);
    progress(
      `schema ${schema}; seeding ${args.parcels} parcels, seed ${args.seed}, ${args.concurrency} appends in flight`,
    );
    progress(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const started = performance.now();
    let lastReport = started;
    const result = await seedLifecycles(store, {
      parcels: args.parcels,
      seed: args.seed,
      concurrency: args.concurrency,
      onProgress: (parcels, events) => {
        const now = performance.now();
        if (now - lastReport < 2_000) return;
        lastReport = now;
        const rate = Math.round((events * 1000) / (now - started));
        progress(`${parcels}/${args.parcels} parcels, ${events} events, ${rate} events/s`);
      },
    });
    const ms = performance.now() - started;
    emit('seed.events_per_s', (result.events * 1000) / ms, 'events/s');
    emit('seed.elapsed', ms, 'ms');
    emit('seed.parcels', result.parcels, 'count');
    emit('seed.events', result.events, 'count');
    emit('seed.events_per_parcel', result.events / result.parcels, 'ratio');
    emit('seed.decisions', result.decisions, 'count');
    emit('seed.credit_archives', result.creditArchives, 'count');
    emit('seed.refused_commands', result.refused, 'count');
    for (const [status, count] of Object.entries(result.statuses)) emit(`seed.status.${status}`, count, 'count');
    for (const refusal of result.refusals) progress(`refused: ${refusal}`);
    progress(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (args.keep) progress(`kept schema ${schema} (DATABASE_SCHEMA=${schema})`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close().catch(() => undefined);
    await drop().catch((error: unknown) => progress(`could not drop ${schema}: ${(error as Error).message}`));
    await connection.close().catch(() => undefined);
  }
};

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
