import { jsonEvent } from '@eventstore/db-client';
import type { EventData, Position } from '@eventstore/db-client';
import { StoreIntegrityError } from '../errors.js';
import { instantNanos, requireInstant } from '../instant.js';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '../types.js';
import { formatCheckpoint, isRealPosition } from './checkpoint.js';

/** The fields we read from the client's recorded event (JSON and binary variants alike). */
export interface EsdbRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position;
}

/** Our event id becomes EventStoreDB's event id, so the server's own idempotency check applies. */
export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);

/** The validator only lets JSON objects in, so a plain object read back is the object we wrote. */
const isJsonObject = (value: unknown): value is JsonObject => isPlainObject(value);

const isEventMetadata = (value: unknown): value is EventMetadata =>
  isPlainObject(value) &&
  isPlainObject(value['actor']) &&
  typeof value['occurredAt'] === 'string' &&
  typeof value['recordedAt'] === 'string' &&
  typeof value['correlationId'] === 'string' &&
  typeof value['causationId'] === 'string';

/** Written through this port: JSON content, object data, our metadata envelope. */
export const isOurEvent = (event: EsdbRecordedEvent): boolean =>
  event.isJson && isJsonObject(event.data) && isEventMetadata(event.metadata);

/**
 * Converts a stored event, or throws when it cannot be one of ours: a stream this port
 * wrote must never hold anything else, so a mismatch is corruption, not something to skip.
 */
export const toRecordedEvent = (event: EsdbRecordedEvent): RecordedEvent => {
  const { data, metadata, position } = event;
  if (!event.isJson || !isJsonObject(data) || !isEventMetadata(metadata)) {
    throw new Error(
      `event ${event.id} in ${event.streamId}@${event.revision} was not written through this event store`,
    );
  }
  if (!isRealPosition(position)) {
    // Positions on stream reads came with EventStoreDB 22.6; older servers are not supported.
    throw new Error(
      `event ${event.id} in ${event.streamId} has no log position (EventStoreDB 22.6 or later is required)`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    data,
    metadata,
    stream: event.streamId,
    revision: Number(event.revision),
    position: formatCheckpoint(position),
  };
};

/** "As of" reads: the business time of the fact, compared as instants (offsets may differ). */
export const occurredAtOrBefore = (until: string): ((event: RecordedEvent) => boolean) => {
  const limit = requireInstant(until, 'until');
  return (event) => {
    const at = instantNanos(event.metadata.occurredAt);
    // An event whose business time cannot be read is not silently left out of an "as of" read.
    if (at === null) {
      throw new StoreIntegrityError(
        `event ${event.id} in ${event.stream} has occurredAt "${String(event.metadata.occurredAt)}", not an instant`,
      );
    }
    return at <= limit;
  };
};
