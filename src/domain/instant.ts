/** ISO 8601 instants as they arrive in commands (`context.now`, decision times, credit expiries). */
import { DateTime } from 'luxon';
import { fail } from './errors.js';

// An instant must say where it is in time: a bare local time would be read in the host's zone.
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of an ISO 8601 instant with offset; DomainError INVALID_INSTANT otherwise. */
export const instantMillis = (text: string, field: string): number => {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!HAS_OFFSET.test(text) || !parsed.isValid) {
    return fail('INVALID_INSTANT', `${field} must be an ISO 8601 instant with offset, got '${text}'`, { field });
  }
  return parsed.toMillis();
};
