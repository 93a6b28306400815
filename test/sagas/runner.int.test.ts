/**
 * The saga runner on real PostgreSQL with a tiny test saga (fixtures/sagas.ts): the timer
 * commands land in `timers-<owner>`, the due-timer table, the states and the checkpoint follow;
 * a crash (states and checkpoint back at an older commit) or a checkpoint reset re-runs batches
 * without appending a single duplicate timer event; the table equals its rebuild from the log; a
 * refused command is dead-lettered and the saga goes on; a poison event stops it right before.
 */
import t from 'tap';
import { VirtualClock } from '../../src/sagas/clock.js';
import { runSaga, runSagaUntilCaughtUp, SagaStoppedError } from '../../src/sagas/runner.js';
import { sagaStatuses } from '../../src/sagas/status.js';
import { rebuildTimerTable } from '../../src/sagas/timer-table.js';
import {
  appendTo,
  checkpointOf,
  CLOSED,
  deadlineSaga,
  OPENED,
  POISON,
  REFUSE,
  runToHead,
  sagaDb,
  sagaStore,
  silent,
  stampFor,
  timerEvents,
  timerTable,
} from './fixtures/sagas.js';

const clock = new VirtualClock(new Date('2026-07-01T00:00:00+08:00'));
const PARCELS = Array.from({ length: 12 }, (_, i) => `S-${i}`);

t.test('timers, table, states and checkpoint; a re-run after a crash appends no duplicate', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const saga = deadlineSaga();
  // Phase 1, round-robin over the parcels so a batch mixes them: open; then reschedule (i%3=1),
  // close (i%3=2); then, for i%3=0, open again on the same date (no request).
  let count = 0;
  const add = async (...args: Parameters<typeof appendTo>) => {
    count += 1;
    await appendTo(...args);
  };
  for (const p of PARCELS) await add(ctx, p, OPENED, { dueDate: '2026-08-01' });
  for (const [i, p] of PARCELS.entries()) {
    if (i % 3 === 1) await add(ctx, p, OPENED, { dueDate: '2026-09-01' });
    if (i % 3 === 2) await add(ctx, p, CLOSED);
  }
  for (const [i, p] of PARCELS.entries()) if (i % 3 === 0) await add(ctx, p, OPENED, { dueDate: '2026-08-01' });
  const appended = count;

  t.equal(await runToHead(ctx, saga, clock, { batchSize: 5 }), appended, 'every event handled once');
  const expected = (i: number, p: string) =>
    i % 3 === 0 ? stampFor(p, '2026-08-01') : i % 3 === 1 ? stampFor(p, '2026-09-01') : null;
  t.same(
    await timerTable(ctx),
    Object.fromEntries(
      PARCELS.flatMap((p, i) => {
        const s = expected(i, p);
        return s ? [[s.timerId, new Date(s.dueAt).toISOString()]] : [];
      }),
    ),
    'the table holds exactly the pending timers',
  );
  const events1 = await timerEvents(ctx, PARCELS);
  t.same(
    events1,
    Object.fromEntries(
      PARCELS.map((p, i) => [
        p,
        i % 3 === 0
          ? ['TimerScheduled']
          : i % 3 === 1
            ? ['TimerScheduled', 'TimerRescheduled']
            : ['TimerScheduled', 'TimerCancelled'],
      ]),
    ),
    'timers-<owner> records each request once',
  );
  const scheduled = (await ctx.store.readStream('timers-S-0'))[0];
  t.match(scheduled, {
    data: { saga: 'test_deadlines', timerId: 'S-0/T99/-/2026-08-01' },
    metadata: { actor: { id: 'system:sagas', role: 'SYSTEM' }, idempotencyKey: String },
  });
  const firstOpened = (await ctx.store.readStream('parcel-S-0'))[0];
  t.equal(scheduled?.metadata.causationId, firstOpened?.id, 'caused by the saga event');
  t.equal(scheduled?.metadata.correlationId, firstOpened?.metadata.correlationId, 'in its correlation');
  const row = await db
    .withSchema(ctx.schema)
    .selectFrom('saga_timers')
    .selectAll()
    .where('timer_id', '=', 'S-0/T99/-/2026-08-01')
    .executeTakeFirstOrThrow();
  t.match(row, { saga: 'test_deadlines', owner: 'S-0', rule: 'T99', attempts: 0, scheduled_by: firstOpened?.id });

  const states = await db.withSchema(ctx.schema).selectFrom('saga_states').selectAll().orderBy('key').execute();
  t.equal(states.length, PARCELS.length, 'one state per parcel');
  t.match(states.find((s) => s.key === 'S-1')?.state, { open: { timerId: 'S-1/T99/-/2026-09-01' }, seen: 2 });
  t.match(states.find((s) => s.key === 'S-2')?.state, { open: null, seen: 2 });
  t.match(states.find((s) => s.key === 'S-3')?.state, { open: { timerId: 'S-3/T99/-/2026-08-01' }, seen: 2 });
  t.match(await checkpointOf(ctx, saga.name), { version: 1, status: 'running', events_handled: String(appended) });

  // A crash: what was committed at this point is what the process finds at its restart.
  const snapshot = {
    checkpoint: await checkpointOf(ctx, saga.name),
    states,
    table: await db.withSchema(ctx.schema).selectFrom('saga_timers').selectAll().execute(),
  };
  // Phase 2: close the i%3=0 ones, open the closed ones on a new date.
  for (const [i, p] of PARCELS.entries()) {
    if (i % 3 === 0) await add(ctx, p, CLOSED);
    if (i % 3 === 2) await add(ctx, p, OPENED, { dueDate: '2026-10-01' });
  }
  await runToHead(ctx, saga, clock, { batchSize: 5 });
  const events2 = await timerEvents(ctx, PARCELS);
  const table2 = await timerTable(ctx);
  const states2 = await db
    .withSchema(ctx.schema)
    .selectFrom('saga_states')
    .select(['key', 'state'])
    .orderBy('key')
    .execute();
  t.same(
    Object.keys(table2).sort(),
    PARCELS.flatMap((p, i) =>
      i % 3 === 1 ? [`${p}/T99/-/2026-09-01`] : i % 3 === 2 ? [`${p}/T99/-/2026-10-01`] : [],
    ).sort(),
  );

  // Restore the snapshot as if phase 2's commits had been lost after their effects, and run again.
  await db.transaction().execute(async (trx) => {
    const s = trx.withSchema(ctx.schema);
    await s.deleteFrom('saga_states').execute();
    await s.deleteFrom('saga_timers').execute();
    await s
      .insertInto('saga_states')
      .values(snapshot.states.map((r) => ({ saga: r.saga, key: r.key, state: JSON.stringify(r.state) })))
      .execute();
    await s
      .insertInto('saga_timers')
      .values(snapshot.table.map((r) => ({ ...r, timer: JSON.stringify(r.timer) })))
      .execute();
    await s
      .updateTable('saga_checkpoints')
      .set({
        position: snapshot.checkpoint?.position ?? null,
        events_handled: snapshot.checkpoint?.events_handled ?? 0,
      })
      .where('saga', '=', saga.name)
      .execute();
  });
  await runToHead(ctx, saga, clock, { batchSize: 5 });
  t.same(await timerEvents(ctx, PARCELS), events2, 'the re-delivered batches appended no timer event');
  t.same(await timerTable(ctx), table2, 'the same table');
  t.same(
    await db.withSchema(ctx.schema).selectFrom('saga_states').select(['key', 'state']).orderBy('key').execute(),
    states2,
    'the same states',
  );
  t.match(await checkpointOf(ctx, saga.name), { events_handled: String(count) });

  // Harsher: the checkpoint back to the start, the states left as they are.
  await db
    .withSchema(ctx.schema)
    .updateTable('saga_checkpoints')
    .set({ position: null })
    .where('saga', '=', saga.name)
    .execute();
  await runToHead(ctx, saga, clock, { batchSize: 4 });
  t.same(await timerEvents(ctx, PARCELS), events2, 'a replay from the start appended no timer event either');
  t.same(await timerTable(ctx), table2, 'and left the same table');

  const rebuilt = await rebuildTimerTable(ctx.store, db, ctx.schema);
  t.equal(rebuilt.timers, Object.keys(table2).length);
  t.same(await timerTable(ctx), table2, 'the table rebuilt from the log is the same');
  // A firing's effect event on the owner's stream (the stamp spread into its data) ends its timer.
  const firedId = 'S-1/T99/-/2026-09-01';
  await appendTo(ctx, 'S-1', 'TestAlertRaised', { ...stampFor('S-1', '2026-09-01'), firedOn: '2026-09-01' });
  await rebuildTimerTable(ctx.store, db, ctx.schema);
  const { [firedId]: _fired, ...rest } = table2;
  t.same(await timerTable(ctx), rest, 'a timer whose effect is in the log is not rebuilt');

  const status = await sagaStatuses(db, ctx.schema, { clock, store: ctx.store, sagas: [saga] });
  t.match(status.items, [{ name: 'test_deadlines', version: 1, status: 'caught_up', deadLetters: 0, lagEvents: 0 }]);
  t.match(status.timers, {
    pending: Object.keys(rest).length,
    due: 0,
    nextDueAt: new Date('2026-09-01T00:00:00+08:00').toISOString(),
  });
});

t.test('a refused command is dead-lettered and the saga goes on; a poison event stops it', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const saga = deadlineSaga('test_errors');
  await appendTo(ctx, 'E-1', OPENED, { dueDate: '2026-08-01' });
  await appendTo(ctx, 'E-1', REFUSE);
  await appendTo(ctx, 'E-2', OPENED, { dueDate: '2026-08-02' });
  await runToHead(ctx, saga, clock);
  const refused = await db.withSchema(ctx.schema).selectFrom('saga_dead_letters').selectAll().execute();
  t.match(refused, [{ saga: 'test_errors', kind: 'refused', event_type: REFUSE, error: /^INVALID_STATE: / }]);
  t.equal(Object.keys(await timerTable(ctx)).length, 2, 'the events after the refusal were handled');

  const before = await checkpointOf(ctx, saga.name);
  await appendTo(ctx, 'E-3', OPENED, { dueDate: '2026-08-03' });
  await appendTo(ctx, 'E-3', POISON);
  await appendTo(ctx, 'E-4', OPENED, { dueDate: '2026-08-04' });
  await t.rejects(runToHead(ctx, saga, clock), SagaStoppedError);
  const after = await checkpointOf(ctx, saga.name);
  t.equal(after?.status, 'stopped');
  t.equal(Number(after?.events_handled), Number(before?.events_handled) + 1, 'stopped right before the poison event');
  t.ok(Object.keys(await timerTable(ctx)).includes('E-3/T99/-/2026-08-03'), 'the event before it had its effects');
  t.notOk(Object.keys(await timerTable(ctx)).includes('E-4/T99/-/2026-08-04'), 'the one after did not');
  const poison = await db
    .withSchema(ctx.schema)
    .selectFrom('saga_dead_letters')
    .selectAll()
    .where('kind', '=', 'poison')
    .executeTakeFirstOrThrow();
  t.match(poison, { event_type: POISON, command: '', error: /cannot react/ });
  const status = await sagaStatuses(db, ctx.schema);
  t.match(status.items, [{ name: 'test_errors', status: 'stopped', deadLetters: 2 }]);

  // Running it again (a restart) retries the poison event once, and stops there again.
  await t.rejects(
    runSagaUntilCaughtUp({ store: ctx.store, db, schema: ctx.schema, saga, logger: silent, clock }),
    SagaStoppedError,
  );
  t.match(
    await db
      .withSchema(ctx.schema)
      .selectFrom('saga_dead_letters')
      .select('attempts')
      .where('kind', '=', 'poison')
      .execute(),
    [{ attempts: 2 }],
  );
});

t.test('a new version rebuilds the states from the log, without effects', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  await appendTo(ctx, 'V-1', OPENED, { dueDate: '2026-08-01' });
  await appendTo(ctx, 'V-1', OPENED, { dueDate: '2026-09-01' });
  await runToHead(ctx, deadlineSaga('test_versions', 1), clock);
  await db.withSchema(ctx.schema).deleteFrom('saga_states').execute();
  const events = await timerEvents(ctx, ['V-1']);
  await appendTo(ctx, 'V-1', CLOSED);
  await runToHead(ctx, deadlineSaga('test_versions', 2), clock);
  t.same(
    await timerEvents(ctx, ['V-1']),
    { 'V-1': [...(events['V-1'] ?? []), 'TimerCancelled'] },
    'no effect re-sent; the state knew the open timer',
  );
  t.match(await checkpointOf(ctx, 'test_versions'), { version: 2 });
  t.same(await timerTable(ctx), {});
});

t.test('a re-delivered batch does not bring back a timer a later event cancelled', async (t) => {
  const ctx = await sagaStore(t);
  const db = sagaDb(ctx);
  const saga = deadlineSaga('test_redelivery');
  await appendTo(ctx, 'R-1', OPENED, { dueDate: '2026-08-01' });
  await appendTo(ctx, 'R-1', CLOSED);
  await runToHead(ctx, saga, clock, { batchSize: 1 });
  t.same(await timerTable(ctx), {});
  // Lost commits: back to the start with a fresh state; then one batch (the schedule) only.
  await db.withSchema(ctx.schema).deleteFrom('saga_states').execute();
  await db
    .withSchema(ctx.schema)
    .updateTable('saga_checkpoints')
    .set({ position: null })
    .where('saga', '=', saga.name)
    .execute();
  const controller = new AbortController();
  const outcome = await runSaga({
    store: ctx.store,
    db,
    schema: ctx.schema,
    saga,
    logger: silent,
    signal: controller.signal,
    clock,
    batchSize: 1,
    onBatch: () => controller.abort(),
  });
  t.equal(outcome, 'aborted');
  t.match(await checkpointOf(ctx, saga.name), { events_handled: '3' }, 'one more event handled');
  t.same(await timerTable(ctx), {}, 'the replayed schedule did not put the cancelled timer back');
  t.same(await timerEvents(ctx, ['R-1']), { 'R-1': ['TimerScheduled', 'TimerCancelled'] }, 'nothing appended');
});
