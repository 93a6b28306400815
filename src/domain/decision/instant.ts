import { DateTime } from 'luxon';
import type { Period } from '../policy/types.js';
import { fail } from '../errors.js';

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

/**
 * `instant` minus a policy period, in epoch ms. Only elapsed-time units make sense before an
 * instant; a working-day window would need the calendar and has no source, so it is refused.
 */
export const millisBefore = (instant: string, period: Period, field: string): number => {
  const at = DateTime.fromMillis(instantMillis(instant, field), { zone: 'Asia/Shanghai' });
  switch (period.unit) {
    case 'hour':
      return at.minus({ hours: period.offset }).toMillis();
    case 'cd':
      return at.minus({ days: period.offset }).toMillis();
    case 'month':
      return at.minus({ months: period.offset }).toMillis();
    case 'year':
      return at.minus({ years: period.offset }).toMillis();
    case 'wd':
      return fail('POLICY_UNSUPPORTED', 'a working-day window before an instant is not supported', {
        field,
        rule: 'T30',
      });
    default: {
      const _never: never = period.unit;
      return _never;
    }
  }
};
