/**
 * The timer poller on real PostgreSQL: two pollers drain 500 due timers together, each timer
 * fired exactly once; a lease that runs out while a slow firing goes on lets the other poller
 * fire it again, and the effect is still appended once (idempotency key = timer id); a firing
 * the owner refuses is recorded as obsolete and its row goes; any other failure keeps the row
 * with its error and a later lease. Due is judged by the (virtual) clock.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import t from 'tap';
import type { Command, Decider, DomainEvent } from '../../src/domain/decider.js';
import { DomainError } from '../../src/domain/errors.js';
import { handleCommand } from '../../src/eventstore/command-handler.js';
import type { TestStore } from '../helpers/postgres.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { createTimerPoller, fireParcelTimer, type DueTimer, type FireTimer } from '../../src/sagas/poller.js';
import { applyTimerChanges, countDue, type TimerChanges } from '../../src/sagas/timer-table.js';
import { countEvents, sagaDb, sagaStore, silent, stampFor, timerTable } from './fixtures/sagas.js';

type Fire = Command<'Fire', { timerId: string }>;
type Fired = DomainEvent<'TestTimerFired', { timerId: string }>;
const firingDecider: Decider<Fire, Fired, number> = {
  decide: (command) => [{ type: 'TestTimerFired', data: { timerId: command.data.timerId } }],
  evolve: (n) => n + 1,
  initialState: () => 0,
};

/** A firing that appends one event per timer through the real command handler, keyed by the timer id. */
const appendingFire =
  (ctx: TestStore, calls: Map<string, number>, delayMs: (due: DueTimer, call: number) => number = () => 0): FireTimer =>
  async (due) => {
    const call = (calls.get(due.timerId) ?? 0) + 1;
    calls.set(due.timerId, call);
    const wait = delayMs(due, call);
    if (wait > 0) await sleep(wait);
    await handleCommand({
      store: ctx.store,
      stream: `firing-${due.timerId.replaceAll('/', '.')}`,
      decider: firingDecider,
      command: {
        type: 'Fire',
        data: { timerId: due.timerId },
        context: { now: '2026-09-01T00:00:00+08:00', actor: { id: 'test', role: 'SYSTEM' } },
      },
      envelope: { correlationId: due.timerId },
      idempotencyKey: due.timerId,
      clock: () => new Date(),
    });
  };

/** `n` timers of `owners` owners, due on `dueDate`. */
const seed = async (ctx: TestStore, n: number, dueDate: string, owners = 50): Promise<string[]> => {
  const changes: TimerChanges = new Map();
  for (let i = 0; i < n; i++) {
    const timer = stampFor(`O-${i % owners}`, dueDate, { subject: `s${i}` });
    changes.set(timer.timerId, { timerId: timer.timerId, saga: 'test_saga', timer, scheduledBy: null });
  }
  await applyTimerChanges(sagaDb(ctx), ctx.schema, changes);
  return [...changes.keys()];
};

t.test('two pollers drain 500 due timers: each fired exactly once', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const clock = new VirtualClock(new Date('2026-07-01T00:00:00+08:00'));
  const ids = await seed(ctx, 500, '2026-08-01');
  await seed(ctx, 7, '2026-12-01', 7);
  const calls = new Map<string, number>();
  // A barrier, so that the share does not depend on scheduling: each poller's first firing waits
  // (at most 10 s) until the other poller has fired too. With SKIP LOCKED the second poller's claim
  // skips the first one's leased rows and finds the rest; if it found nothing the barrier times out
  // and the share assertion fails.
  const started = new Set<string>();
  const barrier = (owner: string, fire: FireTimer): FireTimer => {
    const both = async () => {
      for (let waited = 0; started.size < 2 && waited < 10_000; waited += 10) await sleep(10);
    };
    return async (due) => {
      started.add(owner);
      await both();
      return fire(due);
    };
  };
  const make = (owner: string) =>
    createTimerPoller({
      store: ctx.store,
      db,
      schema: ctx.schema,
      clock,
      logger: silent,
      owner,
      batchSize: 40,
      concurrency: 8,
      fire: barrier(owner, appendingFire(ctx, calls)),
    });
  const [a, b] = [make('poller-a'), make('poller-b')];
  t.same(await a.fireDue(), { fired: 0, obsolete: 0, failed: 0 }, 'nothing is due before its time');
  clock.set(new Date('2026-08-01T00:00:00+08:00'));
  t.equal(await countDue(db, ctx.schema, clock.now()), 500);
  const [ra, rb] = await Promise.all([a.fireDue(), b.fireDue()]);
  t.equal(ra.fired + rb.fired, 500, `fired ${ra.fired} + ${rb.fired}`);
  t.ok(ra.fired > 0 && rb.fired > 0, 'both pollers took a share');
  t.equal(calls.size, 500);
  t.ok(
    ids.every((id) => calls.get(id) === 1),
    'every timer was fired exactly once',
  );
  t.equal(await countEvents(ctx, 'TestTimerFired'), 500, 'one effect event per timer');
  t.equal(Object.keys(await timerTable(ctx)).length, 7, 'only the timers not yet due are left');
});

t.test('a lease that runs out mid-firing: fired twice, appended once', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const clock = new VirtualClock(new Date('2026-09-01T00:00:00+08:00'));
  const ids = await seed(ctx, 20, '2026-08-01', 5);
  const calls = new Map<string, number>();
  // The first firing of each timer is slow (longer than the lease), later ones are quick.
  const fire = appendingFire(ctx, calls, (_, call) => (call === 1 ? 400 : 0));
  const make = (owner: string) =>
    createTimerPoller({ store: ctx.store, db, schema: ctx.schema, clock, logger: silent, owner, leaseMs: 100, fire });
  const [a, b] = [make('poller-a'), make('poller-b')];
  const first = a.fireDue();
  await sleep(200);
  const second = await b.fireDue();
  const [firstResult] = await Promise.all([first]);
  t.ok(second.fired >= 20, 'the second poller claimed every expired lease');
  t.ok(firstResult.fired >= 20, 'the first finished its own firings (and took back leases that ran out)');
  t.ok(
    ids.every((id) => (calls.get(id) ?? 0) >= 2),
    'every timer was fired twice',
  );
  t.equal(await countEvents(ctx, 'TestTimerFired'), 20, 'yet appended once each');
  t.same(await timerTable(ctx), {}, 'and every row is gone');
});

t.test('a firing the owner refuses is recorded as obsolete, and its row goes', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const clock = new VirtualClock(new Date('2026-09-01T00:00:00+08:00'));
  const [id] = await seed(ctx, 1, '2026-08-01', 1);
  const refuse: FireTimer = async () => {
    throw new DomainError('TIMER_OBSOLETE', 'already paid', {}, 'state');
  };
  const poller = createTimerPoller({ store: ctx.store, db, schema: ctx.schema, clock, logger: silent, fire: refuse });
  t.same(await poller.fireDue(), { fired: 0, obsolete: 1, failed: 0 });
  const recorded = await ctx.store.readStream('timers-O-0');
  t.match(recorded, [
    {
      type: 'TimerFired',
      data: { timerId: id, saga: 'test_saga', outcome: 'obsolete', code: 'TIMER_OBSOLETE', message: 'already paid' },
      metadata: { actor: { id: 'system:timers' }, correlationId: id },
    },
  ]);
  t.same(await timerTable(ctx), {});

  // The same row again (a re-delivered saga batch): fired again, recorded once.
  await seed(ctx, 1, '2026-08-01', 1);
  t.same(await poller.fireDue(), { fired: 0, obsolete: 1, failed: 0 });
  t.equal((await ctx.store.readStream('timers-O-0')).length, 1, 'recorded once');

  // The default firing: the parcel's FireTimer on a parcel with no such obligation is obsolete too.
  await seed(ctx, 1, '2026-08-02', 1);
  const parcel = createTimerPoller({
    store: ctx.store,
    db,
    schema: ctx.schema,
    clock,
    logger: silent,
    fire: fireParcelTimer(ctx.store, clock),
  });
  t.same(await parcel.fireDue(), { fired: 0, obsolete: 1, failed: 0 });
  t.equal((await ctx.store.readStream('timers-O-0')).length, 2);
});

t.test('any other failure keeps the row, with its error and a later lease', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const clock = new VirtualClock(new Date('2026-09-01T00:00:00+08:00'));
  const [id] = await seed(ctx, 1, '2026-08-01', 1);
  const broken: FireTimer = async () => {
    throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
  };
  const poller = createTimerPoller({ store: ctx.store, db, schema: ctx.schema, clock, logger: silent, fire: broken });
  t.same(await poller.fireDue(), { fired: 0, obsolete: 0, failed: 1 });
  const { rows } = await sql<{ attempts: number; last_error: string; lease_owner: string; secs: number }>`
    select attempts, last_error, lease_owner, extract(epoch from lease_until - now())::float8 as secs
    from ${sql.id(ctx.schema, 'saga_timers')} where timer_id = ${id}`.execute(ctx.connection.db);
  t.match(rows[0], { attempts: 1, last_error: /connection reset/, lease_owner: poller.owner });
  const secs = rows[0]?.secs ?? 0;
  t.ok(secs > 1 && secs <= 2, `a backoff of 2 s after the first attempt (${secs})`);
  t.same(await poller.fireDue(), { fired: 0, obsolete: 0, failed: 0 }, 'not claimed again while it backs off');

  // When the backoff has run out, a working firing takes it.
  await db
    .withSchema(ctx.schema)
    .updateTable('saga_timers')
    .set({ lease_until: new Date(Date.now() - 1000) })
    .execute();
  const calls = new Map<string, number>();
  const healed = createTimerPoller({
    store: ctx.store,
    db,
    schema: ctx.schema,
    clock,
    logger: silent,
    fire: appendingFire(ctx, calls),
  });
  t.same(await healed.fireDue(), { fired: 1, obsolete: 0, failed: 0 });
  t.same(await timerTable(ctx), {});
});

t.test('start() fires what becomes due as the clock moves, and stops', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const clock = new VirtualClock(new Date('2026-07-01T00:00:00+08:00'));
  await seed(ctx, 3, '2026-08-01', 3);
  const calls = new Map<string, number>();
  const poller = createTimerPoller({
    store: ctx.store,
    db,
    schema: ctx.schema,
    clock,
    logger: silent,
    pollMs: 20,
    fire: appendingFire(ctx, calls),
  });
  poller.start();
  t.teardown(() => poller.stop());
  await sleep(100);
  t.equal(calls.size, 0, 'nothing before it is due');
  clock.set(new Date('2026-08-01T00:00:00+08:00'));
  const deadline = Date.now() + 5000;
  while (Object.keys(await timerTable(ctx)).length > 0 && Date.now() < deadline) await sleep(20);
  t.equal(calls.size, 3);
  await poller.stop();
});
