/**
 * Read-side benchmark: rebuild throughput, query latencies and catch-up lag of the read models on
 * realistic data, at two scales:
 *
 *   node --import tsx scripts/bench-read.ts [--quick] [--keep] [--scales 10000,50000] [--catchup-s 20]
 *
 * --quick: 10,000 and 50,000 parcels; default: 100,000 and 1,000,000 (~10 events a parcel).
 * For each scale, a fresh schema on DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 * is migrated and seeded (a base of real lifecycles through the deciders, then copies under new
 * ids: read-scale.ts), then:
 *   read_all      the whole log in the runner's pages, unfiltered and with the projections' types
 *   rebuild       every projection rebuilt from zero concurrently (rebuildProjection each)
 *   queries       get_parcel, list_parcels (filtered, paged) and the deadline queue, called
 *                 directly on the query functions (no HTTP), one at a time
 *   catch-up      the projection host running while 32 writers append; append → visible lag
 * The schema and every generation schema are dropped at the end (also on failure or Ctrl-C)
 * unless --keep. One {"name","value","unit"} JSON line per figure on stdout (the scale in the
 * name: get_parcel.p99_ms@50000); progress on stderr. It reports, it does not assert.
 */
import { cpus, loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { ProjectionBookkeeping } from '../src/projections/bookkeeping.table.js';
import { dropAllGenerations } from '../src/projections/generations.js';
import type { ParcelTables } from '../src/projections/parcels/tables.js';
import { PROJECTIONS } from '../src/projections/registry.js';
import { quoteIdent } from '../src/db/identifiers.js';
import { seedTag } from './seed/plan.js';
import { measureCatchUp } from './bench/read-catchup.js';
import { measureQueries, parcelIds } from './bench/read-queries.js';
import { readWholeLog, rebuildAll } from './bench/read-rebuild.js';
import { seedScaled } from './bench/read-scale.js';
import { emit, emitRatio, progress } from './bench/report.js';
import { openBench } from './bench/setup.js';
import { percentile, perSecond } from './bench/timing.js';

const USAGE = 'usage: bench-read.ts [--quick] [--keep] [--scales N,M] [--catchup-s S]';
const SEED = 1;
const WRITERS = 32;
/** Seeding appends in flight. */
const SEED_CONCURRENCY = 16;

const parse = (argv: readonly string[]) => {
  let quick = false;
  let keep = false;
  let scales: number[] | null = null;
  let catchUpS = 20;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') quick = true;
    else if (flag === '--keep') keep = true;
    else if (flag === '--scales') scales = (argv[++i] ?? '').split(',').map(Number);
    else if (flag === '--catchup-s') catchUpS = Number(argv[++i]);
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  scales ??= quick ? [10_000, 50_000] : [100_000, 1_000_000];
  if (scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--scales: positive integers\n${USAGE}`);
  if (!(catchUpS >= 0)) throw new Error(`--catchup-s: seconds ≥ 0\n${USAGE}`);
  return { scales, keep, catchUpS };
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const projectionTypes = [...new Set(PROJECTIONS.flatMap((p) => p.eventTypes))];

const runScale = async (parcels: number, options: { keep: boolean; catchUpS: number }) => {
  const at = `@${parcels}`;
  const bench = await openBench(WRITERS + 8, { rawTable: false, keep: options.keep });
  try {
    progress(`${parcels} parcels: seeding (load ${load()})`);
    const seeded = await seedScaled(bench.store, {
      parcels,
      seed: SEED,
      concurrency: SEED_CONCURRENCY,
      onProgress: progress,
    });
    emit(`seed.events_per_s${at}`, perSecond(seeded.events, seeded.ms), 'events/s');
    emit(`seed.base.events_per_s${at}`, perSecond(seeded.base.events, seeded.base.ms), 'events/s');
    if (seeded.clones.copies > 0)
      emit(`seed.clone.events_per_s${at}`, perSecond(seeded.clones.events, seeded.clones.ms), 'events/s');
    emit(`seed.parcels${at}`, seeded.parcels, 'count');
    emit(`seed.events${at}`, seeded.events, 'count');
    emit(`seed.events_per_parcel${at}`, seeded.events / seeded.parcels, 'ratio');
    emit(`seed.refused_commands${at}`, seeded.base.refused, 'count');
    await bench.analyze();
    await bench.checkpoint();

    progress(`${parcels} parcels: reading the whole log (load ${load()})`);
    const all = await readWholeLog(bench.store);
    emit(`read_all.events_per_s${at}`, perSecond(all.events, all.ms), 'events/s');
    const typed = await readWholeLog(bench.store, { types: projectionTypes });
    emit(`read_all.projection_types.events_per_s${at}`, perSecond(typed.events, typed.ms), 'events/s');
    emit(`read_all.projection_types.events${at}`, typed.events, 'count');

    progress(`${parcels} parcels: rebuilding ${PROJECTIONS.map((p) => p.name).join(', ')} (load ${load()})`);
    const rebuilt = await rebuildAll(bench, PROJECTIONS);
    emit(`rebuild.events_per_s${at}`, perSecond(rebuilt.events, rebuilt.ms), 'events/s');
    emit(`rebuild.events${at}`, rebuilt.events, 'count');
    emit(`rebuild.elapsed_ms${at}`, rebuilt.ms, 'ms');
    for (const p of rebuilt.projections) {
      if (p.outcome !== 'switched') progress(`rebuild of ${p.name} ended '${p.outcome}'`);
      emit(`rebuild.${p.name}.events_per_s${at}`, perSecond(p.events, p.ms), 'events/s');
    }
    // As autovacuum would after a bulk load; the planner needs the new tables' statistics.
    const db = bench.connection.db as unknown as Kysely<ProjectionBookkeeping>;
    const schemas = await db
      .withSchema(bench.schema)
      .selectFrom('projection_generations')
      .select('schema_name')
      .execute();
    for (const { schema_name } of schemas) {
      const tables = await sql<{
        tablename: string;
      }>`SELECT tablename FROM pg_tables WHERE schemaname = ${schema_name}`.execute(db);
      for (const { tablename } of tables.rows)
        await sql.raw(`ANALYZE ${quoteIdent(schema_name)}.${quoteIdent(tablename)}`).execute(db);
    }

    progress(`${parcels} parcels: queries (load ${load()})`);
    const models = bench.connection.db.withSchema(bench.schema) as unknown as Kysely<ParcelTables>;
    const ids = await parcelIds(bench.connection.db, bench.schema);
    await measureQueries(models, ids, { gets: 200, lists: 20, seed: 'warm' });
    const q = await measureQueries(models, ids, { gets: 2_000, lists: 150, seed: String(parcels) });
    emit(`get_parcel.p50_ms${at}`, percentile(q.get, 50), 'ms');
    emit(`get_parcel.p99_ms${at}`, percentile(q.get, 99), 'ms');
    emit(`list_parcels.p50_ms${at}`, percentile(q.list, 50), 'ms');
    emit(`list_parcels.p99_ms${at}`, percentile(q.list, 99), 'ms');
    emit(`list_parcels.pages${at}`, q.list.length, 'count');
    emit(`list_parcels.rows${at}`, q.listRows, 'count');
    emit(`deadlines_queue.p50_ms${at}`, percentile(q.queue, 50), 'ms');
    emit(`deadlines_queue.p99_ms${at}`, percentile(q.queue, 99), 'ms');
    emit(`deadlines_queue.pages${at}`, q.queue.length, 'count');
    emit(`deadlines_queue.rows${at}`, q.queueRows, 'count');

    const p99 = {
      get: percentile(q.get, 99),
      list: percentile(q.list, 99),
      queue: percentile(q.queue, 99),
    };
    if (options.catchUpS > 0) {
      progress(`${parcels} parcels: catch-up, ${WRITERS} writers for ${options.catchUpS} s (load ${load()})`);
      // Copies of base lifecycles only (a copy's ids no longer carry the plain tag).
      const tag = seedTag(String(SEED));
      const templates = ids
        .filter((id) => id.includes(`-${tag}-`))
        .slice(0, 500)
        .map((id) => `parcel-${id}`);
      const c = await measureCatchUp(bench, {
        projections: PROJECTIONS,
        writers: WRITERS,
        durationMs: options.catchUpS * 1000,
        templates,
        tag,
        firstCopy: 100_000,
      });
      emit(`catchup.lag_ms.p50${at}`, percentile(c.lags, 50), 'ms');
      emit(`catchup.lag_ms.p99${at}`, percentile(c.lags, 99), 'ms');
      emit(`catchup.appends_per_s${at}`, perSecond(c.appends, c.ms), 'commands/s');
      emit(`catchup.unseen_appends${at}`, c.unseen, 'count');
    }
    if (!options.keep) await dropAllGenerations(db, bench.schema);
    return { p99, rebuild: perSecond(rebuilt.events, rebuilt.ms) };
  } finally {
    progress(`${parcels} parcels: done (load ${load()})`);
    await bench.close();
  }
};

const main = async (): Promise<void> => {
  const args = parse(process.argv.slice(2));
  const [one, five, fifteen] = loadavg();
  emit('host.load_avg_1m', one ?? 0, 'ratio');
  emit('host.load_avg_5m', five ?? 0, 'ratio');
  emit('host.load_avg_15m', fifteen ?? 0, 'ratio');
  emit('host.cpus', cpus().length, 'count');
  const started = Date.now();
  const results = [];
  for (const parcels of args.scales) results.push(await runScale(parcels, args));
  const [small, large] = [results[0], results.at(-1)];
  if (results.length > 1 && small && large) {
    const ratio = `${args.scales.at(-1)}_vs_${args.scales[0]}`;
    emitRatio(`ratio.get_parcel.p99.${ratio}`, large.p99.get, small.p99.get);
    emitRatio(`ratio.list_parcels.p99.${ratio}`, large.p99.list, small.p99.list);
    emitRatio(`ratio.deadlines_queue.p99.${ratio}`, large.p99.queue, small.p99.queue);
  }
  progress(`load average at end ${load()}; done in ${Math.round((Date.now() - started) / 1000)} s`);
};

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
