import { randomUUID } from 'node:crypto';
import type { Command, Decider, DomainEvent } from '../domain/decider.js';
import { ConcurrencyError, IdempotencyKeyReusedError } from './errors.js';
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
  /**
   * Same key, same stream → same event ids: a repeated request appends nothing the second time.
   * With `envelope.requestHash`, a repeat whose hash differs is refused (IdempotencyKeyReusedError).
   */
  readonly idempotencyKey?: string;
  /**
   * Without an idempotency key: the store id of each decided event, where the command names one
   * (a fired timer's effect gets the id a lone firing keyed by the timer id would give it).
   */
  readonly eventIdOf?: (event: DomainEvent, index: number) => string | undefined;
  /**
   * Runs on the folded state before decide (and again on every retry): authorisation and
   * existence checks that need the current state. `revision` is -1 for a stream not yet written.
   */
  readonly guard?: (state: S, revision: number) => void | Promise<void>;
  readonly clock: () => Date;
  readonly maxAttempts?: number;
}

export interface HandleCommandResult<S> {
  /** Revision of the stream's last event (-1: the stream is still empty). */
  readonly nextRevision: number;
  /** Global checkpoint of the last event appended (or of the original append when replayed); null if none. */
  readonly position: string | null;
  /** The events appended, or when replayed the ones the original request appended. */
  readonly events: readonly NewEvent[];
  /** Revision of the first of `events` (0: this command created the stream); null when none. */
  readonly firstRevision: number | null;
  /** True when the idempotency key had already been used on this stream: nothing was appended. */
  readonly replayed: boolean;
  readonly state: S;
}

/**
 * read stream → fold → guard → decide → append at the revision that was read. Another writer in
 * between makes the append fail with a ConcurrencyError; then the whole cycle runs again on the
 * new state, a bounded number of times. Domain errors are never retried.
 */
export const handleCommand = async <C extends Command, E extends DomainEvent, S>(
  options: HandleCommandOptions<C, E, S>,
): Promise<HandleCommandResult<S>> => {
  const { store, stream, decider, command, envelope, expectedRevision, idempotencyKey, clock } = options;
  // Parcel streams have system writers too (the timer poller's FireTimer): a lost race is retried on a
  // fresh read, a few more times than two people typing at once would need.
  const maxAttempts = expectedRevision === undefined ? (options.maxAttempts ?? 8) : 1;
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    const current = history.length - 1;
    const state = foldStream(decider, history);
    const eventId = (i: number) =>
      idempotencyKey === undefined ? randomUUID() : nameBasedUuid(`${stream}\n${idempotencyKey}\n${i}`);

    const original = idempotencyKey === undefined ? [] : originalAppend(history, eventId);
    if (original.length > 0) {
      const stored = original[0]?.metadata.requestHash;
      if (envelope.requestHash !== undefined && stored !== undefined && stored !== envelope.requestHash) {
        throw new IdempotencyKeyReusedError(stream);
      }
      const last = original.at(-1) as RecordedEvent;
      return {
        nextRevision: last.revision,
        position: last.position,
        events: original,
        firstRevision: original[0]?.revision ?? null,
        replayed: true,
        state,
      };
    }

    if (expectedRevision !== undefined && (expectedRevision === 'no_stream' ? -1 : expectedRevision) !== current) {
      throw new ConcurrencyError(stream, expectedRevision, current === -1 ? 'no_stream' : current);
    }
    await options.guard?.(state, current);
    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return {
        nextRevision: current,
        position: history.at(-1)?.position ?? null,
        events: [],
        firstRevision: null,
        replayed: false,
        state,
      };
    }

    const recordedAt = clock().toISOString();
    const unchained: NewEvent[] = decided.map((event, i) => ({
      id: (idempotencyKey === undefined ? options.eventIdOf?.(event, i) : undefined) ?? eventId(i),
      type: event.type,
      data: withoutUndefined(event.data) as JsonObject,
      metadata: metadataFor(event, command.context, envelope, recordedAt),
    }));
    const events = chainEvents(lastHashOf(history), current + 1, unchained);
    try {
      // `known`: this read answers the adapter's id check, so the command costs one read, not two.
      const result = await store.append(stream, events, {
        expectedRevision: current === -1 ? 'no_stream' : current,
        known: { revision: current, eventIds: history.map((e) => e.id) },
      });
      const next = decided.reduce((s, e) => decider.evolve(s, e), state);
      return {
        nextRevision: result.nextRevision,
        position: result.position,
        events,
        firstRevision: current + 1,
        replayed: false,
        state: next,
      };
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < maxAttempts) continue;
      throw error;
    }
  }
};

/** The events an earlier request with the same idempotency key appended, in order (none if none). */
const originalAppend = (history: readonly RecordedEvent[], eventId: (i: number) => string): RecordedEvent[] => {
  const byId = new Map(history.map((e) => [e.id, e]));
  const found: RecordedEvent[] = [];
  for (let i = 0; byId.has(eventId(i)); i++) found.push(byId.get(eventId(i)) as RecordedEvent);
  return found;
};
