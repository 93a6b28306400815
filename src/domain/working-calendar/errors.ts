/**
 * Every code the WorkingCalendar aggregate throws, with its category (../errors.ts). Codes are
 * stable: clients and stored test expectations match on them. Each error names the field and the
 * rule (DOMAIN.md §11.1 for the law, §11.4 for what the aggregate must keep).
 */
import { failWith, type ErrorCatalogue } from '../errors.js';

export const CALENDAR_ERRORS = {
  // the command's data is malformed
  UNKNOWN_COMMAND: 'input',
  SCOPE_INVALID: 'input',
  SCOPE_MISMATCH: 'input',
  YEAR_INVALID: 'input',
  SOURCE_REQUIRED: 'input',
  DATE_INVALID: 'input',
  DATE_OUTSIDE_YEAR: 'input',
  DATE_DUPLICATED: 'input',
  CHANGES_CONFLICT: 'input',
  DAY_BOTH_OFF_AND_WORKING: 'input',
  MAKE_UP_DAY_NOT_WEEKEND: 'input',
  PUBLISHED_ON_INVALID: 'input',
  AMENDMENT_EMPTY: 'input',
  /** A holiday-cn mirror file (fromHolidayCn) that is not of its shape. */
  HOLIDAY_CN_INVALID: 'input',
  // the year is not at the step the command needs
  YEAR_ALREADY_PUBLISHED: 'state',
  YEAR_NOT_PUBLISHED: 'state',
  // a rule forbids it
  TOO_MANY_CONSECUTIVE_WORKING_DAYS: 'rule',
} as const satisfies ErrorCatalogue;

export type CalendarErrorCode = keyof typeof CALENDAR_ERRORS;

export const fail = failWith(CALENDAR_ERRORS);
