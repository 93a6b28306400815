import { randomUUID } from 'node:crypto';
import type { Command, Decider, DomainEvent } from '../domain/decider.js';
import { ConcurrencyError } from './errors.js';
import { metadataFor, withoutUndefined, type CommandEnvelope } from './envelope.js';
import { foldStream } from './fold-stream.js';
import { chainEvents, lastHashOf } from './hash-chain.js';
import { nameBasedUuid } from './ids.js';
import type { EventStore, JsonObject, NewEvent, RecordedEvent } from './types.js';

export interface HandleCommandOptions<C extends Command, E extends DomainEvent, S> {
  readonly store: EventStore;
  readonly stream: string;
  readonly decider: Decider<C, E, S>;
  readonly command: C;
  readonly envelope: CommandEnvelope;
  /** From If-Match: the caller decided on this revision; a mismatch fails at once, no retry. */
  readonly expectedRevision?: number | 'no_stream';
  /** Same key, same stream → same event ids: a repeated request appends nothing the second time. */
  readonly idempotencyKey?: string;
  readonly clock: () => Date;
  readonly maxAttempts?: number;
}

export interface HandleCommandResult<S> {
  /** Revision of the stream's last event (-1: the stream is still empty). */
  readonly nextRevision: number;
  /** Global checkpoint of the last event appended (or of the original append when replayed); null if none. */
  readonly position: string | null;
  readonly events: readonly NewEvent[];
  /** True when the idempotency key had already been used on this stream: nothing was appended. */
  readonly replayed: boolean;
  readonly state: S;
}

/**
 * read stream → fold → decide → append at the revision that was read. Another writer in
 * between makes the append fail with a ConcurrencyError; then the whole cycle runs again on the
 * new state, a bounded number of times. Domain errors are never retried.
 */
export const handleCommand = async <C extends Command, E extends DomainEvent, S>(
  options: HandleCommandOptions<C, E, S>,
): Promise<HandleCommandResult<S>> => {
  const { store, stream, decider, command, envelope, expectedRevision, idempotencyKey, clock } = options;
  const maxAttempts = expectedRevision === undefined ? (options.maxAttempts ?? 3) : 1;
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    const current = history.length - 1;
    const state = foldStream(decider, history);
    const eventId = (i: number) =>
      idempotencyKey === undefined ? randomUUID() : nameBasedUuid(`${stream}\n${idempotencyKey}\n${i}`);

    const replay = idempotencyKey === undefined ? undefined : originalAppend(history, eventId);
    if (replay) return { ...replay, events: [], replayed: true, state };

    if (expectedRevision !== undefined && (expectedRevision === 'no_stream' ? -1 : expectedRevision) !== current) {
      throw new ConcurrencyError(stream, expectedRevision, current === -1 ? 'no_stream' : current);
    }
    const decided = decider.decide(command, state);
    if (decided.length === 0)
      return { nextRevision: current, position: history.at(-1)?.position ?? null, events: [], replayed: false, state };

    const recordedAt = clock().toISOString();
    const unchained: NewEvent[] = decided.map((event, i) => ({
      id: eventId(i),
      type: event.type,
      data: withoutUndefined(event.data) as JsonObject,
      metadata: metadataFor(event, command.context, envelope, recordedAt),
    }));
    const events = chainEvents(lastHashOf(history), current + 1, unchained);
    try {
      const result = await store.append(stream, events, { expectedRevision: current === -1 ? 'no_stream' : current });
      const next = decided.reduce((s, e) => decider.evolve(s, e), state);
      return { nextRevision: result.nextRevision, position: result.position, events, replayed: false, state: next };
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < maxAttempts) continue;
      throw error;
    }
  }
};

/** Where the append made earlier with the same idempotency key ended, if there was one. */
const originalAppend = (history: readonly RecordedEvent[], eventId: (i: number) => string) => {
  const byId = new Map(history.map((e) => [e.id, e]));
  let last: RecordedEvent | undefined;
  for (let i = 0; byId.has(eventId(i)); i++) last = byId.get(eventId(i));
  return last && { nextRevision: last.revision, position: last.position };
};
