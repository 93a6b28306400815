/**
 * Saga and timer benchmark: how fast the sagas catch up on a log of signed contracts, and how
 * fast the timer pollers fire a large backlog of due timers, checked against the log afterwards.
 *
 *   node --import tsx scripts/bench-sagas.ts [--quick] [--keep] [--timers N] [--concurrency C]
 *     [--pollers P] [--batch B] [--profile]
 *
 * DATABASE_URL is required. In a fresh schema (dropped at the end, also on failure or Ctrl-C,
 * unless --keep):
 *   seed       parcels whose contract is signed on 2026-03-20 and nothing else, through the real
 *              command handler, 32 at a time; the parcel-timers saga is first run on parcel 1 alone
 *              to learn how many of its timers are due by 2029-06-01, which sizes the rest so that
 *              at least N timers (default 100,000; --quick 10,000) are due
 *   catch-up   every saga of the registry (runSagaUntilCaughtUp) from position zero, concurrently
 *   fire       a virtual clock at 2029-06-01T00:00+08:00; P pollers (default 2) call fireDue()
 *              concurrently, each C firings in flight (default 16), B rows per claim (default the
 *              poller's own)
 *   verify     from the log with SQL (sagas-verify.ts): no timer fired twice, no due timer missed;
 *              the process exits 1 otherwise
 * The pool is DATABASE_POOL_MAX if set, else sized to the firings in flight (P × C + 8).
 * --profile also times the store calls under the firing phase (stderr). One {"name","value","unit"}
 * JSON line per figure on stdout; progress on stderr. Target: ≥ 5,000 timers fired per second.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { VirtualClock } from '../src/sagas/clock.js';
import { SAGAS, sagaNamed } from '../src/sagas/registry.js';
import { runSagaUntilCaughtUp } from '../src/sagas/runner.js';
import { countDue } from '../src/sagas/timer-table.js';
import { fireAll, profileDb, profileStore } from './bench/sagas-fire.js';
import { emitHost, emitSeconds, load } from './bench/sagas-report.js';
import { probeTimersPerParcel, seedParcels, signParcel, SIGNED_AT } from './bench/sagas-seed.js';
import { openSagaBench } from './bench/sagas-setup.js';
import { eventCounts, verifyFiring } from './bench/sagas-verify.js';
import { emit, progress } from './bench/report.js';
import { perSecond } from './bench/timing.js';

const USAGE =
  'usage: bench-sagas.ts [--quick] [--keep] [--timers N] [--concurrency C] [--pollers P] [--batch B] [--profile]';
/** Seeding commands in flight. */
const SEED_CONCURRENCY = 32;
/** The virtual instant the backlog is fired at. */
const DUE_BY = new Date('2029-06-01T00:00:00+08:00');
const TARGET_PER_S = 5_000;

const parse = (argv: readonly string[]) => {
  let quick = false;
  let keep = false;
  let profile = false;
  let timers: number | null = null;
  let concurrency = 16;
  let pollers = 2;
  let batchSize: number | undefined;
  const positive = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: a positive integer\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--quick') quick = true;
    else if (flag === '--keep') keep = true;
    else if (flag === '--profile') profile = true;
    else if (flag === '--timers') timers = positive(flag, argv[++i]);
    else if (flag === '--concurrency') concurrency = positive(flag, argv[++i]);
    else if (flag === '--pollers') pollers = positive(flag, argv[++i]);
    else if (flag === '--batch') batchSize = positive(flag, argv[++i]);
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return { keep, profile, timers: timers ?? (quick ? 10_000 : 100_000), concurrency, pollers, batchSize };
};

const main = async (): Promise<void> => {
  const args = parse(process.argv.slice(2));
  const started = performance.now();
  emitHost();
  const bench = await openSagaBench({ keep: args.keep, defaultPoolMax: args.pollers * args.concurrency + 8 });
  let failedCheck: boolean;
  try {
    const { db, schema, logger } = bench;
    const profile = args.profile ? profileStore(bench.store) : null;
    const store = profile?.store ?? bench.store;
    const clock = new VirtualClock(SIGNED_AT);
    const parcelTimers = sagaNamed('parcel-timers');
    if (parcelTimers === undefined) throw new Error('no parcel-timers saga in the registry');
    emit('db.pool_max', bench.poolMax, 'count');
    emit('scale.pollers', args.pollers, 'count');
    emit('scale.concurrency', args.concurrency, 'count');
    if (args.batchSize !== undefined) emit('scale.batch', args.batchSize, 'count');

    // 1. Seed: parcel 1 alone first, to learn how many timers a parcel gets.
    progress(`probing: parcel 1 through the parcel-timers saga (load ${load()})`);
    await signParcel(store, 1);
    const perParcel = await probeTimersPerParcel({
      store,
      db,
      schema,
      saga: parcelTimers,
      logger,
      clock,
      dueBy: DUE_BY,
    });
    if (perParcel === 0) throw new Error(`a signed parcel has no timer due by ${DUE_BY.toISOString()}`);
    const parcels = Math.ceil(args.timers / perParcel);
    emit('scale.target_timers', args.timers, 'count');
    emit('scale.timers_due_per_parcel', perParcel, 'count');
    emit('scale.parcels', parcels, 'count');
    progress(`${perParcel} timers due per parcel: seeding ${parcels} parcels, ${SEED_CONCURRENCY} at a time`);
    const seedMs = await seedParcels(store, { from: 2, to: parcels }, SEED_CONCURRENCY, (done) =>
      progress(`  ${done + 1}/${parcels} parcels signed`),
    );
    emit('seed.commands_per_s', perSecond(parcels - 1, seedMs), 'commands/s');
    await sql`ANALYZE ${sql.id(schema, 'events')}`.execute(db);

    // 2. Saga catch-up from position zero, every saga at once (as the host runs them).
    progress(`catch-up: ${SAGAS.map((s) => s.name).join(', ')} from position zero (load ${load()})`);
    const catchUpStarted = performance.now();
    const perSaga = await Promise.all(
      SAGAS.map(async (saga) => {
        const t0 = performance.now();
        const handled = await runSagaUntilCaughtUp({ store, db, schema, saga, logger, clock });
        return { name: saga.name, handled, ms: performance.now() - t0 };
      }),
    );
    const catchUpMs = performance.now() - catchUpStarted;
    const handled = perSaga.reduce((n, s) => n + s.handled, 0);
    emit('saga.catchup.events', handled, 'count');
    emit('saga.catchup.events_per_s', perSecond(handled, catchUpMs), 'events/s');
    emitSeconds('saga.catchup.seconds', catchUpMs);
    for (const s of perSaga) {
      emit(`saga.catchup.${s.name}.events`, s.handled, 'count');
      emit(`saga.catchup.${s.name}.events_per_s`, perSecond(s.handled, s.ms), 'events/s');
    }
    const afterCatchUp = await eventCounts(db, schema);
    emit('saga.catchup.timers_scheduled', afterCatchUp.get('TimerScheduled') ?? 0, 'count');
    if (profile !== null) for (const line of profile.describe()) progress(`  store (seed + catch-up): ${line}`);

    // 3. Fire the backlog.
    clock.set(DUE_BY);
    await sql`ANALYZE ${sql.id(schema, 'saga_timers')}`.execute(db);
    await sql`ANALYZE ${sql.id(schema, 'events')}`.execute(db);
    const due = await countDue(db, schema, clock.now());
    emit('timers.due', due, 'count');
    if (due < args.timers) progress(`only ${due} timers due, fewer than the ${args.timers} asked for`);
    progress(
      `firing ${due} timers: ${args.pollers} pollers × ${args.concurrency} in flight, clock ${clock.now().toISOString()} (load ${load()})`,
    );
    profile?.reset();
    const pollerDb = args.profile ? profileDb(bench.database.connection.pool) : null;
    const fired = await fireAll({
      store,
      db: pollerDb?.db ?? db,
      schema,
      clock,
      logger,
      pollers: args.pollers,
      concurrency: args.concurrency,
      batchSize: args.batchSize,
      onProgress: (n) => progress(`  ${n}/${due} firings`),
    });
    const firedPerS = perSecond(fired.fired + fired.obsolete, fired.ms);
    emit('timers.fired_per_s', firedPerS, 'commands/s');
    emitSeconds('timers.fire.seconds', fired.ms);
    emit('timers.fired', fired.fired, 'count');
    emit('timers.obsolete', fired.obsolete, 'count');
    emit('timers.failed', fired.failed, 'count');
    // Share of one core this process used while firing (> 1: more than one core).
    emit('timers.fire.node_cpu_cores', fired.ms <= 0 ? 0 : fired.cpuMs / fired.ms, 'ratio');
    emit('timers.fire.node_cpu_ms_per_timer', fired.cpuMs / Math.max(1, fired.fired + fired.obsolete), 'ms');
    fired.perPoller.forEach((r, i) =>
      progress(`  poller ${i + 1}: ${r.fired} fired, ${r.obsolete} obsolete, ${r.failed} failed`),
    );
    if (profile !== null) for (const line of profile.describe()) progress(`  store (firing): ${line}`);
    if (pollerDb !== null) for (const line of pollerDb.describe()) progress(`  pollers' SQL: ${line}`);

    // 4. Verify from the log.
    progress('verifying from the log');
    const v = await verifyFiring(db, schema, clock.now());
    emit('timers.duplicated', v.duplicated, 'count');
    emit('timers.missed', v.missed, 'count');
    emit('timers.left_in_table', v.leftInTable, 'count');
    emit('timers.due_in_log', v.dueInLog, 'count');
    emit('timers.firing_records', v.firingRecords, 'count');
    if (v.duplicated > 0) progress(`DUPLICATED firings, e.g. ${v.duplicatedSample.join(', ')}`);
    if (v.missed > 0) progress(`MISSED timers, e.g. ${v.missedSample.join(', ')}`);
    failedCheck = v.duplicated !== 0 || v.missed !== 0;
    const counts = await eventCounts(db, schema);
    progress(`log: ${[...counts].map(([type, n]) => `${type} ${n}`).join(', ')}`);

    // 5. Summary.
    const met = firedPerS >= TARGET_PER_S;
    progress(
      [
        '',
        `summary (${parcels} parcels, ${perParcel} due timers each):`,
        `  saga catch-up   ${handled} events in ${(catchUpMs / 1000).toFixed(1)} s = ${Math.round(perSecond(handled, catchUpMs))} events/s`,
        `  timer firing    ${fired.fired + fired.obsolete} of ${due} due (${fired.fired} with effect, ${fired.obsolete} obsolete, ${fired.failed} failed) in ${(fired.ms / 1000).toFixed(1)} s = ${Math.round(firedPerS)}/s with ${args.pollers} pollers × ${args.concurrency}, pool ${bench.poolMax}`,
        `  log check       ${v.duplicated} duplicated, ${v.missed} missed, ${v.leftInTable} still due in saga_timers: ${failedCheck ? 'FAILED' : 'ok'}`,
        `  target          ≥ ${TARGET_PER_S} timers/s: ${met ? 'met' : 'NOT met'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await bench.close();
    progress(`load average at end ${load()}; done in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  if (failedCheck) process.exitCode = 1;
};

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
