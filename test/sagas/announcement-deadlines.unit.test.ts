/**
 * The announcement-deadlines saga's pure react (DOMAIN.md §4 T32, T38): a deal schedules its T32
 * results publication and, if abnormal, its T38 report on the due dates it stamps, each firing
 * the day after; publishing / reporting cancels them; a recorded breach ends them.
 */
import t from 'tap';
import type { DomainEvent } from '../../src/domain/decider.js';
import type { TimerRequest } from '../../src/domain/timers/index.js';
import { SEED_CALENDARS } from '../../src/domain/working-calendar/seed-calendar.js';
import { announcementTimersSaga, type AnnouncementTimersState } from '../../src/sagas/announcement/saga.js';
import type { SagaEnv } from '../../src/sagas/saga.js';
import { recorded } from './fixtures/recorded.js';

const ENV: SagaEnv = { calendars: SEED_CALENDARS };
const STREAM = 'announcement-GG-1';
const saga = announcementTimersSaga;

const stamp = (rule: string, dueDate: string) => ({
  rule,
  dueDate,
  policyVersion: 'CN-JS@1',
  calendarVersion: 'CN@1',
  provisional: false,
});
const deal = (parcelId: string, abnormal: boolean): DomainEvent => ({
  type: 'TransactionResultRecorded',
  data: {
    announcementId: 'GG-1',
    parcelId,
    dealOn: '2026-03-06',
    abnormal,
    resultsDue: stamp('T32', '2026-03-20'),
    abnormalReportDue: abnormal ? stamp('T38', '2026-03-10') : null,
  },
});
const ev = (type: string, parcelId: string): DomainEvent => ({ type, data: { announcementId: 'GG-1', parcelId } });

const feed = (events: readonly DomainEvent[]) => {
  let state: AnnouncementTimersState = saga.initialState(STREAM);
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

t.test('T32 for every deal, T38 for an abnormal one, on the stamped due dates, firing the day after', async (t) => {
  const { requests } = feed([deal('G1', true), deal('G2', false)]);
  t.match(requests[0], [
    {
      action: 'schedule',
      timer: {
        timerId: 'announcement-GG-1/T32/G1/2026-03-20',
        owner: STREAM,
        rule: 'T32',
        subject: 'G1',
        dueDate: '2026-03-20',
        fireOn: '2026-03-21',
        dueAt: '2026-03-21T00:00:00+08:00',
        anchorDate: '2026-03-06',
        policyVersion: 'CN-JS@1',
        calendarVersion: 'CN@1',
      },
    },
    { action: 'schedule', timer: { rule: 'T38', subject: 'G1', dueDate: '2026-03-10', fireOn: '2026-03-11' } },
  ]);
  t.equal(requests[1]?.length, 1, 'a normal deal: T32 only');
  t.match(requests[1], [{ timer: { rule: 'T32', subject: 'G2' } }]);
});

t.test('T38 cancelled by the report, T32 by the publication; nothing scheduled again', async (t) => {
  const { requests, state } = feed([
    deal('G1', true),
    ev('AbnormalTransactionReported', 'G1'),
    ev('ResultsPublished', 'G1'),
    deal('G1', true),
  ]);
  t.match(requests[1], [{ action: 'cancel', timer: { rule: 'T38', subject: 'G1' }, reason: 'abnormal deal reported' }]);
  t.match(requests[2], [{ action: 'cancel', timer: { rule: 'T32', subject: 'G1' }, reason: 'results published' }]);
  t.same(requests[3], [], 'a replayed deal opens nothing again');
  t.same(state, { pending: {}, done: ['T38/G1', 'T32/G1'] });
});

t.test('a recorded T32 / T38 breach ends its timer without a cancel; a late filing cancels nothing', async (t) => {
  const { requests, state } = feed([
    deal('G1', true),
    ev('AbnormalReportOverdue', 'G1'),
    ev('ResultsPublicationOverdue', 'G1'),
    ev('AbnormalTransactionReported', 'G1'),
    ev('ResultsPublished', 'G1'),
  ]);
  for (const i of [1, 2, 3, 4]) t.same(requests[i], []);
  t.same(state.pending, {});
});

t.test('only the announcement’s stream is its key; its timers are not a parcel’s', async (t) => {
  const [other] = recorded('linkage-LK-1', [ev('ResultsPublished', 'G1')]);
  t.equal(saga.keyOf(other as never), null);
  const { parcelTimersSaga } = await import('../../src/sagas/parcel-timers/saga.js');
  const [fired] = recorded('timers-announcement-GG-1', [{ type: 'TimerFired', data: {} }]);
  t.equal(parcelTimersSaga.keyOf(fired as never), null);
});
