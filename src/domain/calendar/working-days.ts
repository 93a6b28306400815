/**
 * Working-day rule and counting (DOMAIN.md §11.3, §11.4). The anchor day is never counted:
 * +N is the Nth working day after the anchor, −N the Nth working day before it.
 */
import { fail } from '../errors.js';
import { isCoveredYear, isOfficialWorkingDay } from './data-source.js';
import { epochDayOf, fromEpochDay, isoDateOf, weekdayOfEpochDay } from './iso-date.js';
import type { DateResult, IsoDate } from './iso-date.js';
import { isProvisionalWorkingDay } from './provisional.js';

interface DayStatus {
  readonly working: boolean;
  readonly provisional: boolean;
}

export const dayStatus = (epochDay: number): DayStatus => {
  const civil = fromEpochDay(epochDay);
  if (isCoveredYear(civil.year))
    return { working: isOfficialWorkingDay(civil, weekdayOfEpochDay(epochDay)), provisional: false };
  return { working: isProvisionalWorkingDay(civil, weekdayOfEpochDay(epochDay)), provisional: true };
};

/** Make-up working day, or Mon–Fri and not an official off day; provisional rule outside the data. */
export const isWorkingDay = (date: IsoDate): boolean => dayStatus(epochDayOf(date)).working;

/** True when `date` lies in a year without a published holiday notice in the data. */
export const isProvisionalDate = (date: IsoDate): boolean => dayStatus(epochDayOf(date)).provisional;

// A year has at least ~240 working days, so this bounds any loop far beyond real periods.
const MAX_WORKING_DAYS = 100_000;

export const addWorkingDays = (from: IsoDate, n: number): DateResult => {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
    return fail('PERIOD_OFFSET', `Working-day offset must be an integer, got ${n}`, { value: n });
  }
  const step = n < 0 ? -1 : 1;
  let day = epochDayOf(from);
  let remaining = Math.abs(n);
  let provisional = false;
  while (remaining > 0) {
    day += step;
    const status = dayStatus(day);
    provisional ||= status.provisional;
    if (status.working) remaining -= 1;
  }
  return { date: isoDateOf(day), provisional };
};

/**
 * `date` itself if it is a working day, else the next one. Civil Code Art 203 rolls only off
 * statutory holidays; rolling off ordinary weekends too follows the common reading (§11.3 [U]).
 */
export const rollToNextWorkingDay = (date: IsoDate): DateResult => {
  let day = epochDayOf(date);
  let provisional = false;
  for (;;) {
    const status = dayStatus(day);
    provisional ||= status.provisional;
    if (status.working) return { date: isoDateOf(day), provisional };
    day += 1;
  }
};
