/**
 * Decree 795 Art 7 (DOMAIN.md §11.1, in force from 2025, national notices only): "except in
 * special cases, no more than 6 consecutive working days before or after a holiday".
 *
 * Our reading, checked against the real 2025 and 2026 notices (§11.2), which both pass it:
 * - a working day is a make-up working day, or Mon–Fri and not an off day (§11.4.2);
 * - a "holiday" is a maximal block of consecutive rest days holding at least one official off day,
 *   so a weekend joined to the off days is part of it (2026: Apr 4–6 Sat–Mon is one block);
 * - the runs limited are the maximal runs of working days touching such a block on either side;
 *   a run between two holidays is limited once. Runs touching only ordinary weekends are not
 *   limited (they cannot exceed 5 days without a make-up day anyway);
 * - only the year being published or amended is looked at: a run crossing Dec 31 / Jan 1 is
 *   clipped at the year's end (so it may be undercounted, never overcounted).
 * The bound is tight on the real data: 2026 has two runs of exactly 6 (Sun Jan 4 – Fri Jan 9 after
 * New Year, Mon Feb 9 – Sat Feb 14 before Spring Festival); 2025's longest is 5. Earlier years,
 * before Art 7, have runs of up to 10 (2004-01-12 – 01-21), so the check starts in 2025.
 */
import type { IsoDate } from '../calendar/index.js';
import { epochDayOf, isoDateOf, weekdayOfEpochDay } from '../calendar/iso-date.js';
import { fail } from './errors.js';
import { RULE_LAW } from './validate.js';

export const ART7_FIRST_YEAR = 2025;
export const ART7_MAX_WORKING_RUN = 6;
export const ART7_SCOPE = 'CN';

export interface WorkingRun {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly length: number;
}

/** Every maximal run of working days next to a holiday within `year`, in date order. */
export const runsBesideHolidays = (
  year: number,
  offDays: readonly IsoDate[],
  makeUpWorkDays: readonly IsoDate[],
): WorkingRun[] => {
  const off = new Set(offDays);
  const work = new Set(makeUpWorkDays);
  const first = epochDayOf(`${year}-01-01`);
  const last = epochDayOf(`${year}-12-31`);
  const working = (d: number): boolean => {
    if (work.has(isoDateOf(d))) return true;
    const weekday = weekdayOfEpochDay(d);
    return weekday >= 1 && weekday <= 5 && !off.has(isoDateOf(d));
  };
  const runs = new Map<number, WorkingRun>();
  const add = (from: number, to: number): void => {
    if (to >= from) runs.set(from, { from: isoDateOf(from), to: isoDateOf(to), length: to - from + 1 });
  };
  for (let d = first; d <= last;) {
    if (working(d)) {
      d += 1;
      continue;
    }
    const start = d;
    let holiday = false;
    for (; d <= last && !working(d); d += 1) holiday ||= off.has(isoDateOf(d));
    if (!holiday) continue;
    let before = start - 1;
    while (before >= first && working(before)) before -= 1;
    add(before + 1, start - 1);
    let after = d;
    while (after <= last && working(after)) after += 1;
    add(d, after - 1);
  }
  return [...runs.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
};

/** The longest run of working days next to a holiday within the year, or null if none. */
export const longestRunBesideHoliday = (
  year: number,
  offDays: readonly IsoDate[],
  makeUpWorkDays: readonly IsoDate[],
): WorkingRun | null =>
  runsBesideHolidays(year, offDays, makeUpWorkDays).reduce<WorkingRun | null>(
    (longest, run) => (longest === null || run.length > longest.length ? run : longest),
    null,
  );

/** Art 7 applies to the national calendar from 2025; regional overlays set ethnic festivals (Art 4). */
export const art7Applies = (scope: string, year: number): boolean => scope === ART7_SCOPE && year >= ART7_FIRST_YEAR;

/**
 * Refuses a year with a run longer than 6 next to a holiday, unless the notice states a special
 * case. `allowed` are runs the year already had (an amendment is refused only for runs it makes).
 */
export const checkArt7 = (
  input: {
    readonly scope: string;
    readonly year: number;
    readonly offDays: readonly IsoDate[];
    readonly makeUpWorkDays: readonly IsoDate[];
    readonly specialCase: { readonly reason: string } | null;
    readonly field: string;
  },
  allowed: readonly WorkingRun[] = [],
): void => {
  const { scope, year, specialCase, field } = input;
  if (!art7Applies(scope, year) || specialCase !== null) return;
  const known = new Set(allowed.map((run) => `${run.from}/${run.to}`));
  const run = runsBesideHolidays(year, input.offDays, input.makeUpWorkDays).find(
    (r) => r.length > ART7_MAX_WORKING_RUN && !known.has(`${r.from}/${r.to}`),
  );
  if (run !== undefined)
    fail(
      'TOO_MANY_CONSECUTIVE_WORKING_DAYS',
      `${run.length} consecutive working days (${run.from} – ${run.to}) next to a holiday; Art 7 allows ${ART7_MAX_WORKING_RUN} unless the notice states a special case (specialCase.reason)`,
      { field, value: run.length, from: run.from, to: run.to, max: ART7_MAX_WORKING_RUN, rule: RULE_LAW },
    );
};
