/**
 * The supply announcement (DOMAIN.md §4 T31, T32, T38; S4 §八): the announcement's lead time and
 * listing period, the supplementary notice's postponement, the results' publication and the
 * abnormal-transaction report, each stamped with its working-day due date and flagged late.
 */
import t, { type Test } from 'tap';
import { SEED_CALENDAR } from '../../../src/domain/working-calendar/seed-calendar.js';
import { DomainError } from '../../../src/domain/errors.js';
import {
  ANNOUNCEMENT_COMMANDS,
  announcementDecider,
  announcementObligations,
  announcementStream,
  premiumOf,
  premiumOver50Percent,
  premiumPercent,
  type AnnouncementCommand,
  type AnnouncementEvent,
  type AnnouncementState,
} from '../../../src/domain/announcement/index.js';

const NOW = '2026-04-01T09:00:00+08:00';
const grantor = { id: 'u-city-1', role: 'GRANTOR_ADMIN' };

type Data<T extends AnnouncementCommand['type']> = Extract<AnnouncementCommand, { type: T }>['data'];
const cmd = <T extends AnnouncementCommand['type']>(type: T, data: Data<T>, now = NOW): AnnouncementCommand =>
  ({ type, data, context: { now, actor: grantor } }) as AnnouncementCommand;

const run = (
  commands: readonly AnnouncementCommand[],
  state: AnnouncementState = announcementDecider.initialState(),
) => {
  const events: AnnouncementEvent[] = [];
  let s = state;
  for (const command of commands) {
    for (const event of announcementDecider.decide(command, s)) {
      events.push(event);
      s = announcementDecider.evolve(s, event);
    }
  }
  return { state: s, events };
};

const refuses = (
  t: Test,
  state: AnnouncementState,
  command: AnnouncementCommand,
  expected: { code: string; rule?: string; field?: string },
  label = `${command.type} refused with ${expected.code}`,
): void => {
  try {
    const events = announcementDecider.decide(command, state);
    t.fail(`${label}: accepted with ${events.map((e) => e.type).join(', ')}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    t.equal(error.code, expected.code, label);
    if (expected.rule !== undefined) t.equal(error.details.rule, expected.rule, `${label}: rule`);
    if (expected.field !== undefined) t.equal(error.details.field, expected.field, `${label}: field`);
  }
};

const NONE = announcementDecider.initialState();

const publish = (over: Partial<Data<'PublishAnnouncement'>> = {}) =>
  cmd('PublishAnnouncement', {
    announcementId: 'GG-1',
    jurisdiction: 'CN-JS-3201',
    parcelIds: ['P-1', 'P-2', 'P-3'],
    method: 'LISTING',
    publishedOn: '2026-02-02',
    activityStartsOn: '2026-02-24',
    listingEndsOn: '2026-03-06',
    documentNo: '宁让〔2026〕1号',
    ...over,
  });

const deal = (over: Partial<Data<'RecordTransactionResult'>> = {}) =>
  cmd('RecordTransactionResult', {
    parcelId: 'P-1',
    dealOn: '2026-03-06', // a Friday: +2 wd = Tue 2026-03-10, +10 wd = Fri 2026-03-20
    winnerId: 'LU-1',
    priceFen: 120_000_000,
    startingPriceFen: 100_000_000,
    recordPrice: false,
    ...over,
  });

const announced = () => run([publish()]).state;

t.test('the stream and the examples of the command table', async (t) => {
  t.equal(announcementStream('GG-1'), 'announcement-GG-1');
  const examples = ANNOUNCEMENT_COMMANDS;
  const { state, events } = run([
    cmd('PublishAnnouncement', examples.PublishAnnouncement.schema.parse(examples.PublishAnnouncement.example)),
    cmd(
      'PublishSupplementaryNotice',
      examples.PublishSupplementaryNotice.schema.parse(examples.PublishSupplementaryNotice.example),
    ),
    cmd(
      'RecordTransactionResult',
      examples.RecordTransactionResult.schema.parse({
        ...examples.RecordTransactionResult.example,
        dealOn: '2026-03-11',
      }),
    ),
    cmd(
      'PublishResults',
      examples.PublishResults.schema.parse({ ...examples.PublishResults.example, publishedOn: '2026-03-12' }),
    ),
    cmd(
      'ReportAbnormalTransaction',
      examples.ReportAbnormalTransaction.schema.parse({
        ...examples.ReportAbnormalTransaction.example,
        reportedOn: '2026-03-12',
      }),
    ),
  ]);
  t.same(
    events.map((e) => e.type),
    [
      'AnnouncementPublished',
      'AnnouncementAmended',
      'ActivityRescheduled',
      'TransactionResultRecorded',
      'ResultsPublished',
      'AbnormalTransactionReported',
    ],
  );
  t.equal(state.status, 'PUBLISHED');
  t.notMatch(JSON.stringify(events), /reserve/i, 'no reserve price in any event (sealed in the decision)');
});

t.test('T32: the activity at least 20 days after publication (refused at 19)', async (t) => {
  refuses(t, NONE, publish({ activityStartsOn: '2026-02-21' }), {
    code: 'ANNOUNCEMENT_LEAD_TOO_SHORT',
    rule: 'T32',
    field: 'activityStartsOn',
  });
  refuses(t, NONE, publish({ method: 'AUCTION', activityStartsOn: '2026-02-21', listingEndsOn: undefined }), {
    code: 'ANNOUNCEMENT_LEAD_TOO_SHORT',
    rule: 'T32',
    field: 'activityStartsOn',
  });
  const { events } = run([publish({ activityStartsOn: '2026-02-22', listingEndsOn: '2026-03-04' })]);
  t.match(events, [
    {
      type: 'AnnouncementPublished',
      data: { activityStartsOn: '2026-02-22', listingEndsOn: '2026-03-04', policyVersion: 'CN-JS-2026.1' },
    },
  ]);
  t.equal(events.length, 1, 'exactly 20 days is enough');
});

t.test('T32: a listing period of at least 10 days (refused at 9)', async (t) => {
  refuses(t, NONE, publish({ listingEndsOn: '2026-03-05' }), {
    code: 'LISTING_PERIOD_TOO_SHORT',
    rule: 'T32',
    field: 'listingEndsOn',
  });
  t.equal(run([publish({ listingEndsOn: '2026-03-06' })]).events.length, 1, '10 days is enough');
  refuses(t, NONE, publish({ listingEndsOn: undefined }), {
    code: 'LISTING_END_REQUIRED',
    rule: 'T32',
    field: 'listingEndsOn',
  });
  refuses(t, NONE, publish({ method: 'TENDER' }), {
    code: 'LISTING_END_NOT_ALLOWED',
    rule: 'T32',
    field: 'listingEndsOn',
  });
});

t.test('publishing: a city or county, distinct parcels, once, not in the future', async (t) => {
  refuses(t, NONE, publish({ jurisdiction: 'CN-JS' }), {
    code: 'ANNOUNCEMENT_JURISDICTION_INVALID',
    field: 'jurisdiction',
  });
  refuses(t, NONE, publish({ parcelIds: ['P-1', 'P-1'] }), { code: 'DUPLICATE_PARCEL', field: 'parcelIds.1' });
  refuses(
    t,
    NONE,
    publish({ publishedOn: '2026-04-02', activityStartsOn: '2026-05-01', listingEndsOn: '2026-05-20' }),
    {
      code: 'DATE_IN_FUTURE',
      field: 'publishedOn',
    },
  );
  refuses(t, announced(), publish(), { code: 'ANNOUNCEMENT_ALREADY_PUBLISHED' });
  refuses(t, NONE, deal(), { code: 'ANNOUNCEMENT_NOT_PUBLISHED' });
  t.equal(run([publish({ jurisdiction: 'CN-HA-4101' })]).events.length, 1, 'national policy outside Jiangsu');
});

t.test('T31: a supplementary notice 15 days before the activity postpones it by 5 days', async (t) => {
  const notice = cmd('PublishSupplementaryNotice', {
    noticeNo: '补1',
    publishedOn: '2026-02-09',
    changes: ['保证金截止时间调整'],
  });
  const { state, events } = run([notice], announced());
  t.same(events, [
    {
      type: 'AnnouncementAmended',
      data: {
        announcementId: 'GG-1',
        noticeNo: '补1',
        publishedOn: '2026-02-09',
        changes: ['保证金截止时间调整'],
        leadDays: 15,
      },
    },
    {
      type: 'ActivityRescheduled',
      data: {
        announcementId: 'GG-1',
        from: '2026-02-24',
        to: '2026-03-01',
        days: 5,
        listingEndsOn: { from: '2026-03-06', to: '2026-03-11' },
        reason: 'T31',
        noticeNo: '补1',
        policyVersion: 'CN-JS-2026.1',
      },
    },
  ]);
  t.match(state, {
    activityStartsOn: '2026-03-01',
    listingEndsOn: '2026-03-11',
    originalActivityStartsOn: '2026-02-24',
  });
  t.match(state, { notices: [{ noticeNo: '补1', postponedDays: 5 }] });

  const early = run(
    [cmd('PublishSupplementaryNotice', { noticeNo: '补0', publishedOn: '2026-02-04', changes: ['更正'] })],
    announced(),
  );
  t.same(
    early.events.map((e) => e.type),
    ['AnnouncementAmended'],
    'T31: 20 days or more before the start: no postponement',
  );

  refuses(t, state, notice, { code: 'NOTICE_ALREADY_PUBLISHED', rule: 'T31', field: 'noticeNo' });
  refuses(
    t,
    announced(),
    cmd('PublishSupplementaryNotice', { noticeNo: '补9', publishedOn: '2026-02-25', changes: ['x'] }),
    { code: 'ACTIVITY_ALREADY_STARTED', rule: 'T31', field: 'publishedOn' },
  );
  const second = run(
    [cmd('PublishSupplementaryNotice', { noticeNo: '补2', publishedOn: '2026-02-20', changes: ['再次调整'] })],
    state,
  );
  t.match(
    second.events[1],
    { type: 'ActivityRescheduled', data: { from: '2026-03-01', to: '2026-03-12', days: 11 } },
    'T31: a second notice is measured from the postponed start',
  );
  const dealt = run([deal({ dealOn: '2026-03-11' })], state).state;
  refuses(t, dealt, cmd('PublishSupplementaryNotice', { noticeNo: '补3', publishedOn: '2026-02-20', changes: ['x'] }), {
    code: 'TRANSACTION_ALREADY_RECORDED',
  });
});

t.test('T32: results published within 10 working days of the deal; late flagged, not refused', async (t) => {
  const { state, events } = run([deal()], announced());
  t.match(events[0], {
    type: 'TransactionResultRecorded',
    data: {
      premium: '0.2',
      abnormal: false,
      abnormalReasons: [],
      resultsDue: { rule: 'T32', dueDate: '2026-03-20', policyVersion: 'CN-JS-2026.1', provisional: false },
      abnormalReportDue: null,
    },
  });
  const onTime = run([cmd('PublishResults', { publishedOn: '2026-03-20' })], state);
  t.match(onTime.events, [{ type: 'ResultsPublished', data: { parcelId: 'P-1', dueDate: '2026-03-20', late: false } }]);
  const late = run([cmd('PublishResults', { publishedOn: '2026-03-23' })], state);
  t.match(late.events, [
    { type: 'ResultsPublished', data: { parcelId: 'P-1', rule: 'T32', dueDate: '2026-03-20', late: true } },
  ]);
  refuses(t, late.state, cmd('PublishResults', { publishedOn: '2026-03-24' }), { code: 'NO_RESULTS_TO_PUBLISH' });
  refuses(t, late.state, cmd('PublishResults', { publishedOn: '2026-03-24', parcelIds: ['P-1'] }), {
    code: 'RESULTS_ALREADY_PUBLISHED',
    field: 'parcelIds.0',
  });
  refuses(t, state, cmd('PublishResults', { publishedOn: '2026-03-24', parcelIds: ['P-2'] }), {
    code: 'RESULT_NOT_RECORDED',
    field: 'parcelIds.0',
  });
  refuses(t, state, cmd('PublishResults', { publishedOn: '2026-03-05' }), { code: 'DATE_BEFORE_ANCHOR', rule: 'T32' });
  refuses(t, state, deal(), { code: 'RESULT_ALREADY_RECORDED', field: 'parcelId' });
  refuses(t, announced(), deal({ parcelId: 'P-9' }), { code: 'PARCEL_NOT_IN_ANNOUNCEMENT', field: 'parcelId' });
  refuses(t, announced(), deal({ dealOn: '2026-02-23' }), { code: 'DATE_BEFORE_ANCHOR', field: 'dealOn' });
});

t.test('T38: a premium of exactly 50 % is not abnormal; 50.01 % is', async (t) => {
  const fifty = run([deal({ priceFen: 150_000_000 })], announced());
  t.match(fifty.events[0], {
    data: { premium: '0.5', abnormal: false, abnormalReasons: [], abnormalReportDue: null },
  });
  refuses(
    t,
    fifty.state,
    cmd('ReportAbnormalTransaction', { parcelId: 'P-1', reportedOn: '2026-03-09', reportNo: '异1' }),
    {
      code: 'TRANSACTION_NOT_ABNORMAL',
      rule: 'T38',
      field: 'parcelId',
    },
  );
  const over = run([deal({ priceFen: 150_010_000 })], announced());
  t.match(over.events[0], {
    data: {
      premium: '0.5001',
      abnormal: true,
      abnormalReasons: ['PREMIUM_OVER_50_PERCENT'],
      abnormalReportDue: { rule: 'T38', dueDate: '2026-03-10' },
    },
  });
  t.equal(premiumOver50Percent(150_000_001, 100_000_000), true, 'one fen above 50 % is abnormal');
  t.equal(premiumOver50Percent(3, 2), false);
  t.equal(premiumOf(4, 3), '1/3', 'not a finite decimal: the exact fraction');
  t.equal(premiumOf(90, 100), '-0.1');
  t.equal(premiumOf(100, 100), '0');
  // 2 × 9 007 199 254 740 991 = 18 014 398 509 481 982 against 3 × the starting price: exact on bigint.
  t.equal(premiumOver50Percent(Number.MAX_SAFE_INTEGER, 6_004_799_503_160_660), true, 'no overflow: just above 50 %');
  t.equal(premiumOver50Percent(Number.MAX_SAFE_INTEGER, 6_004_799_503_160_661), false, 'no overflow: just below 50 %');
});

t.test('T38: a record price is abnormal whatever the premium', async (t) => {
  const { events } = run([deal({ priceFen: 110_000_000, recordPrice: true })], announced());
  t.match(events[0], {
    data: {
      premium: '0.1',
      abnormal: true,
      abnormalReasons: ['RECORD_PRICE'],
      abnormalReportDue: { dueDate: '2026-03-10' },
    },
  });
  const both = run([deal({ priceFen: 200_000_000, recordPrice: true })], announced());
  t.match(both.events[0], { data: { premium: '1', abnormalReasons: ['PREMIUM_OVER_50_PERCENT', 'RECORD_PRICE'] } });
});

t.test('T38: the abnormal report within 2 working days; late flagged, not refused', async (t) => {
  const { state } = run([deal({ recordPrice: true })], announced());
  const onTime = run(
    [cmd('ReportAbnormalTransaction', { parcelId: 'P-1', reportedOn: '2026-03-10', reportNo: '异1' })],
    state,
  );
  t.match(onTime.events, [{ type: 'AbnormalTransactionReported', data: { dueDate: '2026-03-10', late: false } }]);
  const late = run(
    [cmd('ReportAbnormalTransaction', { parcelId: 'P-1', reportedOn: '2026-03-11', reportNo: '异1' })],
    state,
  );
  t.match(late.events, [
    {
      type: 'AbnormalTransactionReported',
      data: {
        parcelId: 'P-1',
        rule: 'T38',
        dueDate: '2026-03-10',
        reportedOn: '2026-03-11',
        reportNo: '异1',
        late: true,
      },
    },
  ]);
  refuses(
    t,
    late.state,
    cmd('ReportAbnormalTransaction', { parcelId: 'P-1', reportedOn: '2026-03-12', reportNo: '异2' }),
    {
      code: 'ABNORMAL_ALREADY_REPORTED',
      rule: 'T38',
    },
  );
  refuses(t, state, cmd('ReportAbnormalTransaction', { parcelId: 'P-2', reportedOn: '2026-03-12', reportNo: '异2' }), {
    code: 'RESULT_NOT_RECORDED',
    rule: 'T38',
  });
});

t.test('T32, T38: the open obligations with their due dates', async (t) => {
  t.same(announcementObligations(announced(), SEED_CALENDAR), [], 'nothing due before a deal');
  const { state } = run([deal({ recordPrice: true }), deal({ parcelId: 'P-2', dealOn: '2026-03-09' })], announced());
  t.same(
    announcementObligations(state, SEED_CALENDAR, { on: '2026-03-11' }).map((o) => [
      o.rule,
      o.parcelId,
      o.dueDate,
      o.overdue,
    ]),
    [
      ['T38', 'P-1', '2026-03-10', true],
      ['T32', 'P-1', '2026-03-20', false],
      ['T32', 'P-2', '2026-03-23', false],
    ],
  );
  const after = run(
    [
      cmd('ReportAbnormalTransaction', { parcelId: 'P-1', reportedOn: '2026-03-10', reportNo: '异1' }),
      cmd('PublishResults', { publishedOn: '2026-03-12' }),
    ],
    state,
  );
  t.same(
    after.events.map((e) => e.type),
    ['AbnormalTransactionReported', 'ResultsPublished', 'ResultsPublished'],
  );
  t.same(announcementObligations(after.state, SEED_CALENDAR), [], 'all done');
  t.match(announcementObligations(state, SEED_CALENDAR)[0], {
    kind: 'ABNORMAL_TRANSACTION_REPORT',
    anchorDate: '2026-03-06',
    calendarVersion: SEED_CALENDAR.version,
    provisional: false,
  });
});

t.test('T38: the premium shown as a percentage beside the exact value', async (t) => {
  t.equal(premiumPercent(150_000, 100_000), '50.00%');
  t.equal(premiumPercent(150_010, 100_000), '50.01%');
  t.equal(premiumPercent(1281, 1153), '11.10%', '128/1153 = 11.1014…%');
  t.equal(premiumPercent(100_000, 100_000), '0.00%');
  t.equal(premiumPercent(90_000, 100_000), '-10.00%');
  t.equal(premiumPercent(100_005, 1_000_000_00), '-99.90%');
});
