/** T30 window arithmetic: how far before the bidding start the reserve price may be decided. */
import { DateTime } from 'luxon';
import { instantMillis } from '../../instant.js';
import type { Period } from '../../policy/types.js';
import { fail } from '../errors.js';

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
