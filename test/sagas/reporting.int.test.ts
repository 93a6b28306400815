/**
 * Report obligations on real PostgreSQL (DOMAIN.md §13; T33, T34, T37): the opener opens S1/S3 for
 * a province after a quarter ends and T33/T34 for a Jiangsu city once the year has started, with
 * their due dates, once across two openers; the saga turns each ReportDue into a timer; the poller
 * marks an unsubmitted report overdue when the virtual clock passes its due date, and finds the
 * firing obsolete once the report is in; a late submission is flagged.
 */
import type { Kysely } from 'kysely';
import t from 'tap';
import { fold } from '../../src/domain/decider.js';
import {
  reportDecider,
  reportStream,
  type ReportEvent,
  type ReportObligation,
  type ReportState,
} from '../../src/domain/reporting/index.js';
import type { TimerStamp } from '../../src/domain/timers/index.js';
import { handleReportCommand } from '../../src/eventstore/aggregate-handlers.js';
import { toDomainEvent } from '../../src/eventstore/fold-stream.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { createTimerPoller } from '../../src/sagas/poller.js';
import { fireReportTimer } from '../../src/sagas/reporting/fire.js';
import { obligationsOwed, openDueReports } from '../../src/sagas/reporting/opener.js';
import { reportTimersSaga } from '../../src/sagas/reporting/saga.js';
import { parcelTimersSaga } from '../../src/sagas/parcel-timers/saga.js';
import type { RecordedEvent } from '../../src/eventstore/types.js';
import type { TestStore } from '../helpers/postgres.js';
import { countEvents, runToHead, sagaDb, sagaStore, silent } from './fixtures/sagas.js';

const stateOf = async (ctx: TestStore, obligationId: string): Promise<ReportState> =>
  fold(
    reportDecider,
    (await ctx.store.readStream(reportStream(obligationId))).map((e) => toDomainEvent<ReportEvent>(e)),
  );
const obligation = async (ctx: TestStore, obligationId: string): Promise<ReportObligation> => {
  const state = await stateOf(ctx, obligationId);
  if (state.status === 'NONE') throw new Error(`${obligationId} is not open`);
  return state;
};
const typesOf = async (ctx: TestStore, stream: string): Promise<string[]> =>
  (await ctx.store.readStream(stream)).map((e) => e.type);

const submit = (ctx: TestStore, clock: VirtualClock, obligationId: string, submittedOn: string) =>
  handleReportCommand({
    store: ctx.store,
    id: obligationId,
    command: {
      type: 'SubmitReport',
      data: { submittedOn, documentNo: `DOC-${obligationId}` },
      context: { now: clock.now().toISOString(), actor: { id: 'u-1', role: 'PROVINCE_REVIEWER' } },
    },
    envelope: { correlationId: 'test' },
    clock: () => clock.now(),
  });

t.test('which obligations are owed on a day (pure)', async (t) => {
  const owed = obligationsOwed(['CN-JS-320115', 'CN-SC-5101'], '2026-10-01').map(
    (o) => `${o.type}-${o.jurisdiction}-${o.period}`,
  );
  for (const id of [
    'S1-CN-JS-2026Q3',
    'S1-CN-JS-3201-2026Q3',
    'S1-CN-SC-5101-2026Q3',
    'S3-CN-JS-2026Q3',
    'S3-CN-SC-2026Q3',
    'S3-CN-JS-2025',
    'T33-CN-JS-3201-2026',
    'T34-CN-JS-320115-2026',
  ])
    t.ok(owed.includes(id), `${id} is owed`);
  for (const id of ['S1-CN-JS-2026Q4', 'S3-CN-JS-3201-2026Q3', 'T33-CN-SC-5101-2026', 'S1-CN-JS-320115-2026Q3'])
    t.notOk(owed.includes(id), `${id} is not owed`);
  t.notOk(owed.includes('T33-CN-JS-3201-2025'), 'beyond the lookback');
  const fired = { stream: 'timers-report-S1-CN-JS-2026Q3', type: 'TimerFired', data: {} } as unknown as RecordedEvent;
  t.equal(parcelTimersSaga.keyOf(fired), null, 'a report timer is not a parcel’s');
});

t.test('two openers open S1/S3 for a province and T33/T34 for a Jiangsu city once, with their due dates', async (t) => {
  const ctx = await sagaStore(t);
  const clock = new VirtualClock(new Date('2026-10-01T09:00:00+08:00'));
  const options = {
    store: ctx.store,
    db: ctx.connection.db as unknown as Kysely<unknown>,
    schema: ctx.schema,
    clock,
    logger: silent,
    extraJurisdictions: ['CN-JS-3201'],
  };
  const [a, b] = await Promise.all([openDueReports(options), openDueReports(options)]);
  t.equal(a.failed + b.failed, 0);
  t.equal(a.sent, b.sent);
  // A racer whose append carried the very same event ids is told it appended: the log has one.
  t.ok(a.opened + b.opened >= a.sent, 'each obligation opened by one of them');
  t.equal(await countEvents(ctx, 'ReportDue'), a.sent, 'one ReportDue per obligation');
  const again = await openDueReports(options);
  t.equal(again.opened, 0, 'a third pass opens nothing');
  t.equal(await countEvents(ctx, 'ReportDue'), a.sent);

  t.match(await obligation(ctx, 'S1-CN-JS-2026Q3'), { status: 'DUE', dueDate: '2026-10-10', rule: 'T37' });
  t.match(await obligation(ctx, 'S3-CN-JS-2026Q3'), { status: 'DUE', dueDate: '2026-10-15', rule: 'T37' });
  t.match(await obligation(ctx, 'S3-CN-JS-2025'), { dueDate: '2026-01-15' });
  t.match(await obligation(ctx, 'S1-CN-JS-3201-2026Q3'), { dueDate: '2026-10-10' });
  t.match(await obligation(ctx, 'T33-CN-JS-3201-2026'), { dueDate: '2026-03-31', rule: 'T33' });
  t.match(await obligation(ctx, 'T34-CN-JS-3201-2026'), { dueDate: '2026-03-31', rule: 'T34' });
  t.equal((await stateOf(ctx, 'S3-CN-JS-3201-2026Q3')).status, 'NONE', 'S3 is a province’s');
  t.equal((await stateOf(ctx, 'S1-CN-JS-2026Q4')).status, 'NONE', 'Q4 has not ended');
});

t.test(
  'an unsubmitted report becomes overdue when the clock passes its due date; a submitted one does not',
  async (t) => {
    const ctx = await sagaStore(t);
    const clock = new VirtualClock(new Date('2026-10-01T09:00:00+08:00'));
    await openDueReports({
      store: ctx.store,
      db: ctx.connection.db as unknown as Kysely<unknown>,
      schema: ctx.schema,
      clock,
      logger: silent,
      extraJurisdictions: ['CN-JS-3201'],
    });
    await runToHead(ctx, reportTimersSaga, clock);
    t.same(await typesOf(ctx, 'timers-report-S1-CN-JS-2026Q3'), ['TimerScheduled']);
    const poller = createTimerPoller({ store: ctx.store, db: sagaDb(ctx), schema: ctx.schema, clock, logger: silent });

    // On 1 October the reports already past their due date (H1, the year 2025, T33/T34) go overdue.
    await poller.fireDue();
    t.match(await obligation(ctx, 'S1-CN-JS-2026H1'), { status: 'OVERDUE', overdueOn: '2026-10-01' });
    t.match(await obligation(ctx, 'T33-CN-JS-3201-2026'), { status: 'OVERDUE' });
    t.equal((await obligation(ctx, 'S1-CN-JS-2026Q3')).status, 'DUE');
    t.equal((await obligation(ctx, 'S3-CN-JS-2026Q3')).status, 'DUE');

    // The city submits its S1 and the province its S3 in time; the saga has not seen them yet.
    clock.set(new Date('2026-10-09T10:00:00+08:00'));
    await submit(ctx, clock, 'S1-CN-JS-3201-2026Q3', '2026-10-09');
    await submit(ctx, clock, 'S3-CN-JS-2026Q3', '2026-10-09');
    await poller.fireDue();
    t.equal((await obligation(ctx, 'S1-CN-JS-2026Q3')).status, 'DUE', 'not before the day after the due date');

    clock.set(new Date('2026-10-16T08:00:00+08:00'));
    const result = await poller.fireDue();
    t.equal(result.failed, 0);
    t.match(await obligation(ctx, 'S1-CN-JS-2026Q3'), { status: 'OVERDUE', overdueOn: '2026-10-16' });
    t.same(await typesOf(ctx, 'report-S1-CN-JS-3201-2026Q3'), ['ReportDue', 'ReportSubmitted'], 'no ReportOverdue');
    t.same(await typesOf(ctx, 'report-S3-CN-JS-2026Q3'), ['ReportDue', 'ReportSubmitted']);
    t.same(
      await typesOf(ctx, 'timers-report-S1-CN-JS-3201-2026Q3'),
      ['TimerScheduled', 'TimerFired'],
      'the firing found obsolete',
    );

    // The saga catches up: nothing is left to fire; a firing again (a crash before the row went) is a no-op.
    await runToHead(ctx, reportTimersSaga, clock);
    t.same(await poller.fireDue(), { fired: 0, obsolete: 0, failed: 0 });
    const timer = (await ctx.store.readStream('timers-report-S1-CN-JS-2026Q3'))[0]?.data as unknown as TimerStamp;
    const fire = fireReportTimer(ctx.store, clock);
    await fire({
      timerId: timer.timerId,
      saga: reportTimersSaga.name,
      timer,
      attempts: 2,
    });
    t.same(await typesOf(ctx, 'report-S1-CN-JS-2026Q3'), ['ReportDue', 'ReportOverdue'], 'one ReportOverdue');

    // Submitted late, after it went overdue: flagged, not refused.
    const late = await submit(ctx, clock, 'S1-CN-JS-2026Q3', '2026-10-16');
    t.match(late.events[0], { type: 'ReportSubmitted', data: { late: true, daysLate: 6 } });
    t.match(await obligation(ctx, 'S1-CN-JS-2026Q3'), { status: 'SUBMITTED', overdueOn: '2026-10-16' });
  },
);
