/**
 * What a notice must satisfy to be entered (DOMAIN.md §11.1, §11.4.2): real dates inside the
 * year, none twice, no day both off and working, make-up working days on a Saturday or Sunday,
 * and, nationally from 2025 (Decree 795 Art 7), no run of more than six working days right before
 * or after a holiday unless the notice says it is a special case.
 */
import type { IsoDate } from '../calendar/index.js';
import { epochDayOf, isoDateOf, parseIsoDate, weekdayOfEpochDay } from '../calendar/iso-date.js';
import { fail } from './errors.js';

/** Art 7 (Decree 795, in force from 2025): at most six consecutive working days next to a holiday. */
export const ART7_FIRST_YEAR = 2025;
export const ART7_MAX_WORKING_RUN = 6;

export const checkDates = (year: number, field: string, days: readonly IsoDate[]): void => {
  const seen = new Set<string>();
  for (const [i, day] of days.entries()) {
    if (parseIsoDate(day).year !== year)
      fail('DATE_OUTSIDE_YEAR', `${field}[${i}] ${day} is not in ${year}`, {
        field: `${field}[${i}]`,
        value: day,
        rule: '§11.4',
      });
    if (seen.has(day))
      fail('DATE_DUPLICATED', `${field}[${i}] ${day} is listed twice`, {
        field: `${field}[${i}]`,
        value: day,
        rule: '§11.4',
      });
    seen.add(day);
  }
};

const isWeekend = (day: IsoDate): boolean => {
  const weekday = weekdayOfEpochDay(epochDayOf(day));
  return weekday === 0 || weekday === 6;
};

/** No day both off and working; every make-up working day a Saturday or Sunday (§11.1). */
export const checkYear = (
  offDays: readonly IsoDate[],
  makeUpWorkDays: readonly IsoDate[],
  field = 'makeUpWorkDays',
): void => {
  const off = new Set(offDays);
  for (const [i, day] of makeUpWorkDays.entries()) {
    if (off.has(day))
      fail('DAY_BOTH_OFF_AND_WORKING', `${day} cannot be both a day off and a make-up working day`, {
        field: `${field}[${i}]`,
        value: day,
        rule: '§11.4.2',
      });
    if (!isWeekend(day))
      fail(
        'MAKE_UP_DAY_NOT_WEEKEND',
        `${day} is a weekday: a make-up working day (调休上班) replaces a Saturday or Sunday`,
        {
          field: `${field}[${i}]`,
          value: day,
          rule: '§11.1',
        },
      );
  }
};

/**
 * The longest run of working days right before or after a block of rest days that holds an
 * official day off, within the year (runs are clipped at its ends), with where it lies.
 */
export const longestRunBesideHoliday = (
  year: number,
  offDays: readonly IsoDate[],
  makeUpWorkDays: readonly IsoDate[],
): { readonly length: number; readonly from: IsoDate; readonly to: IsoDate } | null => {
  const off = new Set(offDays);
  const work = new Set(makeUpWorkDays);
  const first = epochDayOf(`${year}-01-01`);
  const last = epochDayOf(`${year}-12-31`);
  const working = (d: number): boolean => {
    const key = isoDateOf(d);
    if (work.has(key)) return true;
    const weekday = weekdayOfEpochDay(d);
    return weekday >= 1 && weekday <= 5 && !off.has(key);
  };
  let longest: { length: number; from: IsoDate; to: IsoDate } | null = null;
  const consider = (from: number, to: number): void => {
    const length = to - from + 1;
    if (length > 0 && (longest === null || length > longest.length))
      longest = { length, from: isoDateOf(from), to: isoDateOf(to) };
  };
  for (let d = first; d <= last;) {
    if (working(d)) {
      d += 1;
      continue;
    }
    // A block of rest days [start, end]; it counts when it holds an official day off.
    const start = d;
    while (d <= last && !working(d)) d += 1;
    const end = d - 1;
    let holiday = false;
    for (let k = start; k <= end; k++) holiday ||= off.has(isoDateOf(k));
    if (!holiday) continue;
    let before = start - 1;
    while (before >= first && working(before)) before -= 1;
    consider(before + 1, start - 1);
    let after = end + 1;
    while (after <= last && working(after)) after += 1;
    consider(end + 1, after - 1);
  }
  return longest;
};

export const checkArt7 = (
  scope: string,
  year: number,
  offDays: readonly IsoDate[],
  makeUpWorkDays: readonly IsoDate[],
  specialCase: { readonly reason: string } | null,
): void => {
  if (scope !== 'CN' || year < ART7_FIRST_YEAR || specialCase !== null) return;
  const run = longestRunBesideHoliday(year, offDays, makeUpWorkDays);
  if (run !== null && run.length > ART7_MAX_WORKING_RUN)
    fail(
      'TOO_MANY_CONSECUTIVE_WORKING_DAYS',
      `${run.length} consecutive working days (${run.from} – ${run.to}) next to a holiday; Art 7 allows ${ART7_MAX_WORKING_RUN} unless the notice states a special case (specialCase.reason)`,
      { field: 'makeUpWorkDays', value: run.length, rule: '§11.1' },
    );
};

export const checkPublishedOn = (publishedOn: IsoDate | null, year: number, today: IsoDate): void => {
  if (publishedOn === null) return;
  if (publishedOn > today)
    fail('PUBLISHED_ON_INVALID', `publishedOn ${publishedOn} is after today (${today})`, {
      field: 'publishedOn',
      value: publishedOn,
      rule: '§11.2',
    });
  if (publishedOn < `${year - 1}-01-01`)
    fail(
      'PUBLISHED_ON_INVALID',
      `A notice for ${year} is not published before ${year - 1} (publishedOn ${publishedOn})`,
      {
        field: 'publishedOn',
        value: publishedOn,
        rule: '§11.2',
      },
    );
};
