import { fold, type Command, type Decider, type DomainEvent } from '../domain/decider.js';
import type { RecordedEvent } from './types.js';

/**
 * A stored event as the decider's own event. The store checked only that it is JSON; that it is
 * one of `E` holds because only the command handler appends to aggregate streams, from `decide`.
 * The id is kept so evolve can remember anchors (e.g. of a deadline).
 */
export const toDomainEvent = <E extends DomainEvent>(event: RecordedEvent): E =>
  ({ type: event.type, data: event.data, id: event.id }) as unknown as E;

/** The state a stream's events lead to: what the command handler decides on and replays show. */
export const foldStream = <E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'evolve' | 'initialState'>,
  events: readonly RecordedEvent[],
): S =>
  fold(
    decider,
    events.map((e) => toDomainEvent<E>(e)),
  );
