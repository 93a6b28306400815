import { ANY, NO_STREAM, StreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import type { AppendExpectedRevision, CurrentRevision } from '@eventstore/db-client';
import { ConcurrencyError, InvalidEventError } from '../errors.js';
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
