import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import type { AppendResult as ClientAppendResult } from '@eventstore/db-client';
import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadStreamOptions, RecordedEvent } from '../types.js';
import { validateNewEvents } from '../validate.js';
import { formatCheckpoint, isRealPosition } from './checkpoint.js';
import { occurredAtOrBefore, toEventData, toRecordedEvent } from './convert.js';
import { findStoredIds, originalResult } from './idempotency.js';
import {
  isStreamNotFound,
  isWrongExpectedVersion,
  toClientExpectedRevision,
  toConcurrencyError,
} from './map-errors.js';
import { readAllPage } from './read-all.js';
import { visit, within } from './streaming.js';
import { waitForEvents } from './wait-for-events.js';

const PING_TIMEOUT_MS = 5_000;

/** The event store port on EventStoreDB, e.g. createEsdbEventStore('esdb://localhost:2113?tls=false'). */
export const createEsdbEventStore = (connectionString: string): EventStore => {
  const client = EventStoreDBClient.connectionString(connectionString);
  const waiting = new Set<() => void>();
  let closed = false;

  /**
   * The log position of the event at `revision` when it is `id`, read from the leader so a
   * fresh write is visible; undefined when another event stands there.
   */
  const positionAt = async (stream: string, revision: bigint, id: string): Promise<string | undefined> => {
    let position: string | undefined;
    await visit(
      client.readStream(stream, { direction: FORWARDS, fromRevision: revision, maxCount: 1, requiresLeader: true }),
      (resolved) => {
        const event = resolved.event;
        if (event?.id.toLowerCase() === id.toLowerCase() && isRealPosition(event.position)) {
          position = formatCheckpoint(event.position);
        }
        return false;
      },
    );
    return position;
  };

  /** Ids already in the stream: the original result, or DuplicateEventIdError when only some are. */
  const lookUpOriginal = async (stream: string, events: readonly NewEvent[]) => {
    const ids = events.map((event) => event.id);
    return originalResult(ids, await findStoredIds(client, stream, ids));
  };

  /** The stream's current revision, for conflicts the client reports without one. */
  const currentRevision = async (stream: string): Promise<bigint | 'no_stream'> => {
    let revision: bigint | 'no_stream' = 'no_stream';
    try {
      await visit(
        client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true }),
        (resolved) => {
          revision = resolved.event?.revision ?? revision;
          return false;
        },
      );
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    return revision;
  };

  const append = async (stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> => {
    validateNewEvents(stream, events);
    const { expectedRevision } = options;
    const clientExpected = toClientExpectedRevision(expectedRevision);
    // EventStoreDB deduplicates only a retry with the original expected revision (and, for
    // 'any', only ids still in its cache); when the stream stands where the caller expects
    // it, it appends again. So look first. 'no_stream' needs no look: a stream holding the
    // ids exists, so the server either recognises the retry or refuses it, and both paths
    // below end at the original result.
    if (expectedRevision !== 'no_stream') {
      const original = await lookUpOriginal(stream, events);
      if (original !== null) return original;
    }
    let result: ClientAppendResult;
    try {
      result = await client.appendToStream(stream, events.map(toEventData), { expectedRevision: clientExpected });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      const original = await lookUpOriginal(stream, events);
      if (original !== null) return original;
      throw toConcurrencyError(stream, expectedRevision, error.actualVersion);
    }
    if (!result.success) {
      // Connection string throwOnAppendFailure=false: the same conflict, reported as a value
      // whose revision the v6 batch append garbles, so the current one is read instead.
      const original = await lookUpOriginal(stream, events);
      if (original !== null) return original;
      throw toConcurrencyError(stream, expectedRevision, await currentRevision(stream));
    }
    const last = events[events.length - 1];
    if (last === undefined) throw new Error('unreachable: the validator refuses an empty append');
    // The append reply carries the write's position, which for several events need not be
    // the last event's own $all position (and is a sentinel after a retry the server
    // deduplicated); read it back so readAll({ after: position }) starts exactly after this
    // append. When the server deduplicated and answered with another revision, look the ids up.
    const position = await positionAt(stream, result.nextExpectedRevision, last.id);
    if (position !== undefined) return { nextRevision: Number(result.nextExpectedRevision), position };
    const original = await lookUpOriginal(stream, events);
    if (original !== null) return original;
    throw new Error(`appended events to ${stream} but cannot find event ${last.id} in it`);
  };

  const readStream = async (stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> => {
    const from = options.fromRevision ?? 0;
    const to = options.toRevision;
    if (to !== undefined && to < from) return [];
    const keep = options.until === undefined ? () => true : occurredAtOrBefore(options.until);
    const events: RecordedEvent[] = [];
    try {
      await visit(
        client.readStream(stream, {
          direction: FORWARDS,
          fromRevision: from <= 0 ? START : BigInt(from),
          ...(to === undefined ? {} : { maxCount: BigInt(to - Math.max(from, 0) + 1) }),
        }),
        (resolved) => {
          if (resolved.event === undefined) return true;
          const event = toRecordedEvent(resolved.event);
          if (keep(event)) events.push(event);
          return true;
        },
      );
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  };

  const ping = async (): Promise<boolean> => {
    // Reading the newest record of $all is the cheapest call that proves the node serves reads.
    const read = client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    const answered = visit(read, () => false).then(
      () => true,
      () => false,
    );
    const ok = await within(answered, PING_TIMEOUT_MS, false);
    if (!ok) read.cancel().catch(() => undefined);
    return ok;
  };

  return {
    append,
    readStream,
    readAll: (options) => readAllPage(client, options),
    waitForEvents: async (after, options) => {
      if (closed) return;
      await waitForEvents(client, after, options, (stop) => {
        waiting.add(stop);
        return () => waiting.delete(stop);
      });
    },
    ping,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const stop of [...waiting]) stop();
      await client.dispose();
    },
  };
};
