import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import type { AppendResult as ClientAppendResult } from '@eventstore/db-client';
import { StoreClosedError, StreamDeletedError } from '../errors.js';
import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadStreamOptions, RecordedEvent } from '../types.js';
import { DEFAULT_MAX_APPEND_BYTES, validateNewEvents } from '../validate.js';
import { trackChannels } from './channel.js';
import { compareCheckpoints, formatCheckpoint, isRealPosition } from './checkpoint.js';
import { occurredAtOrBefore, toEventData, toRecordedEvent } from './convert.js';
import { findStoredIds, knownAnswersIdCheck, originalResult, recoverTimedOutAppend } from './idempotency.js';
import {
  isAccessDenied,
  isStreamNotFound,
  isTruncated,
  isWrongExpectedVersion,
  toClientExpectedRevision,
  toConcurrencyError,
  toPortError,
} from './map-errors.js';
import { readAllPage } from './read-all.js';
import { visit, within } from './streaming.js';
import { waitForEvents } from './wait-for-events.js';

const PING_TIMEOUT_MS = 5_000;
/** Read by ping; nothing writes it (the validator would accept the name, no handler uses it). */
const PING_STREAM = 'esdb-ping-0b9c6f0e';

/** The event store port on EventStoreDB, e.g. createEsdbEventStore('esdb://localhost:2113?tls=false'). */
export interface EsdbEventStoreOptions {
  /** Largest whole append in bytes (default DEFAULT_MAX_APPEND_BYTES = the server's own 1 MiB). */
  readonly maxAppendBytes?: number;
}

export const createEsdbEventStore = (connectionString: string, options: EsdbEventStoreOptions = {}): EventStore => {
  const limits = { maxAppendBytes: options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES };
  const client = EventStoreDBClient.connectionString(connectionString);
  const closeChannels = trackChannels(client);
  const waiting = new Set<() => void>();
  let closed = false;
  const open = (): void => {
    if (closed) throw new StoreClosedError();
  };

  /** Refuses a stream EventStoreDB hides as missing because it was soft-deleted ($tb set). */
  const refuseIfSoftDeleted = async (stream: string): Promise<void> => {
    let metadata;
    try {
      metadata = (await client.getStreamMetadata(stream, { requiresLeader: true })).metadata;
    } catch (error) {
      throw toPortError(stream, error);
    }
    if (isTruncated(metadata)) throw new StreamDeletedError(stream, 'soft');
  };

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

  /**
   * Ids already in the stream: the original result, or DuplicateEventIdError when only some are.
   * A stream with no readable event is checked for a soft delete, which EventStoreDB reports as
   * a missing stream but appends to after its old last revision.
   */
  const lookUpOriginal = async (stream: string, events: readonly NewEvent[]): Promise<AppendResult | null> => {
    const ids = events.map((event) => event.id);
    const { stored, exists } = await findStoredIds(client, stream, ids);
    if (!exists) await refuseIfSoftDeleted(stream);
    return originalResult(ids, stored);
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
      if (!isStreamNotFound(error)) throw toPortError(stream, error);
    }
    return revision;
  };

  const append = async (stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> => {
    open();
    validateNewEvents(stream, events, limits);
    const { expectedRevision } = options;
    const clientExpected = toClientExpectedRevision(expectedRevision);
    // EventStoreDB deduplicates only a retry with the original expected revision (and, for
    // 'any', only ids still in its cache); when the stream stands where the caller expects
    // it, it appends again. So look first, unless the caller has just read the stream
    // (options.known). 'no_stream' needs no look for ids: a stream holding them exists, so the
    // server either recognises the retry or refuses it, and both paths below end at the
    // original result; it only needs the soft-delete check, which a fresh read already made.
    if (!knownAnswersIdCheck(events, options)) {
      if (expectedRevision === 'no_stream') await refuseIfSoftDeleted(stream);
      else {
        const original = await lookUpOriginal(stream, events);
        if (original !== null) return original;
      }
    }
    let result: ClientAppendResult;
    try {
      result = await client.appendToStream(stream, events.map(toEventData), { expectedRevision: clientExpected });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) {
        return recoverTimedOutAppend(toPortError(stream, error), () => lookUpOriginal(stream, events));
      }
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
    open();
    const from = options.fromRevision ?? 0;
    const to = options.toRevision;
    if (to !== undefined && to < from) return [];
    const keep = options.until === undefined ? () => true : occurredAtOrBefore(options.until);
    const events: RecordedEvent[] = [];
    let first = true;
    try {
      await visit(
        client.readStream(stream, {
          direction: FORWARDS,
          fromRevision: from <= 0 ? START : BigInt(from),
          ...(to === undefined ? {} : { maxCount: BigInt(to - Math.max(from, 0) + 1) }),
        }),
        (resolved) => {
          if (resolved.event === undefined) return true;
          // Read from the start, a stream whose first event is not revision 0 was soft-deleted
          // (or truncated) and written again: its revisions would break the caller's arithmetic.
          if (first && from <= 0 && resolved.event.revision > 0n) throw new StreamDeletedError(stream, 'soft');
          first = false;
          const event = toRecordedEvent(resolved.event);
          if (keep(event)) events.push(event);
          return true;
        },
      );
    } catch (error) {
      if (!isStreamNotFound(error)) throw toPortError(stream, error);
      // A soft-deleted stream reads as missing: tell it from one never written.
      await refuseIfSoftDeleted(stream);
      return [];
    }
    return events;
  };

  const ping = async (): Promise<boolean> => {
    open();
    // One event of a user stream that is never written: every authenticated user may read it
    // (a read of $all needs admin rights on a secured server and would report a working node
    // as down). The server answering "not found", or "access denied" to a user without even
    // that right, proves it serves requests; a timeout or an unreachable node does not.
    const read = client.readStream(PING_STREAM, { direction: FORWARDS, fromRevision: START, maxCount: 1 });
    const answered = visit(read, () => false).then(
      () => true,
      (error: unknown) => isStreamNotFound(error) || isAccessDenied(error),
    );
    const ok = await within(answered, PING_TIMEOUT_MS, false);
    if (!ok) read.cancel().catch(() => undefined);
    return ok;
  };

  return {
    append,
    readStream,
    compareCheckpoints,
    // EventStoreDB has no reader horizon: what readAll returns is what is committed.
    backlog: async (after, { types, cap }) => {
      open();
      const { events } = await readAllPage(client, { after, limit: cap, ...(types ? { types } : {}) });
      return {
        events: events.length,
        capped: events.length >= cap,
        oldestRecordedAt: events[0]?.metadata.recordedAt ?? null,
      };
    },
    readAll: async (options) => {
      open();
      return readAllPage(client, options);
    },
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
      try {
        await client.dispose();
      } finally {
        closeChannels();
      }
    },
  };
};
