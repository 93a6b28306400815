import type { ExpectedRevision } from './types.js';

/** The stream was not at the revision the caller expected (optimistic concurrency). */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** An event was refused before it reached the store (size, shape, JSON). */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  readonly code = 'INVALID_EVENT';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Some but not all of the event ids of an append already exist: a client bug, never retried. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(readonly eventIds: readonly string[]) {
    super(`event ids already stored in another append: ${eventIds.join(', ')}`);
  }
}

/** The stored log cannot be trusted by this server (e.g. restored into a new cluster). */
export class StoreIntegrityError extends Error {
  override readonly name = 'StoreIntegrityError';
  readonly code = 'STORE_INTEGRITY';
}

/** An Idempotency-Key already used on this stream for a different request. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly stream: string) {
    super(`the idempotency key was already used on ${stream} for a different request`);
  }
}

/**
 * The stream was deleted (EventStoreDB only: the PostgreSQL adapter never deletes). `tombstoned`:
 * hard-deleted, the name can never be written again. `soft`: soft-deleted or truncated ($tb), so
 * its revisions no longer start at 0 and neither the hash chain nor a handler's revision
 * arithmetic holds; reads and appends refuse it instead of treating it as empty.
 */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';
  readonly code = 'STREAM_DELETED';
  constructor(
    readonly stream: string,
    readonly kind: 'tombstoned' | 'soft',
  ) {
    super(
      kind === 'tombstoned'
        ? `stream ${stream} was deleted for good (tombstoned) and cannot be read or written`
        : `stream ${stream} was soft-deleted or truncated: its revisions no longer start at 0`,
    );
  }
}

/** The store was closed: no call after close() reaches the backing store. */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  readonly code = 'STORE_CLOSED';
  constructor() {
    super('the event store was closed');
  }
}
