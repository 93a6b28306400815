/**
 * Firing a timer whose owner is not a parcel (a report obligation, a linkage area, an
 * announcement): one system command on the owning stream (`<category><id>`), sent as the timers'
 * actor and keyed by the timer id, so a second firing appends nothing. A refusal (the obligation met
 * meanwhile) is a DomainError, which the poller records as an obsolete firing. System commands go
 * through the aggregate's handler directly, never through an HTTP route.
 */
import type { Command, DomainEvent } from '../domain/decider.js';
import type { TimerStamp } from '../domain/timers/index.js';
import type { BoundCommandHandler } from '../eventstore/aggregate-handlers.js';
import type { EventStore } from '../eventstore/types.js';
import type { Clock } from './clock.js';
import type { FireTimer } from './poller.js';

/** Who fires timers: every firing's command names this actor. */
export const TIMER_ACTOR = { id: 'system:timers', role: 'SYSTEM' } as const;

export const fireSystemCommand =
  <C extends Command, E extends DomainEvent, S>(
    handler: BoundCommandHandler<C, E, S>,
    category: string,
    commandOf: (timer: TimerStamp) => Pick<C, 'type' | 'data'>,
  ) =>
  (store: EventStore, clock: Clock): FireTimer =>
  async ({ timer }) => {
    await handler({
      store,
      id: timer.owner.slice(category.length),
      command: { ...commandOf(timer), context: { now: clock.now().toISOString(), actor: TIMER_ACTOR } } as C,
      envelope: { correlationId: timer.timerId, causationId: timer.anchorEventId ?? timer.timerId },
      idempotencyKey: timer.timerId,
      clock: () => clock.now(),
    });
  };
