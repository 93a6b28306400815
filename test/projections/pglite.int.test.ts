/**
 * The read side on embedded PGlite (one connection, in-process locks), as the service runs by
 * default: the host catches up, the parcels view answers, a rebuild switches a new generation in
 * and drops the old one, and the rebuilt tables equal the ones the host built.
 */
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { startProjectionHost } from '../../src/projections/host.js';
import { inProcessLocks } from '../../src/projections/lock.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { pgliteTestStore } from '../helpers/postgres.js';
import {
  activeGeneration,
  bookkeeping,
  closeReadSide,
  deadLetters,
  dumpActive,
  silent,
  waitCaughtUp,
} from './fixtures/read-side.js';
import { appendUnits } from './fixtures/workload.js';

t.test('host, view and rebuild on PGlite', async (t) => {
  const ctx = await pgliteTestStore();
  t.teardown(() => closeReadSide(ctx));
  const db = ctx.connection.db as unknown as Kysely<unknown>;
  await appendUnits(ctx.store, 'pg', 0, 12);

  const locks = inProcessLocks();
  const host = startProjectionHost({
    store: ctx.store,
    db: bookkeeping(ctx),
    schema: ctx.schema,
    projections: PROJECTIONS,
    locks,
    logger: silent,
    takeoverMs: 100,
    batchSize: 40,
    idleWaitMs: 300,
  });
  t.teardown(() => host.stop());
  await waitCaughtUp(ctx, PROJECTIONS, 30_000);
  t.same(host.running().sort(), PROJECTIONS.map((p) => `${p.name}#1`).sort(), 'the host runs every projection');

  const count = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.id(ctx.schema, 'parcels')}`.execute(db)).rows[0]?.n;
  t.equal(await count(), 12, 'the parcels view answers one row per parcel');

  // Appends while the host runs reach the view.
  await appendUnits(ctx.store, 'pg', 12, 15);
  await waitCaughtUp(ctx, PROJECTIONS, 30_000);
  t.equal(await count(), 15, 'later appends are applied');

  const incremental = await dumpActive(ctx);
  const old = await activeGeneration(ctx, 'parcels');
  const outcome = await rebuildProjection({
    store: ctx.store,
    db: bookkeeping(ctx),
    schema: ctx.schema,
    projection: PROJECTIONS.find((p) => p.name === 'parcels') ?? PROJECTIONS[0]!,
    locks,
    logger: silent,
  });
  t.match(outcome, { outcome: 'switched', generation: { generation: 2 } }, 'the rebuild switched generation 2 in');
  await waitCaughtUp(ctx, PROJECTIONS, 30_000);
  t.equal((await activeGeneration(ctx, 'parcels')).generation, 2);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.schemata where schema_name = ${old.schema_name}`.execute(db);
  t.equal(rows[0]?.n, 0, 'the old generation schema is gone');
  t.equal(await count(), 15, 'the view answers from the new generation');
  t.same(
    (await dumpActive(ctx))['parcels'],
    incremental['parcels'],
    'rebuilt parcels tables equal the incremental ones',
  );
  t.same(await deadLetters(ctx), [], 'no dead letters');
  // The idle host notices the switch (no commit fences it) and moves on to the new generation.
  const deadline = Date.now() + 3_000;
  while (!host.running().includes('parcels#2') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  t.ok(host.running().includes('parcels#2'), 'the host runs the new parcels generation');
  await appendUnits(ctx.store, 'pg', 15, 17);
  await waitCaughtUp(ctx, PROJECTIONS, 30_000);
  t.equal(await count(), 17, 'appends after the switch reach the new generation');
  t.same(await deadLetters(ctx), [], 'still no dead letters');
  await host.stop();
  await locks.close();
});
