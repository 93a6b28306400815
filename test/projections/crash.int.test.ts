/**
 * A projection host killed (SIGKILL) at 20 random moments while writers append never loses or
 * doubles an effect: after a final catch-up, every projection's tables equal a fresh rebuild
 * from the same log, row for row, and nothing was dead-lettered. The checkpoint moves in the
 * rows' transaction, so a kill mid-batch leaves both or neither.
 */
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { advisoryLocks, inProcessLocks } from '../../src/projections/lock.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { startChildHost } from './fixtures/child-host.js';
import {
  activeGeneration,
  bookkeeping,
  deadLetters,
  dumpActive,
  readSideStore,
  runHostUntilCaughtUp,
  silent,
} from './fixtures/read-side.js';
import { appendUnits, startWriters } from './fixtures/workload.js';

const KILLS = 20;

t.test('a host killed at random moments ends equal to a fresh rebuild', async (t) => {
  const ctx = await readSideStore(t, { poolMax: 16 });
  await appendUnits(ctx.store, 'pre', 0, 10);
  const stop = new AbortController();
  const writers = startWriters(ctx.store, 'cr', 2, stop.signal, 2);
  const started = Date.now();
  let killedMidRun = 0;
  for (let i = 0; i < KILLS; i++) {
    const child = await startChildHost(ctx.schema, { takeoverMs: 50, batchSize: 25 });
    // Let it take the locks (the previous one's session may linger a moment), then run a while.
    await child.until((r) => r.length > 0, 10_000).catch(() => undefined);
    await sleep(randomInt(20, 300));
    if (child.running().length > 0) killedMidRun++;
    await child.kill();
  }
  stop.abort();
  const units = await writers;
  t.ok(units > 0, `writers appended ${units} units during ${KILLS} kills (${Date.now() - started} ms)`);
  t.ok(killedMidRun >= KILLS / 2, `${killedMidRun} of ${KILLS} kills hit a host that was running projections`);

  const locks = await advisoryLocks(ctx.connection.clientConfig);
  try {
    await runHostUntilCaughtUp(ctx, { locks });
  } finally {
    await locks.close();
  }
  t.same(await deadLetters(ctx), [], 'no dead letters');
  const incremental = await dumpActive(ctx);
  const before = await Promise.all(PROJECTIONS.map((p) => activeGeneration(ctx, p.name)));

  const rebuildLocks = inProcessLocks();
  for (const projection of PROJECTIONS) {
    const { outcome } = await rebuildProjection({
      store: ctx.store,
      db: bookkeeping(ctx),
      schema: ctx.schema,
      projection,
      locks: rebuildLocks,
      logger: silent,
    });
    t.equal(outcome, 'switched', `${projection.name} rebuilt and switched in`);
  }
  const rebuilt = await dumpActive(ctx);
  for (const [i, projection] of PROJECTIONS.entries()) {
    const after = await activeGeneration(ctx, projection.name);
    t.not(after.generation, before[i]?.generation, `${projection.name}: the rebuild is a new generation`);
    for (const table of projection.tables) {
      const a = incremental[projection.name]?.[table] ?? [];
      t.ok(a.length > 0 || table !== projection.tables[0], `${projection.name}.${table}: ${a.length} rows`);
      t.same(a, rebuilt[projection.name]?.[table], `${projection.name}.${table}: incremental = rebuild, row for row`);
    }
  }
});
