/**
 * A blue/green rebuild of every projection while writers append and the live host keeps
 * running: queries against the base-schema views never fail (a loop runs throughout); each
 * rebuilt generation is switched in, the old generation's schema dropped, the host moves on to
 * the new generation; once the writers stopped and the host caught up, the switched-in tables
 * equal a second fresh rebuild of the same log, row for row.
 */
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { startProjectionHost } from '../../src/projections/host.js';
import { advisoryLocks } from '../../src/projections/lock.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import {
  activeGeneration,
  bookkeeping,
  deadLetters,
  dumpActive,
  readSideStore,
  silent,
  waitCaughtUp,
} from './fixtures/read-side.js';
import { appendUnits, startWriters } from './fixtures/workload.js';

t.test('rebuild every projection during writes', async (t) => {
  const ctx = await readSideStore(t, { poolMax: 16 });
  const db = ctx.connection.db as unknown as Kysely<unknown>;
  await appendUnits(ctx.store, 'rb', 0, 120);

  const hostLocks = await advisoryLocks(ctx.connection.clientConfig);
  const host = startProjectionHost({
    store: ctx.store,
    db: bookkeeping(ctx),
    schema: ctx.schema,
    projections: PROJECTIONS,
    locks: hostLocks,
    logger: silent,
    takeoverMs: 100,
    batchSize: 100,
    idleWaitMs: 500,
  });
  t.teardown(async () => {
    await host.stop();
    await hostLocks.close();
  });
  await waitCaughtUp(ctx);
  const old = await Promise.all(PROJECTIONS.map((p) => activeGeneration(ctx, p.name)));

  // Queries against every view, all the time, until the end.
  const queryErrors: string[] = [];
  let queries = 0;
  const querying = new AbortController();
  const queryLoop = (async () => {
    while (!querying.signal.aborted) {
      for (const p of PROJECTIONS)
        for (const table of p.tables) {
          try {
            await sql`select count(*) from ${sql.id(ctx.schema, table)}`.execute(db);
            queries++;
          } catch (error) {
            queryErrors.push(`${table}: ${(error as Error).message}`);
          }
        }
    }
  })();

  const writing = new AbortController();
  const writers = startWriters(ctx.store, 'rw', 2, writing.signal, 2);
  const rebuildLocks = await advisoryLocks(ctx.connection.clientConfig);
  try {
    const outcomes = await Promise.all(
      PROJECTIONS.map((projection) =>
        rebuildProjection({
          store: ctx.store,
          db: bookkeeping(ctx),
          schema: ctx.schema,
          projection,
          locks: rebuildLocks,
          logger: silent,
          batchSize: 50,
        }),
      ),
    );
    t.same(
      outcomes.map((o) => [o.outcome, o.generation.generation]),
      PROJECTIONS.map(() => ['switched', 2]),
      'every rebuild switched generation 2 in',
    );
  } finally {
    await rebuildLocks.close();
  }
  // Writes go on for a moment after the switch: the host must apply them to the new generation.
  await new Promise((r) => setTimeout(r, 300));
  writing.abort();
  const units = await writers;
  t.ok(units > 0, `writers appended ${units} units meanwhile`);
  await waitCaughtUp(ctx, PROJECTIONS, 20_000);
  querying.abort();
  await queryLoop;
  t.same(queryErrors, [], `${queries} queries against the views during the rebuild, none failed`);
  t.same(host.running().sort(), PROJECTIONS.map((p) => `${p.name}#2`).sort(), 'the host runs the new generations');

  for (const [i, p] of PROJECTIONS.entries()) {
    const gen = await activeGeneration(ctx, p.name);
    t.equal(gen.generation, 2, `${p.name}: generation 2 is active`);
    const oldSchema = old[i]?.schema_name ?? '';
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.schemata where schema_name = ${oldSchema}`.execute(db);
    t.equal(rows[0]?.n, 0, `${p.name}: the old generation's schema ${oldSchema} is gone`);
    const retired = await bookkeeping(ctx)
      .withSchema(ctx.schema)
      .selectFrom('projection_generations')
      .select('state')
      .where('projection', '=', p.name)
      .where('generation', '=', 1)
      .executeTakeFirst();
    t.equal(retired?.state, 'retired', `${p.name}: generation 1 is recorded as retired`);
  }
  t.same(await deadLetters(ctx), [], 'no dead letters');

  // The switched-in generation (built from zero, then kept up by the host) against a second rebuild.
  const switched = await dumpActive(ctx);
  const locks = await advisoryLocks(ctx.connection.clientConfig);
  try {
    for (const projection of PROJECTIONS) {
      const { outcome } = await rebuildProjection({
        store: ctx.store,
        db: bookkeeping(ctx),
        schema: ctx.schema,
        projection,
        locks,
        logger: silent,
      });
      t.equal(outcome, 'switched', `${projection.name}: second rebuild switched in`);
    }
  } finally {
    await locks.close();
  }
  await waitCaughtUp(ctx);
  const second = await dumpActive(ctx);
  for (const p of PROJECTIONS)
    for (const table of p.tables)
      t.same(switched[p.name]?.[table], second[p.name]?.[table], `${p.name}.${table}: equal to a fresh rebuild`);
  t.ok((switched['parcels']?.['parcels']?.length ?? 0) > 40, 'the parcels table is not trivially empty');
});
