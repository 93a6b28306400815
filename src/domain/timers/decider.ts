/**
 * The timers aggregate (stream `timers-<owner>`): the pending timers of one owner. It only
 * records what a saga or the poller asks, dropping what would repeat a fact: scheduling a
 * pending timer again, cancelling one that is not pending, recording an obsolete firing twice.
 */
import type { Command, Decider } from '../decider.js';
import type { TimerEvent } from './events.js';
import type { TimerRequest, TimerStamp } from './types.js';

export type ApplyTimerRequests = Command<
  'ApplyTimerRequests',
  { readonly saga: string; readonly requests: readonly TimerRequest[] }
>;
export type RecordObsoleteFiring = Command<
  'RecordObsoleteFiring',
  { readonly saga: string; readonly timer: TimerStamp; readonly code: string; readonly message: string }
>;
/** Several obsolete firings of one owner at once (the poller's batch path). */
export type RecordObsoleteFirings = Command<
  'RecordObsoleteFirings',
  {
    readonly saga: string;
    readonly firings: readonly { readonly timer: TimerStamp; readonly code: string; readonly message: string }[];
  }
>;
export type TimerCommand = ApplyTimerRequests | RecordObsoleteFiring | RecordObsoleteFirings;

export type TimersState = {
  readonly pending: Readonly<Record<string, TimerStamp>>;
  /** Timers whose firing was found obsolete (recorded once each). */
  readonly obsolete: readonly string[];
};

const initialState = (): TimersState => ({ pending: {}, obsolete: [] });

const without = (pending: TimersState['pending'], timerId: string): TimersState['pending'] => {
  const { [timerId]: _gone, ...rest } = pending;
  return rest;
};

const decideRequests = ({ data, context }: ApplyTimerRequests, state: TimersState): TimerEvent[] => {
  const events: TimerEvent[] = [];
  let pending = state.pending;
  const { saga } = data;
  void context;
  for (const request of data.requests) {
    const { timer } = request;
    switch (request.action) {
      case 'schedule':
        if (pending[timer.timerId] !== undefined) break;
        events.push({ type: 'TimerScheduled', data: { ...timer, saga } });
        pending = { ...pending, [timer.timerId]: timer };
        break;
      case 'reschedule': {
        if (pending[timer.timerId] !== undefined) break;
        const { previous } = request;
        events.push({
          type: 'TimerRescheduled',
          data: { ...timer, saga, previousTimerId: previous.timerId, previousDueAt: previous.dueAt },
        });
        pending = { ...without(pending, previous.timerId), [timer.timerId]: timer };
        break;
      }
      case 'cancel':
        if (pending[timer.timerId] === undefined) break;
        events.push({ type: 'TimerCancelled', data: { ...timer, saga, reason: request.reason } });
        pending = without(pending, timer.timerId);
        break;
      default: {
        const _never: never = request;
        return _never;
      }
    }
  }
  return events;
};

const decideObsolete = ({ data, context }: RecordObsoleteFiring, state: TimersState): TimerEvent[] =>
  state.obsolete.includes(data.timer.timerId)
    ? []
    : [
        {
          type: 'TimerFired',
          data: {
            ...data.timer,
            saga: data.saga,
            outcome: 'obsolete',
            code: data.code,
            message: data.message,
            firedAt: context.now,
          },
        },
      ];

const decideObsoleteMany = ({ data, context }: RecordObsoleteFirings, state: TimersState): TimerEvent[] => {
  const seen = new Set(state.obsolete);
  return data.firings.flatMap(({ timer, code, message }) => {
    if (seen.has(timer.timerId)) return [];
    seen.add(timer.timerId);
    return decideObsolete(
      { type: 'RecordObsoleteFiring', data: { saga: data.saga, timer, code, message }, context },
      { ...state, obsolete: [] },
    );
  });
};

const evolve = (state: TimersState, event: TimerEvent): TimersState => {
  switch (event.type) {
    case 'TimerScheduled':
      return { ...state, pending: { ...state.pending, [event.data.timerId]: stampOf(event.data) } };
    case 'TimerRescheduled':
      return {
        ...state,
        pending: { ...without(state.pending, event.data.previousTimerId), [event.data.timerId]: stampOf(event.data) },
      };
    case 'TimerCancelled':
      return { ...state, pending: without(state.pending, event.data.timerId) };
    case 'TimerFired':
      return {
        pending: without(state.pending, event.data.timerId),
        obsolete: [...state.obsolete, event.data.timerId],
      };
    default:
      return state;
  }
};

/** The stamp part of a timer event's data. */
export const stampOf = (data: TimerStamp): TimerStamp => ({
  timerId: data.timerId,
  owner: data.owner,
  rule: data.rule,
  subject: data.subject,
  kind: data.kind,
  description: data.description,
  dueDate: data.dueDate,
  fireOn: data.fireOn,
  dueAt: data.dueAt,
  anchorEventId: data.anchorEventId,
  anchorDate: data.anchorDate,
  unit: data.unit,
  policyVersion: data.policyVersion,
  calendarVersion: data.calendarVersion,
  provisional: data.provisional,
});

export const timersDecider: Decider<TimerCommand, TimerEvent, TimersState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'ApplyTimerRequests':
        return decideRequests(command, state);
      case 'RecordObsoleteFiring':
        return decideObsolete(command, state);
      case 'RecordObsoleteFirings':
        return decideObsoleteMany(command, state);
      default: {
        const _never: never = command;
        return _never;
      }
    }
  },
  evolve,
  initialState,
};
