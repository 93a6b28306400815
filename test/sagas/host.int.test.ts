/**
 * The saga host: a saga runs in one host at a time (its lock) and another takes over when the
 * holder stops; each host's poller fires what the saga scheduled once the (virtual) clock
 * reaches it. On embedded PGlite (a pool of ONE connection) the runner and the poller never
 * wait for the connection while holding it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import type { Kysely } from 'kysely';
import { inProcessLocks } from '../../src/projections/lock.js';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { startSagaHost } from '../../src/sagas/host.js';
import type { FireTimer } from '../../src/sagas/poller.js';
import { pgliteTestStore, type TestStore } from '../helpers/postgres.js';
import {
  appendTo,
  checkpointOf,
  CLOSED,
  deadlineSaga,
  OPENED,
  sagaStore,
  silent,
  timerTable,
} from './fixtures/sagas.js';

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
};

const hostOn = (ctx: TestStore, locks: ReturnType<typeof inProcessLocks>, clock: VirtualClock, fired: string[]) => {
  const fire: FireTimer = async (due) => {
    fired.push(due.timerId);
  };
  return startSagaHost({
    store: ctx.store,
    db: ctx.connection.db as unknown as Kysely<SagaTables>,
    schema: ctx.schema,
    sagas: [deadlineSaga('host_deadlines')],
    locks,
    clock,
    logger: silent,
    pollers: true,
    poller: { pollMs: 20, fire },
    takeoverMs: 50,
    idleWaitMs: 200,
  });
};

t.test('one host runs the saga; another takes over; pollers fire what became due', async (t) => {
  const ctx = await sagaStore(t);
  const clock = new VirtualClock(new Date('2026-07-01T00:00:00+08:00'));
  const locks = inProcessLocks(); // shared: stands for the advisory locks two processes contend for
  const fired: string[] = [];
  const a = hostOn(ctx, locks, clock, fired);
  t.teardown(() => a.stop());
  await until('host A runs the saga', async () => a.running().includes('host_deadlines'));
  const b = hostOn(ctx, locks, clock, fired);
  t.teardown(() => b.stop());
  await appendTo(ctx, 'H-1', OPENED, { dueDate: '2026-08-01' });
  await appendTo(ctx, 'H-2', OPENED, { dueDate: '2026-08-01' });
  await until('both timers are in the table', async () => Object.keys(await timerTable(ctx)).length === 2);
  t.same(b.running(), [], 'host B waits for the lock');

  await a.stop();
  await until('host B takes over', async () => b.running().includes('host_deadlines'));
  await appendTo(ctx, 'H-2', CLOSED);
  await until('the cancel is applied', async () => Object.keys(await timerTable(ctx)).length === 1);

  clock.set(new Date('2026-08-01T00:00:00+08:00'));
  await until('the due timer fired', async () => Object.keys(await timerTable(ctx)).length === 0);
  t.same(fired, ['H-1/T99/-/2026-08-01'], 'fired once, by the running poller');
  t.match(await checkpointOf(ctx, 'host_deadlines'), { status: 'running', events_handled: '3' });
});

t.test('on embedded PGlite (one connection) the host runs and fires', async (t) => {
  const ctx = await pgliteTestStore();
  t.teardown(() => ctx.close());
  const clock = new VirtualClock(new Date('2026-07-01T00:00:00+08:00'));
  const fired: string[] = [];
  const host = hostOn(ctx, inProcessLocks(), clock, fired);
  t.teardown(() => host.stop());
  for (let i = 0; i < 30; i++) await appendTo(ctx, `G-${i}`, OPENED, { dueDate: '2026-08-01' });
  await until('every timer is in the table', async () => Object.keys(await timerTable(ctx)).length === 30);
  clock.set(new Date('2026-08-02T00:00:00+08:00'));
  await until('every timer fired', async () => Object.keys(await timerTable(ctx)).length === 0);
  t.equal(new Set(fired).size, 30);
  await host.stop();
});
