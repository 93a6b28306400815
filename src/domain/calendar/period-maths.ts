/**
 * Calendar-day, month and year periods (Civil Code Arts 201–203, DOMAIN.md §11.1, §11.3):
 * the anchor day is not counted; months and years end on the corresponding date, or on the
 * last day of the month when there is none. These results depend on the holiday data only
 * when `rollToWorkingDay` asks for it, so only then can they be provisional.
 */
import type { Period } from '../policy/types.js';
import { fail } from '../errors.js';
import { daysInMonth, epochDayOf, formatIsoDate, isoDateOf, parseIsoDate } from './iso-date.js';
import type { DateResult, IsoDate } from './iso-date.js';
import type { Calendar } from './calendar.js';
import { addWorkingDays, rollToNextWorkingDay } from './working-days.js';

export interface RollOptions {
  /** Move a due date that falls on a rest day to the next working day of this calendar (Art 203). */
  readonly rollOn?: Calendar;
}

const requireInteger = (n: number): void => {
  if (!Number.isSafeInteger(n)) fail('PERIOD_OFFSET', `Period offset must be an integer, got ${n}`, { value: n });
};

const finish = (date: IsoDate, options?: RollOptions): DateResult =>
  options?.rollOn === undefined ? { date, provisional: false } : rollToNextWorkingDay(options.rollOn, date);

export const calendarDaysBetween = (from: IsoDate, to: IsoDate): number => epochDayOf(to) - epochDayOf(from);

export const addCalendarDays = (from: IsoDate, n: number, options?: RollOptions): DateResult => {
  requireInteger(n);
  return finish(isoDateOf(epochDayOf(from) + n), options);
};

export const addMonths = (from: IsoDate, n: number, options?: RollOptions): DateResult => {
  requireInteger(n);
  const { year, month, day } = parseIsoDate(from);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 0 || targetYear > 9999) {
    return fail('PERIOD_OFFSET', `Date out of range: ${from} + ${n} months`, { value: n });
  }
  const clamped = Math.min(day, daysInMonth(targetYear, targetMonth));
  return finish(formatIsoDate({ year: targetYear, month: targetMonth, day: clamped }), options);
};

export const addYears = (from: IsoDate, n: number, options?: RollOptions): DateResult => {
  requireInteger(n);
  return addMonths(from, n * 12, options);
};

/**
 * `from` moved by a policy period on `calendar` (working days, and rolling when asked). 'before' negates the offset; for working days that is
 * "the Nth working day before, anchor excluded" (Jiangsu extension lead time, §11.3).
 * Hours are instant arithmetic (S4 §六), not calendar dates, so they are refused here.
 */
export const applyPeriod = (
  calendar: Calendar,
  from: IsoDate,
  period: Period,
  direction: 'after' | 'before',
  options?: { readonly rollToWorkingDay?: boolean },
): DateResult => {
  const offset = direction === 'after' ? period.offset : -period.offset;
  const roll: RollOptions = options?.rollToWorkingDay === true ? { rollOn: calendar } : {};
  switch (period.unit) {
    case 'cd':
      return addCalendarDays(from, offset, roll);
    case 'wd':
      return addWorkingDays(calendar, from, offset);
    case 'month':
      return addMonths(from, offset, roll);
    case 'year':
      return addYears(from, offset, roll);
    case 'hour':
      return fail('PERIOD_UNIT_UNSUPPORTED', 'Hour periods are instant arithmetic, not calendar dates', {
        field: 'unit',
        value: period.unit,
      });
    default: {
      const _never: never = period.unit;
      return fail('PERIOD_UNIT_UNSUPPORTED', `Unknown period unit ${String(_never)}`, { field: 'unit' });
    }
  }
};
