import {
  ANY,
  AccessDeniedError,
  DeadlineExceededError,
  NO_STREAM,
  START,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { AppendExpectedRevision, CurrentRevision, StreamMetadata } from '@eventstore/db-client';
import { ConcurrencyError, InvalidEventError, StreamDeletedError } from '../errors.js';
import type { ExpectedRevision } from '../types.js';

/** Our expected revision (revision of the stream's last event) is EventStoreDB's, as a bigint. */
export const toClientExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    default: {
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new InvalidEventError(`expectedRevision ${String(expected)} is not a revision`, 'expectedRevision');
      }
      return BigInt(expected);
    }
  }
};

/** EventStoreDB reports a missing stream as 'no_stream' (or -1 when append failures do not throw). */
export const toActualRevision = (current: CurrentRevision): number | 'no_stream' =>
  current === NO_STREAM || current < 0n ? 'no_stream' : Number(current);

export const toConcurrencyError = (
  stream: string,
  expected: ExpectedRevision,
  current: CurrentRevision,
): ConcurrencyError => new ConcurrencyError(stream, expected, toActualRevision(current));

export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionError =>
  error instanceof WrongExpectedVersionError;

export const isStreamNotFound = (error: unknown): error is StreamNotFoundError => error instanceof StreamNotFoundError;

export const isDeadlineExceeded = (error: unknown): error is DeadlineExceededError =>
  error instanceof DeadlineExceededError;

export const isAccessDenied = (error: unknown): error is AccessDeniedError => error instanceof AccessDeniedError;

/** The client's error for a tombstoned stream becomes the port's; anything else is returned as is. */
export const toPortError = (stream: string, error: unknown): unknown =>
  error instanceof ClientStreamDeletedError ? new StreamDeletedError(stream, 'tombstoned') : error;

/**
 * True when the stream's metadata hides its first events ($tb above 0): how EventStoreDB marks a
 * soft delete (and a truncation). Such a stream reads as missing, or as starting above revision
 * 0, and an append lands after its old last revision: neither fits the port.
 */
export const isTruncated = (metadata: StreamMetadata | undefined): boolean => {
  const before: unknown = metadata?.truncateBefore;
  if (before === undefined || before === null || before === START) return false;
  if (typeof before === 'number' || typeof before === 'bigint') return before > 0;
  return true;
};
