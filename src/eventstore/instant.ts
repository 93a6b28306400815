/**
 * The one reading of an instant for both stores (`readStream`'s `until`, an event's
 * `occurredAt`): ISO 8601 with a date, a time and an offset, nothing else. Date.parse would take
 * "Jan 1 2026" and read zone-less text in the host's zone; PostgreSQL's timestamptz would read it
 * in the session's. Nanoseconds since the epoch keep the digits below a millisecond.
 */
import { InvalidEventError } from './errors.js';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Nanoseconds since the epoch of a strict ISO 8601 instant, or null when the text is not one. */
export const instantNanos = (text: string): bigint | null => {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const part = (i: number): number => Number(m[i] ?? '0');
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(millis);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not exist is not an instant.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const zone = m[8] as string;
  const offsetMinutes =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const fraction = BigInt((m[7] ?? '').padEnd(9, '0'));
  return (BigInt(millis) - BigInt(offsetMinutes) * 60_000n) * 1_000_000n + fraction;
};

/** `until` (or any instant a caller passes): the nanoseconds, or InvalidEventError naming the field. */
export const requireInstant = (text: unknown, field: string): bigint => {
  const nanos = typeof text === 'string' ? instantNanos(text) : null;
  if (nanos === null) {
    throw new InvalidEventError(
      `${field} must be an ISO 8601 instant with an offset, e.g. 2026-07-01T10:00:00+08:00`,
      field,
    );
  }
  return nanos;
};
