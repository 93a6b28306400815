/**
 * Read-your-writes: readPosition with an append's position waits until the host applied it and
 * answers reached: true; with no host running it gives up after the timeout with reached: false
 * and the position the read models do reflect.
 */
import t from 'tap';
import { startProjectionHost } from '../../src/projections/host.js';
import { inProcessLocks } from '../../src/projections/lock.js';
import { readPosition } from '../../src/projections/read-position.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { bookkeeping, readSideStore, silent, waitCaughtUp } from './fixtures/read-side.js';
import { appendUnits } from './fixtures/workload.js';

const NAMES = PROJECTIONS.map((p) => p.name);

t.test('readPosition waits for the host, and times out without one', async (t) => {
  const ctx = await readSideStore(t);
  const db = bookkeeping(ctx);
  const position = (min: string | undefined, timeoutMs?: number) =>
    readPosition(db, ctx.schema, ctx.store, NAMES, min, timeoutMs);

  const first = await appendUnits(ctx.store, 'ry', 0, 2);
  t.ok(first !== null);
  let started = Date.now();
  t.same(await position(first ?? undefined, 200), { position: null, reached: false }, 'no generation yet: not reached');
  t.ok(Date.now() - started >= 200, 'it waited the whole timeout');

  const locks = inProcessLocks();
  const host = startProjectionHost({
    store: ctx.store,
    db,
    schema: ctx.schema,
    projections: PROJECTIONS,
    locks,
    logger: silent,
    takeoverMs: 50,
  });
  t.teardown(() => host.stop());
  const reached = await position(first ?? undefined, 10_000);
  t.equal(reached.reached, true, "the host's catch-up is waited for");
  t.ok(ctx.store.compareCheckpoints(reached.position, first) >= 0, 'and the position is at least the append');

  // Each append is visible to a query given its position, as soon as readPosition returns.
  for (let k = 2; k < 6; k++) {
    const last = await appendUnits(ctx.store, 'ry', k, k + 1);
    const answer = await position(last ?? undefined);
    t.equal(answer.reached, true, `unit ${k}: reached within the default wait`);
    const row = await ctx.connection.db
      .withSchema(ctx.schema)
      .selectFrom('parcels')
      .select('parcel_id')
      .where('parcel_id', '=', `P-ry-${k}`)
      .executeTakeFirst();
    t.ok(row, `unit ${k}: its parcel is in the view`);
  }
  await waitCaughtUp(ctx);
  await host.stop();
  await locks.close();

  // No host: a later append is not reached; the answer names where the read models are.
  const applied = (await position(undefined)).position;
  const later = await appendUnits(ctx.store, 'ry', 6, 7);
  started = Date.now();
  const answer = await position(later ?? undefined, 300);
  t.same(answer, { position: applied, reached: false }, 'not reached; the position the read models reflect');
  t.ok(Date.now() - started >= 300, 'after the timeout');
  t.same(
    await position(applied ?? undefined, 300),
    { position: applied, reached: true },
    'an applied position is reached at once',
  );
});
