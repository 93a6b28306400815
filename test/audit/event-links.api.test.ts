/**
 * GET /events/{eventId} on real PostgreSQL with the real sagas and timer poller: a reviewer walks
 * from a credit-archive entry to the breach that caused it (PaymentOverdue), from the breach to
 * the timer that found it (TimerScheduled on the parcel's timers stream) and from the timer to the
 * contract that set the date. Linked events on streams the reader may not read are withheld; every
 * read is recorded.
 */
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import t from 'tap';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { creditArchiveSaga } from '../../src/sagas/credit-archive/saga.js';
import { parcelTimersSaga } from '../../src/sagas/parcel-timers/saga.js';
import { createTimerPoller } from '../../src/sagas/poller.js';
import { runSagaUntilCaughtUp } from '../../src/sagas/runner.js';
import { approveDecision, grantParcel, OWNER, PARCEL } from '../api/fixtures/parcel.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const silent = pino({ level: process.env.TEST_LOG ?? 'silent' });

type Role = Parameters<TestApp['token']>[0];

interface Summary {
  eventId: string;
  withheld: boolean;
  stream?: string;
  revision?: number;
  type?: string;
  occurredAt?: string;
  actor?: { id: string; role: string };
}
interface Links {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: { causationId: string; correlationId: string; hash: string };
  causedBy: Summary | null;
  causationId: string | null;
  caused: Summary[];
  correlated: Summary[];
  references: { field: string; event: Summary }[];
  timer: { timerId: string; events: Summary[] } | null;
}

t.test('from a credit entry to the breach, the timer and the contract', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await approveDecision(h);
  await grantParcel(h); // contract signed 2026-07-08; instalment 1 due 2026-07-31, unpaid

  // The sagas and the poller, as the service runs them, on a virtual clock.
  const db = h.db.connection.db as unknown as Kysely<SagaTables>;
  const clock = new VirtualClock(new Date('2026-07-08T12:00:00+08:00'));
  const common = { store: h.db.store, db, schema: h.db.schema, logger: silent, clock };
  await runSagaUntilCaughtUp({ ...common, saga: parcelTimersSaga });
  const poller = createTimerPoller({ store: h.db.store, db, schema: h.db.schema, clock, logger: silent });
  clock.set(new Date('2026-08-01T00:00:00+08:00'));
  await poller.fireDue();
  await runSagaUntilCaughtUp({ ...common, saga: creditArchiveSaga });
  h.setNow('2026-08-03T10:00:00+08:00');

  const parcelEvents = await h.db.store.readStream(`parcel-${PARCEL}`);
  const contract = parcelEvents.find((e) => e.type === 'TransferContractSigned');
  const overdue = parcelEvents.find((e) => e.type === 'PaymentOverdue');
  const [entry] = await h.db.store.readStream(`credit-${OWNER}`);
  if (!contract || !overdue || !entry) throw new Error('the lifecycle did not produce contract, breach and entry');
  t.equal(entry.type, 'CreditEntryAdded');
  const minPosition = encodeURIComponent(entry.position);

  const get = async (id: string, options: { role?: Role; sub?: string; jurisdiction?: string } = {}) => {
    const token = await h.token(options.role ?? 'AUDITOR', { jurisdiction: '32', sub: 'auditor-js', ...options });
    return h.app.inject({
      method: 'GET',
      url: `/events/${id}?minPosition=${minPosition}`,
      headers: { authorization: `Bearer ${token}` },
    });
  };

  // 1. The credit entry: caused by the breach, which is also the evidence its data names.
  const first = await get(entry.id);
  t.equal(first.statusCode, 200, 'GET /events/{the credit entry}');
  const entryLinks = first.json<Links>();
  t.match(entryLinks, {
    eventId: entry.id,
    stream: `credit-${OWNER}`,
    type: 'CreditEntryAdded',
    data: { trigger: 'C4', evidenceRef: { parcelId: PARCEL, eventId: overdue.id } },
    metadata: { causationId: overdue.id, hash: entry.metadata.hash },
    causedBy: { eventId: overdue.id, stream: `parcel-${PARCEL}`, type: 'PaymentOverdue', withheld: false },
    causationId: null,
  });
  t.match(entryLinks.references, [{ field: 'data.evidenceRef.eventId', event: { eventId: overdue.id } }]);

  // 2. The breach: the effect of timer T07 of instalment 1, the entry among what it caused.
  const breach = (await get(overdue.id)).json<Links>();
  t.match(breach, { type: 'PaymentOverdue', data: { rule: 'T07', subject: '1', anchorEventId: contract.id } });
  t.ok(
    breach.caused.some((c) => c.eventId === entry.id && c.type === 'CreditEntryAdded'),
    'the breach caused the entry',
  );
  t.match(breach.references, [{ field: 'data.anchorEventId', event: { eventId: contract.id, withheld: false } }]);
  const timerId = breach.data['timerId'] as string;
  t.equal(breach.timer?.timerId, timerId);
  if (breach.causedBy !== null) t.equal(breach.causedBy.eventId, contract.id, 'fired alone: caused by its anchor');
  else t.match(breach.causationId, /\/T\d{2}\//, 'fired with others: caused by a timer id, shown as such');
  const scheduled = breach.timer?.events.find((e) => e.type === 'TimerScheduled');
  t.match(scheduled, { stream: `timers-${PARCEL}`, withheld: false }, "the timer's scheduling on the timers stream");

  // 3. The timer: scheduled by the saga in reaction to the contract.
  const timer = (await get(scheduled?.eventId ?? '')).json<Links>();
  t.match(timer, {
    type: 'TimerScheduled',
    data: { timerId, rule: 'T07', anchorEventId: contract.id },
    causedBy: { eventId: contract.id, type: 'TransferContractSigned', stream: `parcel-${PARCEL}` },
  });

  // 4. The contract: what it caused includes the timer; the document behind it is in its data.
  const signed = (await get(contract.id)).json<Links>();
  t.match(signed, { type: 'TransferContractSigned', stream: `parcel-${PARCEL}`, revision: 1 });
  t.ok(
    signed.caused.some((c) => c.eventId === scheduled?.eventId),
    'the contract caused the timer',
  );
  t.equal(signed.causedBy, null, 'an HTTP command: caused by the request, not an event');
  t.type(signed.causationId, 'string');
  t.ok(
    signed.correlated.every((c) => c.eventId !== contract.id),
    'correlated lists the others',
  );

  // Withheld: a Henan auditor reads the national credit archive, not the Nanjing parcel behind it.
  const henan = (await get(entry.id, { sub: 'auditor-ha', jurisdiction: '41' })).json<Links>();
  t.same(henan.causedBy, { eventId: overdue.id, withheld: true });
  t.same(henan.references[0]?.event, { eventId: overdue.id, withheld: true });
  const henanBreach = await get(overdue.id, { sub: 'auditor-ha', jurisdiction: '41' });
  t.equal(henanBreach.statusCode, 403);
  t.equal(henanBreach.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
  const owner = await get(overdue.id, { role: 'LAND_USER', sub: OWNER, jurisdiction: '3201' });
  t.equal(owner.statusCode, 200, 'the land user reads the breach on its own parcel');
  const stranger = await get(entry.id, { role: 'LAND_USER', sub: 'LU-OTHER', jurisdiction: '3201' });
  t.equal(stranger.statusCode, 403, "not another's archive");
  const unknown = await get('00000000-0000-4000-8000-000000000000');
  t.equal(unknown.statusCode, 404);
  const notAnId = await get('not-an-event');
  t.equal(notAnId.statusCode, 404);

  // Every read recorded, with its outcome.
  let records: { resource: string; target: string; outcome: string }[] = [];
  for (;;) {
    const page = await h.db.store.readAll({ streamPrefix: 'access-', limit: 100 });
    const behind = await h.db.store.backlog(page.next, { types: ['AuditRecordAccessed'], cap: 1 });
    records = page.events.map((e) => e.data as (typeof records)[number]);
    if (behind.events === 0) break;
  }
  const events = records.filter((r) => r.resource === 'event');
  t.equal(events.length, 10);
  t.same(
    events.filter((r) => r.outcome === 'REFUSED').map((r) => r.target),
    [overdue.id, entry.id],
  );
  t.equal(events.filter((r) => r.outcome === 'NOT_FOUND').length, 2);
});
