/**
 * The seed as a calendar: what every store holds before any office publishes a year, and what
 * the static policies and the tests count on. Versions written before the calendar was data
 * ('chinese-days-…') name the same days and resolve to it.
 */
import { calendarOf } from '../calendar/index.js';
import type { Calendar, CalendarSource } from '../calendar/index.js';
import { fail } from '../errors.js';
import { SEED_LAYER, SEED_REVISION } from './seed.js';

export const SEED_VERSION = `CN.${SEED_REVISION}`;

export const SEED_CALENDAR: Calendar = calendarOf([SEED_LAYER]);

/** calendarVersion strings stamped before the calendar was data, by the seed version they equal. */
export const LEGACY_SEED_VERSIONS: Readonly<Record<string, string>> = {
  'chinese-days-1.5.7+2004-2026': SEED_VERSION,
};

/** A source that knows the seed only: for tests and tools that run without a log. */
export const SEED_CALENDARS: CalendarSource = {
  at: (version) =>
    version === SEED_VERSION || LEGACY_SEED_VERSIONS[version] === SEED_VERSION
      ? SEED_CALENDAR
      : fail('CALENDAR_VERSION', `Only the seed calendar ${SEED_VERSION} is known here, not ${version}`, {
          value: version,
        }),
  current: () => SEED_CALENDAR,
};
