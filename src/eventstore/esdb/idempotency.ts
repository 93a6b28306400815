import { BACKWARDS, END } from '@eventstore/db-client';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { DuplicateEventIdError } from '../errors.js';
import type { AppendResult } from '../types.js';
import { formatCheckpoint, isRealPosition } from './checkpoint.js';
import type { EsdbRecordedEvent } from './convert.js';
import { isStreamNotFound } from './map-errors.js';
import { visit } from './streaming.js';

/** What is needed of a stored event to answer a retried append. */
export interface StoredId {
  readonly id: string;
  readonly revision: bigint;
  readonly position: string;
}

/**
 * Finds which of `ids` the stream already holds, reading backwards from the end (a retry
 * usually follows its original closely) and stopping as soon as all are found. EventStoreDB
 * keeps no index by event id, so "none found" costs a read of the whole stream.
 */
export const findStoredIds = async (
  client: EventStoreDBClient,
  stream: string,
  ids: readonly string[],
): Promise<StoredId[]> => {
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  const found: StoredId[] = [];
  try {
    await visit(
      client.readStream(stream, { direction: BACKWARDS, fromRevision: END, requiresLeader: true }),
      (resolved) => {
        const event: EsdbRecordedEvent | undefined = resolved.event;
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
    if (isStreamNotFound(error)) return [];
    throw error;
  }
  return found;
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
