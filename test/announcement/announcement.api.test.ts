/**
 * Supply announcements over HTTP on real PostgreSQL (issue 10, DOMAIN.md §4 T31, T32, T38, §12): a
 * Nanjing listing announcement published by the city's department, a T32 refusal as problem+json
 * naming field and rule with nothing appended, a T31 postponement, a deal with a record price and
 * its late report, and the results published late; roles and jurisdictions as for the others; the
 * missed T32/T38 deadlines the timers record (`breaches`) in GET /announcements/{id}.
 */
import t from 'tap';
import { calendarBookOf } from '../../src/calendar/book.js';
import {
  ANNOUNCEMENT_COMMANDS,
  announcementStream,
  createAnnouncementDecider,
} from '../../src/domain/announcement/index.js';
import { handleCommand } from '../../src/eventstore/command-handler.js';
import { buildTestApp, eventCount, type TestApp } from '../helpers/app.js';

type Role = Parameters<TestApp['token']>[0];
type As = { role: Role; jurisdiction: string };

const CITY: As = { role: 'GRANTOR_ADMIN', jurisdiction: '3201' };

const send = (h: TestApp, id: string, command: string, body: unknown, as: As = CITY) =>
  h.command(`/announcements/${id}/${command}`, body, {
    role: as.role,
    jurisdiction: as.jurisdiction,
    sub: `${as.role}-${as.jurisdiction}`,
  });

// The announcementId comes from the path.
const { announcementId: _id, ...example } = ANNOUNCEMENT_COMMANDS.PublishAnnouncement.example;
const announcement = (over: Record<string, unknown> = {}) => ({
  ...example,
  parcelIds: ['P-1', 'P-2'],
  publishedOn: '2026-02-02',
  activityStartsOn: '2026-02-24',
  listingEndsOn: '2026-03-06',
  ...over,
});

type Problem = { code: string; rule: string; errors: { field: string; rule: string }[] };

t.test('T32 refusals are problem+json naming field and rule, and append nothing', async (t) => {
  const h = await buildTestApp(t, '2026-04-01T09:00:00+08:00');
  const id = 'GG-3201-1';
  const before = await eventCount(h);

  const lead = await send(h, id, 'publish-announcement', announcement({ activityStartsOn: '2026-02-21' }));
  t.equal(lead.statusCode, 422, lead.body);
  t.match(lead.headers['content-type'], /^application\/problem\+json/);
  t.match(lead.json<Problem>(), {
    code: 'ANNOUNCEMENT_LEAD_TOO_SHORT',
    rule: 'T32',
    errors: [{ field: 'body.activityStartsOn', rule: 'T32' }],
  });
  t.notMatch(lead.body, /reserve/i);

  const listing = await send(h, id, 'publish-announcement', announcement({ listingEndsOn: '2026-03-05' }));
  t.equal(listing.statusCode, 422);
  t.match(listing.json<Problem>(), {
    code: 'LISTING_PERIOD_TOO_SHORT',
    rule: 'T32',
    errors: [{ field: 'body.listingEndsOn', rule: 'T32' }],
  });

  const noEnd = await send(h, id, 'publish-announcement', announcement({ listingEndsOn: undefined }));
  t.equal(noEnd.statusCode, 400, 'LISTING without its end: malformed input');
  t.match(noEnd.json<Problem>(), { code: 'LISTING_END_REQUIRED', errors: [{ field: 'body.listingEndsOn' }] });

  t.equal(await eventCount(h), before, 'nothing appended by any refusal');
});

t.test('T31, T32, T38 over HTTP: publish, postpone, deal, late report and late results', async (t) => {
  const h = await buildTestApp(t, '2026-02-09T10:00:00+08:00');
  const id = 'GG-3201-2';

  const created = await send(h, id, 'publish-announcement', announcement());
  t.equal(created.statusCode, 201, created.body);
  t.equal(created.json<{ streamId: string }>().streamId, `announcement-${id}`);

  const before = await eventCount(h);
  const otherCity = await send(
    h,
    id,
    'publish-supplementary-notice',
    ANNOUNCEMENT_COMMANDS.PublishSupplementaryNotice.example,
    {
      role: 'GRANTOR_ADMIN',
      jurisdiction: '3202',
    },
  );
  t.equal(otherCity.statusCode, 403, "another city's department");
  t.equal(otherCity.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
  const patrol = await send(
    h,
    id,
    'publish-supplementary-notice',
    ANNOUNCEMENT_COMMANDS.PublishSupplementaryNotice.example,
    {
      role: 'PATROL_POST',
      jurisdiction: '3201',
    },
  );
  t.equal(patrol.json<{ code: string }>().code, 'ROLE_NOT_ALLOWED', '§12: the grantor publishes');
  const missing = await send(h, 'GG-NONE', 'publish-results', { publishedOn: '2026-02-09' });
  t.equal(missing.statusCode, 404, 'no such announcement');
  t.equal(await eventCount(h), before, 'nothing appended');

  const notice = await send(h, id, 'publish-supplementary-notice', {
    noticeNo: '补1',
    publishedOn: '2026-02-09',
    changes: ['保证金截止时间调整'],
  });
  t.equal(notice.statusCode, 200, notice.body);
  t.same(
    notice.json<{ events: { type: string }[] }>().events.map((e) => e.type),
    ['AnnouncementAmended', 'ActivityRescheduled'],
    'T31: 15 days before the start: postponed',
  );

  h.setNow('2026-03-12T10:00:00+08:00');
  const early = await send(h, id, 'record-transaction-result', {
    parcelId: 'P-1',
    dealOn: '2026-02-27',
    winnerId: 'LU-1',
    priceFen: 110_000_000,
    startingPriceFen: 100_000_000,
    recordPrice: true,
  });
  t.equal(early.statusCode, 400, 'a deal before the postponed start (2026-03-01)');
  t.match(early.json<Problem>(), { code: 'DATE_BEFORE_ANCHOR', errors: [{ field: 'body.dealOn' }] });

  const deal = await send(h, id, 'record-transaction-result', {
    parcelId: 'P-1',
    dealOn: '2026-03-06',
    winnerId: 'LU-1',
    priceFen: 110_000_000,
    startingPriceFen: 100_000_000,
    recordPrice: true,
  });
  t.equal(deal.statusCode, 200, deal.body);
  const plain = await send(h, id, 'record-transaction-result', {
    parcelId: 'P-2',
    dealOn: '2026-03-06',
    winnerId: 'LU-2',
    priceFen: 150_000_000,
    startingPriceFen: 100_000_000,
  });
  t.equal(plain.statusCode, 200, plain.body);
  const notAbnormal = await send(h, id, 'report-abnormal-transaction', {
    parcelId: 'P-2',
    reportedOn: '2026-03-09',
    reportNo: '异0',
  });
  t.equal(notAbnormal.statusCode, 422, 'T38: 50 % exactly is not abnormal');
  t.match(notAbnormal.json<Problem>(), {
    code: 'TRANSACTION_NOT_ABNORMAL',
    rule: 'T38',
    errors: [{ field: 'body.parcelId' }],
  });
  const report = await send(h, id, 'report-abnormal-transaction', {
    parcelId: 'P-1',
    reportedOn: '2026-03-11',
    reportNo: '异1',
  });
  t.equal(report.statusCode, 200, 'T38: late is recorded, not refused');

  h.setNow('2026-03-24T10:00:00+08:00');
  const results = await send(h, id, 'publish-results', { publishedOn: '2026-03-23' });
  t.equal(results.statusCode, 200, results.body);
  t.same(
    results.json<{ events: { type: string }[] }>().events.map((e) => e.type),
    ['ResultsPublished', 'ResultsPublished'],
  );

  const { rows } = await h.db.connection.pool.query<{ type: string; data: Record<string, unknown> }>(
    `SELECT type, data FROM "${h.db.schema}".events WHERE stream = $1 ORDER BY revision`,
    [`announcement-${id}`],
  );
  t.match(
    rows.map((r) => ({ type: r.type, data: r.data })),
    [
      { type: 'AnnouncementPublished' },
      { type: 'AnnouncementAmended', data: { leadDays: 15 } },
      { type: 'ActivityRescheduled', data: { from: '2026-02-24', to: '2026-03-01', days: 5, reason: 'T31' } },
      { type: 'TransactionResultRecorded', data: { abnormal: true, abnormalReportDue: { dueDate: '2026-03-10' } } },
      { type: 'TransactionResultRecorded', data: { premium: '0.5', abnormal: false } },
      { type: 'AbnormalTransactionReported', data: { dueDate: '2026-03-10', late: true } },
      { type: 'ResultsPublished', data: { parcelId: 'P-1', dueDate: '2026-03-20', late: true } },
      { type: 'ResultsPublished', data: { parcelId: 'P-2', dueDate: '2026-03-20', late: true } },
    ],
  );
  t.notMatch(JSON.stringify(rows), /reserve/i, 'no reserve price in the log');
});

t.test('GET /announcements/{id}: folded from the stream, with the open T32/T38 obligations', async (t) => {
  const h = await buildTestApp(t, '2026-03-11T10:00:00+08:00', { readSide: true });
  const id = 'GG-3201-3';
  t.equal((await send(h, id, 'publish-announcement', announcement())).statusCode, 201);
  const dealt = await send(h, id, 'record-transaction-result', {
    parcelId: 'P-1',
    dealOn: '2026-03-06',
    winnerId: 'LU-1',
    priceFen: 150_010_000,
    startingPriceFen: 100_000_000,
  });
  t.equal(dealt.statusCode, 200, dealt.body);

  const get = async (as: As, query = '') => {
    const token = await h.token(as.role, { jurisdiction: as.jurisdiction });
    return h.app.inject({
      method: 'GET',
      url: `/announcements/${id}${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
  };
  const res = await get({ role: 'PATROL_POST', jurisdiction: '32' });
  t.equal(res.statusCode, 200, res.body);
  t.equal(res.headers.etag, '"1"');
  t.match(res.json(), {
    announcementId: id,
    method: 'LISTING',
    activityStartsOn: '2026-02-24',
    results: [{ parcelId: 'P-1', premium: '0.5001', abnormal: true, abnormalReasons: ['PREMIUM_OVER_50_PERCENT'] }],
    obligations: [
      { rule: 'T38', parcelId: 'P-1', anchorDate: '2026-03-06', dueDate: '2026-03-10', overdue: true },
      { rule: 'T32', parcelId: 'P-1', dueDate: '2026-03-20', overdue: false },
    ],
  });
  t.notMatch(res.body, /reserve/i);
  const onDay = await get(CITY, '?on=2026-03-09');
  t.equal(onDay.json<{ obligations: { overdue: boolean }[] }>().obligations[0]?.overdue, false, 'judged on `on`');
  t.equal((await get({ role: 'GRANTOR_ADMIN', jurisdiction: '3202' })).statusCode, 404, 'outside the jurisdiction');
  t.equal((await get({ role: 'LAND_USER', jurisdiction: '3201' })).statusCode, 403, 'not for land users');
});

t.test('GET /announcements/{id}: the T38 and T32 deadlines the timers record missed', async (t) => {
  const h = await buildTestApp(t, '2026-03-11T10:00:00+08:00', { readSide: true });
  const id = 'GG-3201-4';
  t.equal((await send(h, id, 'publish-announcement', announcement())).statusCode, 201);
  const dealt = await send(h, id, 'record-transaction-result', {
    parcelId: 'P-1',
    dealOn: '2026-03-06',
    winnerId: 'LU-1',
    priceFen: 150_010_000,
    startingPriceFen: 100_000_000,
  });
  t.equal(dealt.statusCode, 200, dealt.body);
  /** What the timer poller does when a T32/T38 timer fires (src/sagas/announcement/fire.ts), at `now`. */
  const deadlineMissed = (now: string, data: { timerId: string; rule: string; parcelId: string; dueDate: string }) =>
    handleCommand({
      store: h.db.store,
      stream: announcementStream(id),
      decider: createAnnouncementDecider({ calendars: calendarBookOf(h.db.store) }),
      command: {
        type: 'RecordAnnouncementDeadlineMissed',
        data,
        context: { now: new Date(now).toISOString(), actor: { id: 'system:timers', role: 'SYSTEM' } },
      },
      envelope: { correlationId: data.timerId },
      idempotencyKey: data.timerId,
      clock: () => new Date(now),
    });
  const get = async () => {
    const token = await h.token('GRANTOR_ADMIN', { jurisdiction: '3201' });
    return h.app.inject({ method: 'GET', url: `/announcements/${id}`, headers: { authorization: `Bearer ${token}` } });
  };
  t.same((await get()).json<{ breaches: unknown[] }>().breaches, [], 'none before a timer fires');

  // T38: the abnormal deal (premium over 50 %) was due to be reported by 10 March; the timer fires on the 11th.
  const t38 = await deadlineMissed('2026-03-11T10:00:00+08:00', {
    timerId: 'tm-t38-p1',
    rule: 'T38',
    parcelId: 'P-1',
    dueDate: '2026-03-10',
  });
  t.match(t38.events, [{ type: 'AbnormalReportOverdue' }]);
  await t.rejects(
    deadlineMissed('2026-03-11T10:00:00+08:00', {
      timerId: 'tm-t32-p1',
      rule: 'T32',
      parcelId: 'P-1',
      dueDate: '2026-03-20',
    }),
    { code: 'DEADLINE_NOT_PASSED' },
    'T32 is not due yet',
  );
  // T32: the results were due by 20 March; the timer fires on the 21st.
  h.setNow('2026-03-21T10:00:00+08:00');
  const t32 = await deadlineMissed('2026-03-21T10:00:00+08:00', {
    timerId: 'tm-t32-p1',
    rule: 'T32',
    parcelId: 'P-1',
    dueDate: '2026-03-20',
  });
  t.match(t32.events, [{ type: 'ResultsPublicationOverdue' }]);

  const res = await get();
  t.equal(res.statusCode, 200, res.body);
  t.equal(res.headers.etag, `"${t32.nextRevision}"`);
  const view = res.json<{ breaches: unknown[]; obligations: { rule: string; overdue: boolean }[] }>();
  t.same(view.breaches, [
    { rule: 'T38', parcelId: 'P-1', dueDate: '2026-03-10', overdueOn: '2026-03-11' },
    { rule: 'T32', parcelId: 'P-1', dueDate: '2026-03-20', overdueOn: '2026-03-21' },
  ]);
  t.match(
    view.obligations,
    [
      { rule: 'T38', overdue: true },
      { rule: 'T32', overdue: true },
    ],
    'the obligations stay open until met',
  );
});
