/**
 * Events of a timers stream (`timers-<owner>`). Scheduling, rescheduling and cancelling are
 * recorded here; a timer that fires records its effect on the owner's own stream (the effect event
 * carries the stamp), and a firing found obsolete by the owner's decider is recorded here.
 * Each event's data is the full stamp, so the log alone rebuilds the due-timer table.
 */
import type { DomainEvent } from '../decider.js';
import type { TimerStamp } from './types.js';

export type TimerScheduledData = TimerStamp & { readonly saga: string };
export type TimerRescheduledData = TimerStamp & {
  readonly saga: string;
  readonly previousTimerId: string;
  readonly previousDueAt: string;
};
export type TimerCancelledData = TimerStamp & { readonly saga: string; readonly reason: string };
/** The owner refused the firing: the obligation was fulfilled or moved before the timer got there. */
export type TimerFiredData = TimerStamp & {
  readonly saga: string;
  readonly outcome: 'obsolete';
  readonly code: string;
  readonly message: string;
  readonly firedAt: string;
};

export type TimerEvent =
  | DomainEvent<'TimerScheduled', TimerScheduledData>
  | DomainEvent<'TimerRescheduled', TimerRescheduledData>
  | DomainEvent<'TimerCancelled', TimerCancelledData>
  | DomainEvent<'TimerFired', TimerFiredData>;

export const TIMER_EVENT_TYPES = ['TimerScheduled', 'TimerRescheduled', 'TimerCancelled', 'TimerFired'] as const;
