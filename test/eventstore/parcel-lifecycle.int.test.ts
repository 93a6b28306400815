import t from 'tap';
import { obligationsOf } from '../../src/domain/deadlines/index.js';
import { parcelDecider } from '../../src/domain/parcel/index.js';
import { policyFor } from '../../src/domain/policy/index.js';
import { handleCommand } from '../../src/eventstore/command-handler.js';
import { foldStream } from '../../src/eventstore/fold-stream.js';
import { verifyStream } from '../../src/eventstore/hash-chain.js';
import { confirmDeal, deliver, pay, signTransfer, HALF } from '../domain/parcel/fixtures/parcel.js';
import { postgresTestStore, type TestStore } from '../helpers/postgres.js';

/**
 * The real parcel decider through the command handler on PostgreSQL: domain events must be
 * storable JSON, the chain must hold, and deadlines computed from the re-read stream must be
 * anchored on stored event ids and stamped with the versions in the event metadata.
 */
let ctx: TestStore;
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(() => ctx.close());

t.test('a parcel from deal to delivery, stored and replayed', async (t) => {
  const stream = 'parcel-P-1';
  const run = (command: Parameters<typeof parcelDecider.decide>[0], key: string) =>
    handleCommand({
      store: ctx.store,
      stream,
      decider: parcelDecider,
      command,
      idempotencyKey: key,
      envelope: { correlationId: key, documentNo: 'doc' },
      clock: () => new Date('2026-04-01T02:00:00Z'),
    });
  await run(confirmDeal(), 'deal');
  await run(signTransfer(), 'sign');
  await run(pay(1, HALF, '2026-03-25'), 'pay-1');
  const delivered = await run(deliver(), 'deliver');
  const replayed = await run(deliver(), 'deliver');
  t.equal(replayed.replayed, true, 'a repeated request appends nothing');
  t.equal(replayed.position, delivered.position);

  const events = await ctx.store.readStream(stream);
  t.same(events.map((e) => e.type).slice(0, 3), ['DealConfirmed', 'TransferContractSigned', 'PaymentReceived']);
  t.equal(verifyStream(events).intact, true, 'hash chain intact');
  const granted = events.find((e) => e.type === 'TransferContractSigned');
  t.match(granted?.metadata, { policyVersion: 'CN-JS-2026.1', calendarVersion: 'CN.24', documentNo: 'doc' });

  const state = foldStream(parcelDecider, events);
  t.equal(state.status, 'DELIVERED');
  const obligations = obligationsOf(state, policyFor('CN-JS-3201'));
  const ids = new Set(events.map((e) => e.id));
  t.ok(obligations.length > 0, `${obligations.length} open obligations`);
  t.ok(
    obligations.every((o) => o.anchorEventId === null || ids.has(o.anchorEventId)),
    'every anchor is a stored event',
  );
  const reminder = obligations.find((o) => o.ruleId === 'T04');
  t.match(
    reminder,
    { dueDate: '2027-01-21', subject: '2', policyVersion: 'CN-JS-2026.1' },
    'the second instalment reminder, 30 cd before 2027-02-20',
  );
});
