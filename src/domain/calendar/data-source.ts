/**
 * The official holiday data: the `chinese-days` package, which transcribes each year's
 * 国务院办公厅关于{year}年部分节假日安排的通知 (DOMAIN.md §11.2). Only this file touches the package,
 * so swapping in a WorkingCalendar aggregate (§11.4.1) later changes one place.
 *
 * We import the package's prebuilt JSON, not its functions: the functions rebuild their tables
 * at load time with local-time Date getters, which shifts every date by a day on hosts west of
 * UTC. The JSON is static, so results do not depend on the host's time zone.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CivilDate } from './iso-date.js';
import { formatIsoDate } from './iso-date.js';

/**
 * First and last years whose notice is in the data. Constants, not discovered at run time, so a
 * package upgrade cannot silently change deadlines; a test checks them against the package.
 */
export const FIRST_COVERED_YEAR = 2004;
export const LAST_COVERED_YEAR = 2026;
export const CALENDAR_PACKAGE_VERSION = '1.5.7';

/** Stamped on every computed deadline (DOMAIN.md §4 timer notes, §11.4.3). */
export const CALENDAR_VERSION = `chinese-days-${CALENDAR_PACKAGE_VERSION}+${FIRST_COVERED_YEAR}-${LAST_COVERED_YEAR}`;

const offDays: ReadonlySet<string> = new Set(Object.keys(data.holidays));
const makeUpWorkDays: ReadonlySet<string> = new Set(Object.keys(data.workdays));

export const isCoveredYear = (year: number): boolean => year >= FIRST_COVERED_YEAR && year <= LAST_COVERED_YEAR;

/** Working day per the published notice: make-up day, or Mon–Fri and not an off day (§11.4.2). */
export const isOfficialWorkingDay = (date: CivilDate, weekday: number): boolean => {
  const key = formatIsoDate(date);
  if (makeUpWorkDays.has(key)) return true;
  return weekday >= 1 && weekday <= 5 && !offDays.has(key);
};
