import { randomUUID } from 'node:crypto';
import pg from 'pg';
import t from 'tap';
import type { EventStore, NewEvent } from '../../src/eventstore/types.js';
import { PostgresEventStore } from '../../src/eventstore/postgres/postgres-event-store.js';
import { newEvent } from '../helpers/events.js';
import { postgresTestStore, testDatabaseUrl, type TestStore } from '../helpers/postgres.js';

/**
 * Scripted interleavings that break a naive "ORDER BY position" reader: transactions that took
 * a lower position (and transaction id) but commit later, roll back, or stay open.
 */
let ctx: TestStore;
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(() => ctx.close());

/** A second session that appends inside an explicit transaction we control. */
const openSession = async () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  return {
    begin: () => client.query('BEGIN'),
    append: (stream: string, events: NewEvent[]) =>
      client.query(
        `SELECT status FROM "${ctx.schema}".append_events($1, -1, true, $2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[])`,
        [
          stream,
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      ),
    commit: () => client.query('COMMIT'),
    rollback: () => client.query('ROLLBACK'),
    query: (text: string) => client.query(text),
    end: () => client.end(),
  };
};

const tail = (store: EventStore, prefix: string) => {
  let after: string | null = null;
  const seen: string[] = [];
  return {
    seen,
    poll: async () => {
      for (;;) {
        const page = await store.readAll({ after, limit: 2, streamPrefix: prefix });
        seen.push(...page.events.map((e) => e.id));
        after = page.next;
        if (page.events.length === 0) return seen;
      }
    },
  };
};

t.test('a lower transaction that commits after a higher one is not skipped', async (t) => {
  const prefix = `ilv${randomUUID().slice(0, 6)}-`;
  const slow = await openSession();
  const early = newEvent('Slow');
  const late = newEvent('Fast');
  await slow.begin();
  await slow.append(`${prefix}slow`, [early]); // takes the lower xid and position
  await ctx.store.append(`${prefix}fast`, [late], { expectedRevision: 'any' }); // commits first
  const consumer = tail(ctx.store, prefix);
  t.same(await consumer.poll(), [], 'nothing is readable while the lower transaction is open');
  await slow.commit();
  t.same(await consumer.poll(), [early.id, late.id], 'both, in commit-safe order, once');
  t.same(await consumer.poll(), [early.id, late.id], 'no repeats');
  await slow.end();
});

t.test('a rolled-back transaction leaves no trace and does not stall readers for good', async (t) => {
  const prefix = `rb${randomUUID().slice(0, 6)}-`;
  const doomed = await openSession();
  await doomed.begin();
  await doomed.append(`${prefix}doomed`, [newEvent('Doomed')]);
  const kept = newEvent('Kept');
  await ctx.store.append(`${prefix}kept`, [kept], { expectedRevision: 'any' });
  const consumer = tail(ctx.store, prefix);
  t.same(await consumer.poll(), []);
  const waiting = ctx.store.waitForEvents(null, { timeoutMs: 5_000 });
  await doomed.rollback();
  const started = Date.now();
  await waiting;
  t.ok(Date.now() - started < 2_000, 'a waiting reader notices the rollback without a notification');
  t.same(await consumer.poll(), [kept.id]);
  await doomed.end();
});

t.test('a transaction held open while many others commit', async (t) => {
  const prefix = `open${randomUUID().slice(0, 6)}-`;
  const holder = await openSession();
  await holder.begin();
  const held = newEvent('Held');
  await holder.append(`${prefix}held`, [held]);
  const others = Array.from({ length: 20 }, () => newEvent('Other'));
  await Promise.all(others.map((e, i) => ctx.store.append(`${prefix}o${i % 4}`, [e], { expectedRevision: 'any' })));
  const consumer = tail(ctx.store, prefix);
  t.same(await consumer.poll(), [], 'readers wait behind the open transaction');
  await holder.commit();
  const seen = await consumer.poll();
  t.equal(seen.length, 21);
  t.equal(seen[0], held.id, 'the held event comes first: it has the lowest transaction id');
  t.same(new Set(seen), new Set([held.id, ...others.map((e) => e.id)]));
  await holder.end();
});

t.test('an append must be the first write of its transaction', async (t) => {
  const session = await openSession();
  await session.begin();
  await session.query(`CREATE TEMP TABLE scratch (x int)`);
  await session.query(`INSERT INTO scratch VALUES (1)`);
  await t.rejects(session.append(`parcel-${randomUUID()}`, [newEvent()]), { message: /first write/ });
  await session.rollback();
  await session.end();
});

t.test('a reader in another process is woken by NOTIFY sent after the commit', async (t) => {
  const other = new PostgresEventStore({
    pool: ctx.connection.pool,
    schema: ctx.schema,
    wakeUp: 'listen',
    listenConnection: ctx.connection.clientConfig,
  });
  const { next } = await ctx.store.readAll({ after: null, limit: 100_000 });
  // Warm the LISTEN connection with a first short wait, then wait for real.
  await other.waitForEvents(next, { timeoutMs: 50 });
  const waiting = other.waitForEvents(next, { timeoutMs: 20_000 });
  const started = Date.now();
  await ctx.store.append(`parcel-${randomUUID()}`, [newEvent()], { expectedRevision: 'no_stream' });
  await waiting;
  t.ok(Date.now() - started < 3_000, `woken after ${Date.now() - started} ms, not at the 20 s timeout`);
  await other.close();
});

t.test('a transaction held open hides later commits from readAll, but backlog counts them as lag', async (t) => {
  const { next: start } = await ctx.store.readAll({ after: null, limit: 100_000 });
  const type = `Held${randomUUID().slice(0, 8)}`;
  const session = await openSession();
  await session.begin();
  await session.append(`parcel-${randomUUID()}`, [newEvent(type)]);
  await ctx.store.append(`parcel-${randomUUID()}`, [newEvent(type), newEvent(type)], { expectedRevision: 'no_stream' });
  const hidden = await ctx.store.readAll({ after: start, limit: 100, types: [type] });
  t.equal(hidden.events.length, 0, 'readers stop below the open transaction');
  const lag = await ctx.store.backlog(start, { types: [type], cap: 100 });
  t.equal(lag.events, 2, 'the two committed behind it are lag');
  t.ok(lag.oldestRecordedAt !== null);
  await session.commit();
  const after = await ctx.store.readAll({ after: start, limit: 100, types: [type] });
  t.equal(after.events.length, 3, 'all three once it ends');
  t.equal((await ctx.store.backlog(start, { types: [type], cap: 100 })).events, 3);
  await session.end();
});
