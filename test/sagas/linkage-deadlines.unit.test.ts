/**
 * The linkage-deadlines saga's pure react (DOMAIN.md §9): T35 one timer for the earliest month
 * neither filed nor recorded overdue, due the month's last day (the read model's rule), fired the
 * next month's first day; rescheduled as months are filed, followed after a breach, cancelled at
 * the acceptance; T36 the day after the stamped filing due date, cancelled when it is filed.
 */
import t from 'tap';
import type { DomainEvent } from '../../src/domain/decider.js';
import { progressDueDate } from '../../src/domain/linkage/index.js';
import type { TimerRequest } from '../../src/domain/timers/index.js';
import { SEED_CALENDARS } from '../../src/domain/working-calendar/seed-calendar.js';
import { linkageTimersSaga, type LinkageTimersState } from '../../src/sagas/linkage/saga.js';
import type { SagaEnv } from '../../src/sagas/saga.js';
import { recorded } from './fixtures/recorded.js';

const ENV: SagaEnv = { calendars: SEED_CALENDARS };
const STREAM = 'linkage-LK-1';
const saga = linkageTimersSaga;

const approved: DomainEvent = {
  type: 'LinkageOverallApproved',
  data: { linkageId: 'LK-1', approvedOn: '2026-01-10', jurisdiction: 'CN-SC-5101', variant: 'SICHUAN' },
};
const basicInfo: DomainEvent = { type: 'LinkageBasicInfoFiled', data: { linkageId: 'LK-1', filedOn: '2026-01-20' } };
const progress = (month: string): DomainEvent => ({ type: 'LinkageProgressFiled', data: { linkageId: 'LK-1', month } });
const overdue = (month: string): DomainEvent => ({
  type: 'LinkageProgressOverdue',
  data: { linkageId: 'LK-1', month, timerId: `${STREAM}/T35/${month}/${progressDueDate(month)}` },
});
const accepted: DomainEvent = {
  type: 'LinkageAccepted',
  data: {
    linkageId: 'LK-1',
    acceptedOn: '2026-03-02',
    documentNo: '验〔2026〕1号',
    filingDue: { rule: 'T36', dueDate: '2026-03-16', calendarVersion: 'CN@1', provisional: false },
  },
};

/** Feeds the events in order: the final state and the requests made after each event. */
const feed = (events: readonly DomainEvent[]) => {
  let state: LinkageTimersState = saga.initialState(STREAM);
  const requests: TimerRequest[][] = [];
  for (const event of recorded(STREAM, events)) {
    t.equal(saga.keyOf(event), STREAM);
    const reaction = saga.react(state, event, ENV);
    state = reaction.state;
    requests.push([...reaction.timers]);
    t.same(reaction.commands, [], 'timers only');
  }
  return { state, requests };
};

t.test('T35: the month’s due date is its last day, as the read model counts a month missing', async (t) => {
  t.equal(progressDueDate('2026-02'), '2026-02-28');
  t.equal(progressDueDate('2028-02'), '2028-02-29');
  t.equal(progressDueDate('2026-12'), '2026-12-31');
});

t.test('T35: no timer before the basic information; then the approval month’s', async (t) => {
  const { requests } = feed([approved, basicInfo]);
  t.same(requests[0], [], 'the approval alone schedules nothing');
  t.match(requests[1], [
    {
      action: 'schedule',
      timer: {
        timerId: 'linkage-LK-1/T35/2026-01/2026-01-31',
        owner: STREAM,
        rule: 'T35',
        subject: '2026-01',
        dueDate: '2026-01-31',
        fireOn: '2026-02-01',
        dueAt: '2026-02-01T00:00:00+08:00',
      },
    },
  ]);
});

t.test('T35: filing the month reschedules to the next; a later month filed early is skipped', async (t) => {
  const { requests, state } = feed([approved, basicInfo, progress('2026-02'), progress('2026-01')]);
  t.same(requests[2], [], 'February filed early: January is still due');
  t.match(requests[3], [
    {
      action: 'reschedule',
      timer: { rule: 'T35', subject: '2026-03', dueDate: '2026-03-31' },
      previous: { subject: '2026-01' },
    },
  ]);
  t.equal(state.t35?.subject, '2026-03');
});

t.test('T35: a recorded breach is followed by the next month’s timer (not a reschedule)', async (t) => {
  const { requests } = feed([approved, basicInfo, overdue('2026-01'), progress('2026-01')]);
  t.match(requests[2], [{ action: 'schedule', timer: { rule: 'T35', subject: '2026-02' } }]);
  t.same(requests[3], [], 'January filed late: February stays');
});

t.test('T35 ends and T36 starts at the acceptance; T36 cancelled when the acceptance is filed', async (t) => {
  const { requests, state } = feed([
    approved,
    basicInfo,
    accepted,
    { type: 'LinkageAcceptanceFiled', data: { linkageId: 'LK-1', filedOn: '2026-03-10' } },
    progress('2026-02'),
  ]);
  t.match(requests[2], [
    { action: 'cancel', timer: { rule: 'T35', subject: '2026-01' } },
    {
      action: 'schedule',
      timer: {
        timerId: 'linkage-LK-1/T36/-/2026-03-16',
        rule: 'T36',
        subject: null,
        dueDate: '2026-03-16',
        fireOn: '2026-03-17',
        anchorDate: '2026-03-02',
        unit: 'wd',
        calendarVersion: 'CN@1',
      },
    },
  ]);
  t.match(requests[3], [{ action: 'cancel', timer: { rule: 'T36' }, reason: 'acceptance filed' }]);
  t.same(requests[4], [], 'no T35 after the acceptance');
  t.match(state, { implementing: false, t35: null, t36: null });
});

t.test('T36: a recorded breach ends it; the late filing cancels nothing', async (t) => {
  const { requests } = feed([
    approved,
    basicInfo,
    accepted,
    { type: 'LinkageAcceptanceFilingOverdue', data: { linkageId: 'LK-1', timerId: 'linkage-LK-1/T36/-/2026-03-16' } },
    { type: 'LinkageAcceptanceFiled', data: { linkageId: 'LK-1', filedOn: '2026-03-20' } },
  ]);
  t.same(requests[3], []);
  t.same(requests[4], []);
});

t.test('only the area’s own stream is its key; its timers are not a parcel’s', async (t) => {
  const [other] = recorded('parcel-P-1', [progress('2026-01')]);
  t.equal(saga.keyOf(other as never), null);
  const { parcelTimersSaga } = await import('../../src/sagas/parcel-timers/saga.js');
  const [fired] = recorded('timers-linkage-LK-1', [{ type: 'TimerFired', data: {} }]);
  t.equal(parcelTimersSaga.keyOf(fired as never), null);
});
