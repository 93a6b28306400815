import { BACKWARDS, END } from '@eventstore/db-client';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { DuplicateEventIdError, StreamDeletedError } from '../errors.js';
import type { AppendOptions, AppendResult, NewEvent } from '../types.js';
import { formatCheckpoint, isRealPosition } from './checkpoint.js';
import type { EsdbRecordedEvent } from './convert.js';
import { isDeadlineExceeded, isStreamNotFound, toPortError } from './map-errors.js';
import { visit } from './streaming.js';

/** What is needed of a stored event to answer a retried append. */
export interface StoredId {
  readonly id: string;
  readonly revision: bigint;
  readonly position: string;
}

/** What a look-up found: the stored ids, and whether the stream has a readable event. */
export interface StoredIds {
  readonly stored: StoredId[];
  readonly exists: boolean;
}

/**
 * Finds which of `ids` the stream already holds, reading backwards from the end (a retry
 * usually follows its original closely) and stopping as soon as all are found. EventStoreDB
 * keeps no index by event id, so "none found" costs a read of the whole stream. A stream read
 * to its start that does not start at revision 0 was soft-deleted or truncated
 * (StreamDeletedError); a tombstoned one throws StreamDeletedError too.
 */
export const findStoredIds = async (
  client: EventStoreDBClient,
  stream: string,
  ids: readonly string[],
): Promise<StoredIds> => {
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  const found: StoredId[] = [];
  let lowest: bigint | undefined;
  try {
    await visit(
      client.readStream(stream, { direction: BACKWARDS, fromRevision: END, requiresLeader: true }),
      (resolved) => {
        const event: EsdbRecordedEvent | undefined = resolved.event;
        if (event !== undefined) lowest = event.revision;
        if (event && wanted.delete(event.id.toLowerCase())) {
          if (!isRealPosition(event.position)) {
            throw new Error(
              `event ${event.id} in ${stream} has no log position (EventStoreDB 22.6 or later is required)`,
            );
          }
          found.push({ id: event.id, revision: event.revision, position: formatCheckpoint(event.position) });
        }
        return wanted.size > 0;
      },
    );
  } catch (error) {
    if (isStreamNotFound(error)) return { stored: [], exists: false };
    throw toPortError(stream, error);
  }
  if (wanted.size > 0 && lowest !== undefined && lowest > 0n) throw new StreamDeletedError(stream, 'soft');
  return { stored: found, exists: lowest !== undefined };
};

/**
 * The result of the original append when every id is stored, null when none is; a partial
 * match means the caller reused ids across different appends, which no retry can fix.
 */
export const originalResult = (ids: readonly string[], stored: readonly StoredId[]): AppendResult | null => {
  if (stored.length === 0) return null;
  if (stored.length < new Set(ids.map((id) => id.toLowerCase())).size) {
    throw new DuplicateEventIdError(stored.map((event) => event.id));
  }
  const last = stored.reduce((a, b) => (b.revision > a.revision ? b : a));
  return { nextRevision: Number(last.revision), position: last.position };
};

/** Waits before each look-up after a timed-out append: at once, then after a short pause. */
export const TIMEOUT_LOOKUP_DELAYS_MS: readonly number[] = [0, 100, 400, 1_000];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What to do when an append failed with `error`. Only a timeout (DeadlineExceededError) is
 * recovered: two identical appends at the same moment both miss the id look-up, and the server
 * drops the second as an idempotent write of events it has not indexed yet, without replying.
 * The ids are then looked up again, waiting a little between tries, and the original result is
 * returned once they are found; when they never are, the timeout is rethrown unchanged. Any
 * other error is rethrown at once.
 */
export const recoverTimedOutAppend = async (
  error: unknown,
  lookUp: () => Promise<AppendResult | null>,
  options: { readonly delaysMs?: readonly number[]; readonly wait?: (ms: number) => Promise<void> } = {},
): Promise<AppendResult> => {
  if (!isDeadlineExceeded(error)) throw error;
  const { delaysMs = TIMEOUT_LOOKUP_DELAYS_MS, wait = sleep } = options;
  for (const ms of delaysMs) {
    if (ms > 0) await wait(ms);
    const original = await lookUp();
    if (original !== null) return original;
  }
  throw error;
};

/**
 * True when the caller's fresh read of the stream (AppendOptions.known) answers the id check:
 * it was read at the expected revision and holds none of the ids. A hint at another revision,
 * one holding an id (a retry), or an 'any' append still needs the adapter's own look-up.
 */
export const knownAnswersIdCheck = (events: readonly NewEvent[], options: AppendOptions): boolean => {
  const { known, expectedRevision } = options;
  if (known === undefined || expectedRevision === 'any') return false;
  if (known.revision !== (expectedRevision === 'no_stream' ? -1 : expectedRevision)) return false;
  const held = new Set(known.eventIds.map((id) => id.toLowerCase()));
  return !events.some((event) => held.has(event.id.toLowerCase()));
};
