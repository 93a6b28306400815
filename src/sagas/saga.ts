/**
 * The contract between a saga's pure logic and the machinery that runs it (runner.ts, poller.ts).
 * A saga is a pure `react(state, event) → { state, timers, commands }`: it never reads the clock,
 * the store or a table. The runner delivers events in log order with a checkpoint (the same
 * compare-and-set and ownership rules as the projection runner), sends `commands` through the
 * ordinary command handler with their idempotency keys, and keeps the due-timer table in the same
 * transaction as the saga's state and checkpoint.
 */
import type { CalendarSource } from '../domain/calendar/index.js';
import type { Command } from '../domain/decider.js';
import type { TimerRequest } from '../domain/timers/index.js';
import type { RecordedEvent } from '../eventstore/types.js';

/** The aggregates a saga can send a command to (bound handlers in src/eventstore/aggregate-handlers.ts). */
export type Aggregate = 'parcel' | 'credit' | 'timers';

/** A command a saga issues, with the key that makes a re-delivery append nothing new. */
export interface SagaCommand {
  readonly aggregate: Aggregate;
  /** The aggregate id (parcel id, land-user id, or the timers' owner id). */
  readonly id: string;
  readonly command: Pick<Command, 'type' | 'data'>;
  /** Deterministic: derived from the causing event (or the timer) so a re-delivery is a no-op. */
  readonly idempotencyKey: string;
  /** The event (or timer) that caused it, for the envelope's causationId. */
  readonly causationId: string;
}

export interface Reaction<S> {
  readonly state: S;
  /** Schedule / reschedule / cancel requests; the runner sends them as one command to `timers-<key>`. */
  readonly timers: readonly TimerRequest[];
  /** Other commands (e.g. AddCreditEntry), sent in order after the timer command. */
  readonly commands: readonly SagaCommand[];
}

export interface Saga<S> {
  readonly name: string;
  /** Bump when the logic changes in a way that needs the state rebuilt from the log. */
  readonly version: number;
  /** The event types it reacts to (passed to readAll as `types`). */
  readonly eventTypes: readonly string[];
  /** The state key of an event (the parcel id), or null to ignore it. */
  keyOf(event: RecordedEvent): string | null;
  initialState(key: string): S;
  react(state: S, event: RecordedEvent, env: SagaEnv): Reaction<S>;
}

/**
 * What a saga may consult besides its state and the event: immutable data of the log that the
 * runner makes current before each batch (every calendar version an event of it names).
 */
export interface SagaEnv {
  readonly calendars: CalendarSource;
}

export const noReaction = <S>(state: S): Reaction<S> => ({ state, timers: [], commands: [] });
