import { DateTime } from 'luxon';
import { fail } from '../errors.js';
import type { IsoDate } from './iso-date.js';

export const SHANGHAI_ZONE = 'Asia/Shanghai';

// An instant must carry its offset; without one the result would depend on the host's zone.
const HAS_OFFSET = /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** The calendar date in Asia/Shanghai (UTC+8, no DST) at the given ISO 8601 instant (§11.3). */
export const shanghaiDate = (instant: string): IsoDate => {
  const parsed = HAS_OFFSET.test(instant) ? DateTime.fromISO(instant, { setZone: true }) : null;
  const date = parsed?.isValid ? parsed.setZone(SHANGHAI_ZONE).toISODate() : null;
  if (date === null || date === undefined) {
    return fail('INSTANT_FORMAT', `Not an ISO 8601 instant with offset: ${JSON.stringify(instant)}`, {
      value: instant,
    });
  }
  return date;
};
