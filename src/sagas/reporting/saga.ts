/**
 * The report obligations saga (DOMAIN.md §13, `ReportingScheduleSaga`): a ReportDue schedules one
 * timer on the day after the due date; a ReportSubmitted cancels it; a ReportOverdue (the timer's
 * effect) ends it. The timers live on `timers-report-<obligationId>` (the saga's key is the
 * obligation's stream name, so a report's timers never share a stream with a parcel's), and the
 * poller fires them as the obligation's MarkReportOverdue (fire.ts). Pure.
 */
import { addCalendarDays } from '../../domain/calendar/index.js';
import type { ReportDueData } from '../../domain/reporting/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { startOfShanghaiDay, timerIdOf, type TimerStamp } from '../../domain/timers/index.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { noReaction, type Reaction, type Saga } from '../saga.js';

export const REPORT_TIMERS_SAGA = 'report-obligations';

export interface ReportTimersState {
  /** The pending overdue timer, if any. */
  readonly pending: TimerStamp | null;
  /** Submitted or found overdue: nothing more to schedule. */
  readonly done: boolean;
}

/** The overdue timer of an obligation: fires at 00:00 (Shanghai) of the day after the due date. */
export const overdueTimerOf = (owner: string, due: ReportDueData, anchorEventId: string | null): TimerStamp => {
  const fireOn = addCalendarDays(due.dueDate, 1).date;
  return {
    timerId: timerIdOf(owner, due.rule, due.type, due.dueDate),
    owner,
    rule: due.rule,
    subject: due.type,
    kind: 'deadline',
    description: `${due.type} ${due.title} for ${due.period} by ${due.jurisdiction} (${due.source})`,
    dueDate: due.dueDate,
    fireOn,
    dueAt: startOfShanghaiDay(fireOn),
    anchorEventId,
    anchorDate: due.owedFrom,
    unit: 'cd',
    policyVersion: `DOMAIN.md §13 ${due.source}`,
    // Calendar days: no working-day calendar is involved.
    calendarVersion: 'none',
    provisional: false,
  };
};

const keyOf = (event: RecordedEvent): string | null =>
  event.stream.startsWith(STREAM_CATEGORIES.report) ? event.stream : null;

const react = (state: ReportTimersState, event: RecordedEvent): Reaction<ReportTimersState> => {
  switch (event.type) {
    case 'ReportDue': {
      if (state.done || state.pending !== null) return noReaction(state);
      const timer = overdueTimerOf(event.stream, event.data as unknown as ReportDueData, event.id);
      return { state: { ...state, pending: timer }, timers: [{ action: 'schedule', timer }], commands: [] };
    }
    case 'ReportSubmitted':
      return {
        state: { pending: null, done: true },
        timers: state.pending === null ? [] : [{ action: 'cancel', timer: state.pending, reason: 'report submitted' }],
        commands: [],
      };
    case 'ReportOverdue':
      return noReaction({ pending: null, done: true });
    default:
      return noReaction(state);
  }
};

export const reportTimersSaga: Saga<ReportTimersState> = {
  name: REPORT_TIMERS_SAGA,
  version: 1,
  eventTypes: ['ReportDue', 'ReportSubmitted', 'ReportOverdue'],
  keyOf,
  initialState: () => ({ pending: null, done: false }),
  react,
};
