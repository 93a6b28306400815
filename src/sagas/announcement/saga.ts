/**
 * The announcement deadlines saga (DOMAIN.md §4 T32, T38; `AnnouncementSaga`), keyed by the
 * announcement's stream `announcement-<id>` (its timers live on `timers-announcement-<id>`, never a
 * parcel's). A TransactionResultRecorded opens the deal's obligations with the due dates it stamps
 * — T32 the results publication (10 wd), T38 the abnormal deal's report (2 wd) — the same dates the
 * filing's `late` is judged on: one timer each, firing at 00:00 (Shanghai) of the day after the due
 * date. ResultsPublished / AbnormalTransactionReported cancel theirs; ResultsPublicationOverdue /
 * AbnormalReportOverdue (the timer's effect) end them. The poller fires them as the
 * announcement's RecordAnnouncementDeadlineMissed (fire.ts). Pure.
 */
import { addCalendarDays } from '../../domain/calendar/index.js';
import type { DueStamp, TransactionResultRecorded } from '../../domain/announcement/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { startOfShanghaiDay, timerIdOf, type TimerRequest, type TimerStamp } from '../../domain/timers/index.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { noReaction, type Reaction, type Saga } from '../saga.js';

export const ANNOUNCEMENT_TIMERS_SAGA = 'announcement-deadlines';

export interface AnnouncementTimersState {
  /** Pending timers by `<rule>/<parcelId>`. */
  readonly pending: Readonly<Record<string, TimerStamp>>;
  /** `<rule>/<parcelId>` met or recorded overdue: never scheduled again. */
  readonly done: readonly string[];
}

const slotOf = (rule: string, parcelId: string): string => `${rule}/${parcelId}`;

const WHAT = { T32: 'the results are published', T38: 'the abnormal deal is reported' } as const;

/** The obligation's timer: due on the stamped date, fires the day after. */
export const deadlineTimerOf = (
  owner: string,
  rule: 'T32' | 'T38',
  parcelId: string,
  dealOn: string,
  due: DueStamp,
  anchorEventId: string | null,
): TimerStamp => {
  const fireOn = addCalendarDays(due.dueDate, 1).date;
  return {
    timerId: timerIdOf(owner, rule, parcelId, due.dueDate),
    owner,
    rule,
    subject: parcelId,
    kind: 'deadline',
    description: `${WHAT[rule]} for parcel ${parcelId} (deal ${dealOn}) by ${due.dueDate}`,
    dueDate: due.dueDate,
    fireOn,
    dueAt: startOfShanghaiDay(fireOn),
    anchorEventId,
    anchorDate: dealOn,
    unit: 'wd',
    policyVersion: due.policyVersion,
    calendarVersion: due.calendarVersion,
    provisional: due.provisional,
  };
};

const keyOf = (event: RecordedEvent): string | null =>
  event.stream.startsWith(STREAM_CATEGORIES.announcement) ? event.stream : null;

/** Closes a slot: cancels its pending timer unless it fired (`fired`), and never opens it again. */
const close = (
  state: AnnouncementTimersState,
  slot: string,
  reason: string,
  fired: boolean,
): Reaction<AnnouncementTimersState> => {
  const { [slot]: timer, ...pending } = state.pending;
  const done = state.done.includes(slot) ? state.done : [...state.done, slot];
  const timers: TimerRequest[] = timer === undefined || fired ? [] : [{ action: 'cancel', timer, reason }];
  return { state: { pending, done }, timers, commands: [] };
};

const react = (state: AnnouncementTimersState, event: RecordedEvent): Reaction<AnnouncementTimersState> => {
  const parcelId = event.data['parcelId'] as string;
  switch (event.type) {
    case 'TransactionResultRecorded': {
      const d = event.data as unknown as TransactionResultRecorded['data'];
      const wanted: ['T32' | 'T38', DueStamp][] = [['T32', d.resultsDue]];
      if (d.abnormalReportDue !== null) wanted.push(['T38', d.abnormalReportDue]);
      const timers: TimerRequest[] = [];
      const pending = { ...state.pending };
      for (const [rule, due] of wanted) {
        const slot = slotOf(rule, d.parcelId);
        if (state.done.includes(slot) || pending[slot] !== undefined) continue;
        const timer = deadlineTimerOf(event.stream, rule, d.parcelId, d.dealOn, due, event.id);
        pending[slot] = timer;
        timers.push({ action: 'schedule', timer });
      }
      return { state: { ...state, pending }, timers, commands: [] };
    }
    case 'ResultsPublished':
      return close(state, slotOf('T32', parcelId), 'results published', false);
    case 'AbnormalTransactionReported':
      return close(state, slotOf('T38', parcelId), 'abnormal deal reported', false);
    case 'ResultsPublicationOverdue':
      return close(state, slotOf('T32', parcelId), 'recorded overdue', true);
    case 'AbnormalReportOverdue':
      return close(state, slotOf('T38', parcelId), 'recorded overdue', true);
    default:
      return noReaction(state);
  }
};

export const announcementTimersSaga: Saga<AnnouncementTimersState> = {
  name: ANNOUNCEMENT_TIMERS_SAGA,
  version: 1,
  eventTypes: [
    'TransactionResultRecorded',
    'ResultsPublished',
    'AbnormalTransactionReported',
    'ResultsPublicationOverdue',
    'AbnormalReportOverdue',
  ],
  keyOf,
  initialState: () => ({ pending: {}, done: [] }),
  react,
};
