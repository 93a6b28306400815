/**
 * The calendar as data, end to end on real PostgreSQL (DOMAIN.md §11.4): the ministry publishes
 * 2027 over HTTP; the reconciler moves every parcel whose deadlines it touches, and only those;
 * the read model and the timers follow; an amendment that would shorten a communicated deadline
 * opens a review item and leaves the deadline; the timer fires on the reconciled date on the
 * virtual clock, not on the provisional one.
 *
 * The 2027 notice is test data shaped like the real ones (the State Council's 2027 notice is not
 * in this repository): New Year Jan 1–3, Spring Festival Feb 5–12 from the eve, make-up Saturday
 * Jan 30 and Sunday Feb 14.
 */
import { pino } from 'pino';
import t from 'tap';
import type { ParcelCommand } from '../../src/domain/parcel/index.js';
import { handleParcelCommand } from '../../src/eventstore/aggregate-handlers.js';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import { reconcileCalendars } from '../../src/sagas/calendar-reconciler.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { parcelTimersSaga } from '../../src/sagas/parcel-timers/saga.js';
import { createTimerPoller } from '../../src/sagas/poller.js';
import { runSagaUntilCaughtUp } from '../../src/sagas/runner.js';
import { pendingTimers } from '../../src/sagas/timer-table.js';
import { confirmDeal } from '../domain/parcel/fixtures/parcel.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { Kysely } from 'kysely';

const silent = pino({ level: process.env.TEST_LOG ?? 'silent' });

const days = (month: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `2027-${month}-${String(from + i).padStart(2, '0')}`);

const NOTICE_2027 = {
  year: 2027,
  sourceUrl: 'https://www.gov.cn/zhengce/content/test-2027.htm',
  documentNo: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  publishedOn: '2026-11-20',
  offDays: [...days('01', 1, 3), ...days('02', 5, 12)],
  makeUpWorkDays: ['2027-01-30', '2027-02-14'],
};

/** A deal on `parcelId` confirmed on `on` (T01 = on + 10 wd). */
const deal = (parcelId: string, on: string): ParcelCommand => confirmDeal({ parcelId, confirmedOn: on }, on);

const send = async (h: TestApp, parcelId: string, command: ParcelCommand): Promise<string> => {
  const result = await handleParcelCommand({
    store: h.db.store,
    id: parcelId,
    command,
    envelope: { correlationId: `test:${parcelId}` },
    clock: () => new Date(command.context.now),
  });
  return result.position ?? '';
};

const ministry = { role: 'MINISTRY' as const, jurisdiction: 'CN' };

interface DeadlineRow {
  parcelId: string;
  rule: string;
  dueDate: string;
  provisional: boolean;
  calendarVersion: string;
  review: { reviewId: string; status: string; proposedDate: string } | null;
}

const deadlines = async (h: TestApp, query: string, position: string): Promise<DeadlineRow[]> => {
  const token = await h.token('MINISTRY', { jurisdiction: 'CN' });
  const res = await h.app.inject({
    method: 'GET',
    url: `/deadlines?${query}&limit=100&minPosition=${encodeURIComponent(position)}`,
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json<{ items: DeadlineRow[] }>().items;
};

const PARCELS = ['P-A', 'P-B', 'P-C', 'P-JS'];

/** The reconciler's pass, after the read model has the parcels; returns the log position after it. */
const reconcile = async (h: TestApp, clock: VirtualClock) => {
  const result = await reconcileCalendars({
    store: h.db.store,
    db: h.db.connection.db as unknown as Kysely<unknown>,
    schema: h.db.schema,
    clock,
    logger: silent,
  });
  // The newest position of the parcels' streams (readStream sees every committed event; readAll
  // would stop short of any transaction still open on the server, such as a projection runner's).
  let position: string | null = null;
  for (const parcelId of PARCELS) {
    const last = (await h.db.store.readStream(`parcel-${parcelId}`)).at(-1)?.position ?? null;
    if (h.db.store.compareCheckpoints(last, position) > 0) position = last;
  }
  return { result, position: position ?? '' };
};

t.test('publishing 2027 moves provisional deadlines where its days fall, and nowhere else', async (t) => {
  const h = await buildTestApp(t, '2027-01-29T10:00:00+08:00', { readSide: true });
  const clock = new VirtualClock(new Date('2027-01-29T12:00:00+08:00'));
  // T01 = deal + 10 wd. P-A crosses the Spring Festival; P-B lies in January, untouched by the
  // notice; P-C is a 2026 deal, long before it.
  await send(h, 'P-A', deal('P-A', '2027-01-29'));
  await send(h, 'P-B', deal('P-B', '2027-01-04'));
  const last = await send(h, 'P-C', deal('P-C', '2026-12-01'));
  const before = await deadlines(h, 'rule=T01', last);
  t.match(
    Object.fromEntries(before.map((d) => [d.parcelId, d])),
    {
      'P-A': { dueDate: '2027-02-12', provisional: true, calendarVersion: 'CN.24' },
      'P-B': { dueDate: '2027-01-18', provisional: true },
      'P-C': { dueDate: '2026-12-15', provisional: false },
    },
    'before: 2027 counted on weekends and fixed-date holidays only',
  );

  const refused = await h.command('/calendars/CN/publish-calendar-year', NOTICE_2027, {
    role: 'PROVINCE_REVIEWER',
    jurisdiction: '32',
  });
  t.equal(refused.statusCode, 403, 'a province may not publish the national calendar');
  const published = await h.command('/calendars/CN/publish-calendar-year', NOTICE_2027, ministry);
  t.equal(published.statusCode, 200, published.body);
  const year = await h.app.inject({
    method: 'GET',
    url: '/calendar/2027',
    headers: { authorization: `Bearer ${await h.token('LAND_USER', { jurisdiction: '32' })}` },
  });
  t.match(year.json(), {
    year: 2027,
    published: true,
    yearVersion: 1,
    calendarVersion: 'CN.25',
    sources: [{ kind: 'published', documentNo: NOTICE_2027.documentNo }],
    makeUpWorkDays: NOTICE_2027.makeUpWorkDays,
  });

  const first = await reconcile(h, clock);
  t.match(first.result, { parcels: 3, reconciled: 3, failed: 0 });
  const after = Object.fromEntries((await deadlines(h, 'rule=T01', first.position)).map((d) => [d.parcelId, d]));
  t.match(after, {
    'P-A': { dueDate: '2027-02-18', provisional: false, calendarVersion: 'CN.25' },
    'P-B': { dueDate: '2027-01-18', provisional: false, calendarVersion: 'CN.25' },
    'P-C': { dueDate: '2026-12-15', calendarVersion: 'CN.25' },
  });
  const events = (await Promise.all(PARCELS.map((p) => h.db.store.readStream(`parcel-${p}`))))
    .flat()
    .filter((e) => e.type === 'CalendarReconciled');
  t.match(
    Object.fromEntries(events.map((e) => [e.stream, e.data])),
    {
      'parcel-P-A': {
        fromVersion: 'CN.24',
        toVersion: 'CN.25',
        changed: [{ ruleId: 'T01', oldDate: '2027-02-12', newDate: '2027-02-18' }],
      },
      'parcel-P-B': { changed: [], held: [] },
      'parcel-P-C': { changed: [], held: [] },
    },
    'one event per parcel; only P-A has a moved deadline, with old date, new date, rule and version',
  );
  t.match((await reconcile(h, clock)).result, { parcels: 0 }, 'a second pass finds nothing stale');

  // The timer follows: SigningDeadlinePassed fires the day after the new due date, not the old one.
  const db = h.db.connection.db as unknown as Kysely<SagaTables>;
  await runSagaUntilCaughtUp({
    store: h.db.store,
    db,
    schema: h.db.schema,
    saga: parcelTimersSaga,
    logger: silent,
    clock,
  });
  const timers = await pendingTimers(db, h.db.schema, { owner: 'P-A', limit: 10 });
  t.match(timers, [{ rule: 'T01', timer: { dueDate: '2027-02-18', fireOn: '2027-02-19', calendarVersion: 'CN.25' } }]);
  const poller = createTimerPoller({ store: h.db.store, db, schema: h.db.schema, clock, logger: silent });
  clock.set(new Date('2027-02-13T00:00:00+08:00'));
  t.match(await poller.fireDue(), { fired: 2 }, 'on the provisional date, only P-B and P-C (their days passed)');
  const signingPassed = async () =>
    (await h.db.store.readStream('parcel-P-A')).filter((e) => e.type === 'SigningDeadlinePassed');
  t.same(await signingPassed(), [], 'P-A: nothing fires on its provisional date');
  clock.set(new Date('2027-02-19T00:00:00+08:00'));
  t.match(await poller.fireDue(), { fired: 1 });
  t.match(await signingPassed(), [{ data: { rule: 'T01', dueDate: '2027-02-18', calendarVersion: 'CN.25' } }]);
});

t.test('an amendment that would shorten a communicated deadline opens a review and leaves the date', async (t) => {
  const h = await buildTestApp(t, '2027-01-29T10:00:00+08:00', { readSide: true });
  const clock = new VirtualClock(new Date('2027-01-29T12:00:00+08:00'));
  t.equal((await h.command('/calendars/CN/publish-calendar-year', NOTICE_2027, ministry)).statusCode, 200);
  // Granted on the published 2027: T01 = 2027-02-18, communicated as final (not provisional).
  const position = await send(h, 'P-A', deal('P-A', '2027-01-29'));
  t.match(await deadlines(h, 'rule=T01', position), [{ dueDate: '2027-02-18', provisional: false }]);

  // Friday Feb 12 becomes a working day: ten working days end a day earlier, on Feb 17.
  const amend = {
    year: 2027,
    changes: { removeOffDays: ['2027-02-12'] },
    sourceUrl: 'https://www.gov.cn/zhengce/content/test-2027-amended.htm',
    documentNo: '国务院办公厅关于调整2027年春节假期的通知（测试数据）',
    publishedOn: '2027-01-25',
  };
  const amended = await h.command('/calendars/CN/amend-calendar', amend, ministry);
  t.equal(amended.statusCode, 200, amended.body);
  const pass = await reconcile(h, clock);
  t.match(pass.result, { parcels: 1, reconciled: 1 });
  const queue = await deadlines(h, 'review=OPEN', pass.position);
  t.match(queue, [
    {
      parcelId: 'P-A',
      rule: 'T01',
      dueDate: '2027-02-18',
      calendarVersion: 'CN.26',
      review: { status: 'OPEN', proposedDate: '2027-02-17' },
    },
  ]);
  const reviewId = queue[0]?.review?.reviewId ?? '';

  const patrol = await h.command(
    '/parcels/P-A/resolve-deadline-review',
    { reviewId, decision: 'KEEP', reason: '成交确认书 told the winner 2027-02-18' },
    { role: 'PATROL_POST' },
  );
  t.equal(patrol.statusCode, 403, 'the patrol post does not decide a communicated deadline');
  const kept = await h.command(
    '/parcels/P-A/resolve-deadline-review',
    { reviewId, decision: 'KEEP', reason: '成交确认书 told the winner 2027-02-18' },
    { role: 'GRANTOR_ADMIN', jurisdiction: '3201' },
  );
  t.equal(kept.statusCode, 200, kept.body);
  const keptAt = kept.json<{ position: string }>().position;
  t.same(await deadlines(h, 'review=OPEN', keptAt), [], 'the review queue is empty');
  t.match(await deadlines(h, 'rule=T01', keptAt), [{ dueDate: '2027-02-18', review: { status: 'KEPT' } }]);
  const again = await h.command(
    '/parcels/P-A/resolve-deadline-review',
    { reviewId, decision: 'APPLY_EARLIER', reason: 'changed our mind' },
    { role: 'GRANTOR_ADMIN', jurisdiction: '3201' },
  );
  t.equal(again.statusCode, 409, 'a review is resolved once');
  t.match(again.json(), { code: 'REVIEW_RESOLVED' });
});

t.test('a province overlay moves its own parcels only; another province may not touch it', async (t) => {
  const h = await buildTestApp(t, '2026-12-21T10:00:00+08:00', { readSide: true });
  const clock = new VirtualClock(new Date('2026-12-21T12:00:00+08:00'));
  // T01 = 2026-12-21 + 10 wd: Dec 22–25, 28–31, Jan 4–5 → 2027-01-05 (provisional: 2027 unpublished).
  await send(h, 'P-JS', deal('P-JS', '2026-12-21'));
  const last = await send(
    h,
    'P-HA',
    confirmDeal({ parcelId: 'P-HA', confirmedOn: '2026-12-21', jurisdiction: 'CN-HA-4101' }, '2026-12-21'),
  );
  t.match(await deadlines(h, 'rule=T01', last), [{ dueDate: '2027-01-05' }, { dueDate: '2027-01-05' }]);

  // Jiangsu rests on Monday 2026-12-28 (a local day off): its parcels' ten working days end a day later.
  const overlay = {
    year: 2026,
    sourceUrl: 'https://jsnr.jiangsu.gov.cn/test-overlay.htm',
    documentNo: '江苏省地方休息日（测试数据）',
    offDays: ['2026-12-28'],
    makeUpWorkDays: [],
  };
  const henan = await h.command('/calendars/CN-JS/publish-calendar-year', overlay, {
    role: 'PROVINCE_REVIEWER',
    jurisdiction: '41',
  });
  t.equal(henan.statusCode, 403, 'Henan may not publish Jiangsu’s overlay');
  const published = await h.command('/calendars/CN-JS/publish-calendar-year', overlay, {
    role: 'PROVINCE_REVIEWER',
    jurisdiction: '32',
  });
  t.equal(published.statusCode, 201, published.body);

  const pass = await reconcile(h, clock);
  t.match(pass.result, { parcels: 1, reconciled: 1 }, 'only the Jiangsu parcel is on an older version');
  const after = Object.fromEntries((await deadlines(h, 'rule=T01', pass.position)).map((d) => [d.parcelId, d]));
  t.match(after, {
    'P-JS': { dueDate: '2027-01-06', calendarVersion: 'CN.24+CN-JS.1' },
    'P-HA': { dueDate: '2027-01-05', calendarVersion: 'CN.24' },
  });
  const count = await h.app.inject({
    method: 'GET',
    url: '/calendar/working-days?from=2026-12-21&to=2026-12-31&jurisdiction=CN-JS-3201',
    headers: { authorization: `Bearer ${await h.token('PATROL_POST', { jurisdiction: '32' })}` },
  });
  t.match(count.json(), { workingDays: 8, calendarVersion: 'CN.24+CN-JS.1', provisional: false });
});
