/**
 * What a notice must satisfy to be entered (DOMAIN.md §11.1, §11.4): a known scope and year, a
 * source, real dates inside the year and none twice, no day both off and working, make-up working
 * days on a Saturday or Sunday, a plausible notice date, and (nationally from 2025) Art 7.
 */
import type { IsoDate } from '../calendar/index.js';
import { daysInMonth, epochDayOf, weekdayOfEpochDay } from '../calendar/iso-date.js';
import type { CalendarChanges } from './types.js';
import { fail } from './errors.js';

/** The law (Decree 795 as summarised in §11.1) and what the aggregate must keep (§11.4). */
export const RULE_LAW = '§11.1';
export const RULE_CALENDAR = '§11.4';

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;
export const SCOPE_PATTERN = /^CN(-[A-Z0-9]+)*$/;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The year of a real calendar date 'YYYY-MM-DD', or null. */
const yearOf = (text: string): number | null => {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? year : null;
};

export const isWeekend = (day: IsoDate): boolean => {
  const weekday = weekdayOfEpochDay(epochDayOf(day));
  return weekday === 0 || weekday === 6;
};

export const checkScope = (scope: string, stateScope: string | null): void => {
  if (typeof scope !== 'string' || scope.length > 40 || !SCOPE_PATTERN.test(scope))
    fail('SCOPE_INVALID', `scope must be 'CN' or a jurisdiction code such as 'CN-XZ', not ${JSON.stringify(scope)}`, {
      field: 'scope',
      value: scope,
      rule: RULE_LAW,
    });
  if (stateScope !== null && stateScope !== scope)
    fail('SCOPE_MISMATCH', `This calendar is ${stateScope}, not ${scope}`, {
      field: 'scope',
      value: scope,
      rule: RULE_CALENDAR,
    });
};

export const checkYearNumber = (year: number): void => {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    fail('YEAR_INVALID', `year must be a whole year ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`, {
      field: 'year',
      value: year,
      rule: RULE_CALENDAR,
    });
};

/** The notice the days come from (§11.2): its address and its number (or title). */
export const checkSource = (sourceUrl: string, documentNo: string): void => {
  if (typeof sourceUrl !== 'string' || !URL.canParse(sourceUrl))
    fail('SOURCE_REQUIRED', 'sourceUrl must be the address of the notice', {
      field: 'sourceUrl',
      value: sourceUrl,
      rule: RULE_CALENDAR,
    });
  if (typeof documentNo !== 'string' || documentNo.trim() === '')
    fail('SOURCE_REQUIRED', 'documentNo must be the notice number or, where unknown, its title', {
      field: 'documentNo',
      rule: RULE_CALENDAR,
    });
};

/** Each day a real date inside `year`, none listed twice. */
export const checkDates = (year: number, field: string, days: readonly IsoDate[]): void => {
  const seen = new Set<string>();
  for (const [i, day] of days.entries()) {
    const at = { field: `${field}[${i}]`, value: day, rule: RULE_CALENDAR };
    const dayYear = yearOf(day);
    if (dayYear === null)
      fail('DATE_INVALID', `${field}[${i}] ${JSON.stringify(day)} is not a real date 'YYYY-MM-DD'`, at);
    if (dayYear !== year) fail('DATE_OUTSIDE_YEAR', `${field}[${i}] ${day} is not in ${year}`, at);
    if (seen.has(day)) fail('DATE_DUPLICATED', `${field}[${i}] ${day} is listed twice`, at);
    seen.add(day);
  }
};

/** One make-up working day: not also a day off (§11.4.2), and a Saturday or Sunday (§11.1). */
const checkMakeUpDay = (day: IsoDate, field: string, off: ReadonlySet<IsoDate>, tense: 'is' | 'would be'): void => {
  const at = { field, value: day };
  if (off.has(day))
    fail(
      'DAY_BOTH_OFF_AND_WORKING',
      `${day} ${tense === 'is' ? 'cannot be' : 'would be'} both a day off and a make-up working day`,
      {
        ...at,
        rule: RULE_CALENDAR,
      },
    );
  if (!isWeekend(day))
    fail(
      'MAKE_UP_DAY_NOT_WEEKEND',
      `${day} is a weekday: a make-up working day (调休上班) replaces a Saturday or Sunday`,
      {
        ...at,
        rule: RULE_LAW,
      },
    );
};

/** A published year: no day both off and working; make-up working days on Sat/Sun (§11.1). */
export const checkPublishedDays = (offDays: readonly IsoDate[], makeUpWorkDays: readonly IsoDate[]): void => {
  const off = new Set(offDays);
  for (const [i, day] of makeUpWorkDays.entries()) checkMakeUpDay(day, `makeUpWorkDays[${i}]`, off, 'is');
};

type Changes = { readonly [K in keyof CalendarChanges]?: readonly IsoDate[] | undefined };

/** An amendment's lists: real dates inside the year, none twice, none both added and removed. */
export const checkChangeLists = (year: number, changes: Changes): void => {
  for (const key of ['addOffDays', 'removeOffDays', 'addMakeUpWorkDays', 'removeMakeUpWorkDays'] as const)
    checkDates(year, `changes.${key}`, changes[key] ?? []);
  for (const [add, remove] of [
    ['addOffDays', 'removeOffDays'],
    ['addMakeUpWorkDays', 'removeMakeUpWorkDays'],
  ] as const) {
    const added = new Set(changes[add] ?? []);
    for (const [i, day] of (changes[remove] ?? []).entries())
      if (added.has(day))
        fail('CHANGES_CONFLICT', `${day} is both in changes.${add} and changes.${remove}`, {
          field: `changes.${remove}[${i}]`,
          value: day,
          rule: RULE_CALENDAR,
        });
  }
};

/**
 * The year after an amendment (`after`) is still consistent: the days it adds are not left on
 * the other list, and added make-up days are Saturdays or Sundays. The year before was consistent,
 * so only the added days can break it; the error names the added day's place in the command.
 */
export const checkAmendedDays = (
  changes: Changes,
  after: { readonly offDays: readonly IsoDate[]; readonly makeUpWorkDays: readonly IsoDate[] },
): void => {
  const off = new Set(after.offDays);
  const work = new Set(after.makeUpWorkDays);
  for (const [i, day] of (changes.addOffDays ?? []).entries())
    if (work.has(day))
      fail('DAY_BOTH_OFF_AND_WORKING', `${day} would be both a day off and a make-up working day`, {
        field: `changes.addOffDays[${i}]`,
        value: day,
        rule: RULE_CALENDAR,
      });
  for (const [i, day] of (changes.addMakeUpWorkDays ?? []).entries())
    checkMakeUpDay(day, `changes.addMakeUpWorkDays[${i}]`, off, 'would be');
};

/**
 * The notice's date (§11.2, §11.4.4): not after today (Asia/Shanghai) and not before the year
 * preceding the one it sets (notices appear about Oct–Nov of the previous year; amendments during
 * the year or later).
 */
export const checkPublishedOn = (publishedOn: IsoDate | null, year: number, today: IsoDate): void => {
  if (publishedOn === null) return;
  const at = { field: 'publishedOn', value: publishedOn, rule: RULE_CALENDAR };
  if (yearOf(publishedOn) === null)
    fail('PUBLISHED_ON_INVALID', `publishedOn ${JSON.stringify(publishedOn)} is not a real date 'YYYY-MM-DD'`, at);
  if (publishedOn > today) fail('PUBLISHED_ON_INVALID', `publishedOn ${publishedOn} is after today (${today})`, at);
  if (publishedOn < `${year - 1}-01-01`)
    fail(
      'PUBLISHED_ON_INVALID',
      `A notice for ${year} is not published before ${year - 1} (publishedOn ${publishedOn})`,
      at,
    );
};
