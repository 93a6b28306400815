/**
 * Two hosts on one schema (two child processes, advisory locks): exactly one runs each
 * projection, the other stands by; when the holder is SIGKILLed its session's locks vanish and
 * the stand-by takes every projection over within a few takeover intervals, and applies what is
 * appended after the kill.
 */
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { lockKey } from '../../src/projections/host.js';
import { PROJECTIONS } from '../../src/projections/registry.js';
import { startChildHost, type ChildHost } from './fixtures/child-host.js';
import { activeGeneration, deadLetters, readSideStore, waitCaughtUp } from './fixtures/read-side.js';
import { appendUnits } from './fixtures/workload.js';

const ALL = PROJECTIONS.map((p) => `${p.name}#1`).sort();
const TAKEOVER_MS = 150;

t.test('one host runs each projection; the other takes over when it is killed', async (t) => {
  const ctx = await readSideStore(t);
  const db = ctx.connection.db as unknown as Kysely<unknown>;
  const children: ChildHost[] = [];
  t.teardown(async () => {
    for (const c of children) await c.kill();
  });
  await appendUnits(ctx.store, 'to', 0, 10);

  const a = await startChildHost(ctx.schema, { takeoverMs: TAKEOVER_MS });
  children.push(a);
  await a.until((r) => r.length === ALL.length);
  const b = await startChildHost(ctx.schema, { takeoverMs: TAKEOVER_MS });
  children.push(b);
  await waitCaughtUp(ctx);
  // Several takeover attempts of b's have failed by now.
  await new Promise((r) => setTimeout(r, TAKEOVER_MS * 4));
  t.same(a.running(), ALL, 'the first host runs every projection');
  t.same(b.running(), [], 'the second runs none: it does not hold the locks');

  // Seen from PostgreSQL: each generation's lock is held by some session (ours cannot take it).
  const held = async (): Promise<boolean[]> =>
    Promise.all(
      PROJECTIONS.map(async (p) => {
        const key = lockKey(ctx.schema, { projection: p.name, generation: 1 });
        const client = await ctx.connection.pool.connect();
        try {
          const { rows } = await client.query<{ ok: boolean }>(
            'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
            [key],
          );
          if (rows[0]?.ok) await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
          return rows[0]?.ok !== true;
        } finally {
          client.release();
        }
      }),
    );
  t.same(
    await held(),
    PROJECTIONS.map(() => true),
    'every generation lock is held in PostgreSQL',
  );

  const killedAt = Date.now();
  await a.kill();
  await b.until((r) => r.length === ALL.length, 5_000);
  const tookMs = Date.now() - killedAt;
  t.ok(tookMs < 3_000, `the second host took every projection over ${tookMs} ms after the kill`);
  t.same(b.running(), ALL);

  const before = (await activeGeneration(ctx, 'parcels')).position;
  const last = await appendUnits(ctx.store, 'after', 0, 5);
  await waitCaughtUp(ctx, PROJECTIONS, 10_000);
  const after = await activeGeneration(ctx, 'parcels');
  t.ok(ctx.store.compareCheckpoints(after.position, before) > 0, 'the parcels checkpoint moved after the kill');
  t.ok(ctx.store.compareCheckpoints(after.position, last) >= 0, "it reached the last append's position");
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.id(ctx.schema, 'parcels')} where parcel_id like 'P-after-%'`.execute(db);
  t.equal(rows[0]?.n, 5, 'the parcels appended after the kill are in the view');
  t.same(await deadLetters(ctx), [], 'no dead letters');
  t.same(
    await held(),
    PROJECTIONS.map(() => true),
    'the survivor holds every lock',
  );
});
