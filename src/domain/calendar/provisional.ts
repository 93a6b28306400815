/**
 * Stand-in rule for years without a published notice (DOMAIN.md §11.4.4): weekends plus the
 * fixed-date statutory holidays of the rules in force that year. Lunar festivals, make-up
 * days and 调休 are unknown in advance, so results are marked provisional and recomputed on
 * publication (§11.4.3).
 */
import type { CivilDate } from './iso-date.js';

type MonthDay = readonly [month: number, day: number];

/** Fixed-date all-citizen holidays of 全国年节及纪念日放假办法 by the version in force. */
const fixedHolidays = (year: number): readonly MonthDay[] => {
  // Decree 795 (from 2025): May 1–2; 2008 revision: May 1 only; 1999 revision: May 1–3.
  if (year >= 2025)
    return [
      [1, 1],
      [5, 1],
      [5, 2],
      [10, 1],
      [10, 2],
      [10, 3],
    ];
  if (year >= 2008)
    return [
      [1, 1],
      [5, 1],
      [10, 1],
      [10, 2],
      [10, 3],
    ];
  if (year >= 1999)
    return [
      [1, 1],
      [5, 1],
      [5, 2],
      [5, 3],
      [10, 1],
      [10, 2],
      [10, 3],
    ];
  return [
    [1, 1],
    [5, 1],
    [10, 1],
    [10, 2],
  ];
};

export const isProvisionalWorkingDay = (date: CivilDate, weekday: number): boolean => {
  if (weekday === 0 || weekday === 6) return false;
  return !fixedHolidays(date.year).some(([m, d]) => m === date.month && d === date.day);
};
