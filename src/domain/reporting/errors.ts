/** Every code the report obligation throws, with its category (../errors.ts). Codes are stable. */
import { failWith, SHARED_ERRORS, type ErrorCatalogue } from '../errors.js';

export const REPORTING_ERRORS = {
  DATE_FORMAT: SHARED_ERRORS.DATE_FORMAT,
  INSTANT_FORMAT: SHARED_ERRORS.INSTANT_FORMAT,
  REPORT_TYPE_UNKNOWN: 'input',
  REPORT_PERIOD_INVALID: 'input',
  REPORT_PERIOD_NOT_OWED: 'input',
  JURISDICTION_NOT_OBLIGED: 'input',
  DATE_IN_FUTURE: 'input',
  REPORT_PERIOD_NOT_ENDED: 'rule',
  REPORT_OBLIGATION_NOT_OPEN: 'not_found',
  REPORT_ALREADY_SUBMITTED: 'state',
  REPORT_NOT_YET_OVERDUE: 'rule',
} as const satisfies ErrorCatalogue;

export type ReportingErrorCode = keyof typeof REPORTING_ERRORS;

export const fail = failWith(REPORTING_ERRORS);
