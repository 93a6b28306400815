/**
 * Working-day rule and counting (DOMAIN.md §11.3, §11.4) on a given calendar. The anchor day is
 * never counted: +N is the Nth working day after the anchor, −N the Nth working day before it.
 */
import { fail } from '../errors.js';
import type { Calendar } from './calendar.js';
import { epochDayOf, isoDateOf } from './iso-date.js';
import type { DateResult, IsoDate } from './iso-date.js';

/** Make-up working day, or Mon–Fri and not an official off day; provisional rule outside the published years. */
export const isWorkingDay = (calendar: Calendar, date: IsoDate): boolean =>
  calendar.dayStatus(epochDayOf(date)).working;

/** True when `date` lies in a year whose holiday notice the calendar has not published. */
export const isProvisionalDate = (calendar: Calendar, date: IsoDate): boolean =>
  calendar.dayStatus(epochDayOf(date)).provisional;

// A year has at least ~240 working days, so this bounds any loop far beyond real periods.
const MAX_WORKING_DAYS = 100_000;

export const addWorkingDays = (calendar: Calendar, from: IsoDate, n: number): DateResult => {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
    return fail('PERIOD_OFFSET', `Working-day offset must be an integer, got ${n}`, { value: n });
  }
  const step = n < 0 ? -1 : 1;
  let day = epochDayOf(from);
  let remaining = Math.abs(n);
  let provisional = false;
  while (remaining > 0) {
    day += step;
    const status = calendar.dayStatus(day);
    provisional ||= status.provisional;
    if (status.working) remaining -= 1;
  }
  return { date: isoDateOf(day), provisional };
};

/**
 * `date` itself if it is a working day, else the next one. Civil Code Art 203 rolls only off
 * statutory holidays; rolling off ordinary weekends too follows the common reading (§11.3 [U]).
 */
export const rollToNextWorkingDay = (calendar: Calendar, date: IsoDate): DateResult => {
  let day = epochDayOf(date);
  let provisional = false;
  for (;;) {
    const status = calendar.dayStatus(day);
    provisional ||= status.provisional;
    if (status.working) return { date: isoDateOf(day), provisional };
    day += 1;
  }
};

/** The working days d with from ≤ d ≤ to (both ends counted, as a date range reads); 0 when to < from. */
export const countWorkingDays = (
  calendar: Calendar,
  from: IsoDate,
  to: IsoDate,
): { readonly days: number; readonly provisional: boolean } => {
  let days = 0;
  let provisional = false;
  for (let day = epochDayOf(from), end = epochDayOf(to); day <= end; day += 1) {
    const status = calendar.dayStatus(day);
    provisional ||= status.provisional;
    if (status.working) days += 1;
  }
  return { days, provisional };
};
