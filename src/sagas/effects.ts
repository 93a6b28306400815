/**
 * Sends what a saga decided after one event: its timer requests as one ApplyTimerRequests to the
 * timers of the event's key, then its other commands in order, each through the ordinary command
 * handler with a deterministic idempotency key, so delivering the event again appends nothing new.
 * A DomainError is a business refusal (the credit entry is already there, the obligation is gone):
 * it is returned, to be dead-lettered, and the saga goes on. Anything else is thrown as an
 * EffectError naming the event, for the runner to retry.
 */
import type { CommandContext } from '../domain/decider.js';
import type { CreditCommand } from '../domain/credit/index.js';
import { DomainError } from '../domain/errors.js';
import type { ParcelCommand } from '../domain/parcel/index.js';
import type { TimerCommand, TimersState } from '../domain/timers/index.js';
import { handleCreditCommand, handleParcelCommand, handleTimersCommand } from '../eventstore/aggregate-handlers.js';
import type { CommandEnvelope } from '../eventstore/envelope.js';
import type { EventStore, NewEvent, RecordedEvent } from '../eventstore/types.js';
import type { Clock } from './clock.js';
import type { Reaction, Saga, SagaCommand } from './saga.js';
import type { TimerChanges } from './timer-table.js';

export const SAGA_ACTOR = { id: 'system:sagas', role: 'SYSTEM' } as const;

/** A command the owning aggregate refused (DomainError). */
export interface Refusal {
  readonly event: RecordedEvent;
  /** The refused command's idempotency key. */
  readonly command: string;
  readonly error: DomainError;
}

/** An effect failed for another reason than a refusal (connection, conflict, bug): retry. */
export class EffectError extends Error {
  override readonly name = 'EffectError';
  constructor(
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`an effect of ${event.type} ${event.id} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The idempotency key of the timer command a saga sends after `event`. */
export const timerCommandKey = (saga: string, event: RecordedEvent): string => `${saga}:${event.id}`;

interface Common {
  readonly store: EventStore;
  readonly id: string;
  readonly envelope: CommandEnvelope;
  readonly idempotencyKey: string;
  readonly clock: () => Date;
}

/**
 * The table rows of the timers a timers command's events name (each timer id and the one a
 * reschedule replaces), as the timers stream's state now has them: pending → a row, else none.
 * The state, not the events: a replayed command returns the events of its first run, and the
 * state is what the whole stream says now, so re-delivering a batch never brings back a timer a
 * later (already appended) event cancelled or replaced. A timer that fired with effect is still
 * pending to the timers stream, so its row comes back and fires again as a no-op.
 */
const addTimersResult = (
  changes: TimerChanges,
  events: readonly NewEvent[],
  state: TimersState,
  scheduledBy: string,
): void => {
  for (const { data } of events) {
    const saga = data['saga'];
    for (const id of [data['previousTimerId'], data['timerId']]) {
      if (typeof id !== 'string' || typeof saga !== 'string') continue;
      const pending = state.pending[id];
      changes.set(id, pending === undefined ? null : { timerId: id, saga, timer: pending, scheduledBy });
    }
  }
};

/** One command to its aggregate's bound handler; timer commands change the due-timer table. */
const send = async (
  aggregate: SagaCommand['aggregate'],
  command: SagaCommand['command'] & { readonly context: CommandContext },
  common: Common,
  timerChanges: TimerChanges,
  causedBy: string,
): Promise<void> => {
  switch (aggregate) {
    case 'parcel':
      await handleParcelCommand({ ...common, command: command as ParcelCommand });
      return;
    case 'credit':
      await handleCreditCommand({ ...common, command: command as CreditCommand });
      return;
    case 'timers': {
      const result = await handleTimersCommand({ ...common, command: command as TimerCommand });
      addTimersResult(timerChanges, result.events, result.state, causedBy);
      return;
    }
    default: {
      const _never: never = aggregate;
      throw new Error(`unknown aggregate ${String(_never)}`);
    }
  }
};

/**
 * Performs one event's reaction. The timers its commands touched are added to `timerChanges`
 * (addTimersResult); refusals are pushed to `refusals`.
 */
export const performReaction = async (
  options: { readonly store: EventStore; readonly saga: Saga<unknown>; readonly clock: Clock },
  event: RecordedEvent,
  key: string,
  reaction: Reaction<unknown>,
  timerChanges: TimerChanges,
  refusals: Refusal[],
): Promise<void> => {
  const { store, saga, clock } = options;
  const context: CommandContext = { now: clock.now().toISOString(), actor: SAGA_ACTOR };
  const correlationId = event.metadata.correlationId ?? event.id;
  const commands: SagaCommand[] = [
    ...(reaction.timers.length > 0
      ? [
          {
            aggregate: 'timers' as const,
            id: key,
            command: { type: 'ApplyTimerRequests', data: { saga: saga.name, requests: reaction.timers } },
            idempotencyKey: timerCommandKey(saga.name, event),
            causationId: event.id,
          },
        ]
      : []),
    ...reaction.commands,
  ];
  for (const command of commands) {
    try {
      await send(
        command.aggregate,
        { ...command.command, context },
        {
          store,
          id: command.id,
          envelope: { correlationId, causationId: command.causationId, idempotencyKey: command.idempotencyKey },
          idempotencyKey: command.idempotencyKey,
          clock: () => clock.now(),
        },
        timerChanges,
        event.id,
      );
    } catch (error) {
      if (error instanceof DomainError) refusals.push({ event, command: command.idempotencyKey, error });
      else throw new EffectError(event, error);
    }
  }
};
