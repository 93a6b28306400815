/**
 * The linkage deadlines saga (DOMAIN.md §9, T35, T36; `LinkageFilingSaga`), keyed by the area's
 * stream `linkage-<id>` (its timers live on `timers-linkage-<id>`, never a parcel's):
 *
 * - T35: once the basic information is filed, one timer for the earliest month — from the overall
 *   approval's month on — whose progress is neither filed nor recorded overdue. It is due by the
 *   month's last day (the read model's rule: a month is missing from the 1st of the next) and fires
 *   at 00:00 (Shanghai) of the next month's first day. Filing that month reschedules it to the next
 *   such month; a recorded breach (LinkageProgressOverdue) schedules the next; the acceptance
 *   cancels it (T35 ends).
 * - T36: LinkageAccepted schedules one timer the day after the stamped filing due date (10 wd);
 *   LinkageAcceptanceFiled cancels it; LinkageAcceptanceFilingOverdue ends it.
 *
 * The poller fires them as the area's RecordLinkageDeadlineMissed (fire.ts). Pure.
 */
import { addCalendarDays } from '../../domain/calendar/index.js';
import type {
  LinkageAccepted,
  LinkageOverallApproved,
  LinkageProgressFiled,
  LinkageProgressOverdue,
} from '../../domain/linkage/index.js';
import { nextMonthOf, progressDueDate } from '../../domain/linkage/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { startOfShanghaiDay, timerIdOf, type TimerRequest, type TimerStamp } from '../../domain/timers/index.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { noReaction, type Reaction, type Saga } from '../saga.js';

export const LINKAGE_TIMERS_SAGA = 'linkage-deadlines';

export interface LinkageTimersState {
  /** The overall approval's month: T35's first month. */
  readonly firstMonth: string | null;
  /** Basic information filed and not yet accepted: T35 runs. */
  readonly implementing: boolean;
  /** Months whose progress is filed. */
  readonly filed: readonly string[];
  /** Months recorded overdue (T35 fired with effect). */
  readonly missed: readonly string[];
  readonly t35: TimerStamp | null;
  readonly t36: TimerStamp | null;
}

const T35_POLICY = 'DOMAIN.md §4 T35 (S2-MLR §二(二)): monthly, due by the month’s last day';
const T36_POLICY = 'DOMAIN.md §4 T36 (S2-MLR §二(二); S2-SC §二(二)): 10 wd after the acceptance';

/** T35: the month's progress timer; due the month's last day, fires the next month's first day. */
export const progressTimerOf = (owner: string, month: string, anchorEventId: string | null): TimerStamp => {
  const dueDate = progressDueDate(month);
  const fireOn = `${nextMonthOf(month)}-01`;
  return {
    timerId: timerIdOf(owner, 'T35', month, dueDate),
    owner,
    rule: 'T35',
    subject: month,
    kind: 'deadline',
    description: `the implementation progress of ${month} is filed by ${dueDate}`,
    dueDate,
    fireOn,
    dueAt: startOfShanghaiDay(fireOn),
    anchorEventId,
    anchorDate: `${month}-01`,
    unit: 'month',
    policyVersion: T35_POLICY,
    // Calendar months: no working-day calendar is involved.
    calendarVersion: 'none',
    provisional: false,
  };
};

/** T36: the acceptance filing's timer, on the due date LinkageAccepted stamped; fires the day after. */
export const acceptanceTimerOf = (owner: string, accepted: LinkageAccepted['data'], anchorEventId: string | null) => {
  const { dueDate, calendarVersion, provisional } = accepted.filingDue;
  const fireOn = addCalendarDays(dueDate, 1).date;
  const timer: TimerStamp = {
    timerId: timerIdOf(owner, 'T36', null, dueDate),
    owner,
    rule: 'T36',
    subject: null,
    kind: 'deadline',
    description: `the acceptance of ${accepted.acceptedOn} (${accepted.documentNo}) is filed by ${dueDate}`,
    dueDate,
    fireOn,
    dueAt: startOfShanghaiDay(fireOn),
    anchorEventId,
    anchorDate: accepted.acceptedOn,
    unit: 'wd',
    policyVersion: T36_POLICY,
    calendarVersion,
    provisional,
  };
  return timer;
};

/** The earliest month from the first whose progress is neither filed nor recorded overdue. */
export const nextProgressMonth = (state: Pick<LinkageTimersState, 'filed' | 'missed'>, first: string): string => {
  const done = new Set([...state.filed, ...state.missed]);
  let month = first;
  while (done.has(month)) month = nextMonthOf(month);
  return month;
};

/**
 * T35 as the state wants it now: the timer of the next month (or none outside implementation),
 * and the request that takes the pending one there. `fired`: the pending timer fired with effect,
 * so it is not replaced but followed.
 */
const syncProgress = (
  state: LinkageTimersState,
  owner: string,
  anchorEventId: string,
  fired: boolean,
): { t35: TimerStamp | null; requests: TimerRequest[] } => {
  const current = fired ? null : state.t35;
  if (!state.implementing || state.firstMonth === null) {
    return {
      t35: null,
      requests: current === null ? [] : [{ action: 'cancel', timer: current, reason: 'T35 ends with the acceptance' }],
    };
  }
  const month = nextProgressMonth(state, state.firstMonth);
  if (current !== null && current.subject === month) return { t35: current, requests: [] };
  const timer = progressTimerOf(owner, month, anchorEventId);
  return {
    t35: timer,
    requests: [current === null ? { action: 'schedule', timer } : { action: 'reschedule', timer, previous: current }],
  };
};

const keyOf = (event: RecordedEvent): string | null =>
  event.stream.startsWith(STREAM_CATEGORIES.linkage) ? event.stream : null;

const react = (state: LinkageTimersState, event: RecordedEvent): Reaction<LinkageTimersState> => {
  const owner = event.stream;
  const progress = (next: LinkageTimersState, fired = false): Reaction<LinkageTimersState> => {
    const { t35, requests } = syncProgress(next, owner, event.id, fired);
    return { state: { ...next, t35 }, timers: requests, commands: [] };
  };
  switch (event.type) {
    case 'LinkageOverallApproved': {
      const { approvedOn } = event.data as unknown as LinkageOverallApproved['data'];
      return noReaction({ ...state, firstMonth: state.firstMonth ?? approvedOn.slice(0, 7) });
    }
    case 'LinkageBasicInfoFiled': {
      const filedOn = event.data['filedOn'] as string;
      // The approval always comes first; should it not, T35 starts with the filing's month.
      return progress({ ...state, implementing: true, firstMonth: state.firstMonth ?? filedOn.slice(0, 7) });
    }
    case 'LinkageProgressFiled': {
      const { month } = event.data as unknown as LinkageProgressFiled['data'];
      if (state.filed.includes(month)) return noReaction(state);
      return progress({ ...state, filed: [...state.filed, month] });
    }
    case 'LinkageProgressOverdue': {
      const { month, timerId } = event.data as unknown as LinkageProgressOverdue['data'];
      if (state.missed.includes(month)) return noReaction(state);
      return progress({ ...state, missed: [...state.missed, month] }, state.t35?.timerId === timerId);
    }
    case 'LinkageAccepted': {
      const accepted = event.data as unknown as LinkageAccepted['data'];
      const ended = progress({ ...state, implementing: false });
      if (state.t36 !== null) return ended;
      const t36 = acceptanceTimerOf(owner, accepted, event.id);
      return {
        ...ended,
        state: { ...ended.state, t36 },
        timers: [...ended.timers, { action: 'schedule', timer: t36 }],
      };
    }
    case 'LinkageAcceptanceFiled':
      return {
        state: { ...state, implementing: false, t35: null, t36: null },
        timers: [
          ...(state.t35 === null ? [] : [{ action: 'cancel' as const, timer: state.t35, reason: 'accepted' }]),
          ...(state.t36 === null ? [] : [{ action: 'cancel' as const, timer: state.t36, reason: 'acceptance filed' }]),
        ],
        commands: [],
      };
    case 'LinkageAcceptanceFilingOverdue':
      return noReaction({ ...state, t36: null });
    default:
      return noReaction(state);
  }
};

export const linkageTimersSaga: Saga<LinkageTimersState> = {
  name: LINKAGE_TIMERS_SAGA,
  version: 1,
  eventTypes: [
    'LinkageOverallApproved',
    'LinkageBasicInfoFiled',
    'LinkageProgressFiled',
    'LinkageProgressOverdue',
    'LinkageAccepted',
    'LinkageAcceptanceFiled',
    'LinkageAcceptanceFilingOverdue',
  ],
  keyOf,
  initialState: () => ({ firstMonth: null, implementing: false, filed: [], missed: [], t35: null, t36: null }),
  react,
};
