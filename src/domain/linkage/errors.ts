/**
 * Every code the linkage project area throws, with its category (../errors.ts). Codes are stable:
 * clients and tests match on them.
 */
import { failWith, SHARED_ERRORS, type ErrorCatalogue } from '../errors.js';

export const LINKAGE_ERRORS = {
  // the command's data is malformed or incomplete
  DATE_FORMAT: SHARED_ERRORS.DATE_FORMAT,
  AREA_FORMAT: SHARED_ERRORS.AREA_FORMAT,
  INVALID_INSTANT: SHARED_ERRORS.INVALID_INSTANT,
  UNKNOWN_COMMAND: 'input',
  LINKAGE_JURISDICTION_INVALID: 'input',
  LINKAGE_ID_MISMATCH: 'input',
  DATE_IN_FUTURE: 'input',
  DATE_BEFORE_ANCHOR: 'input',
  DUPLICATE_PLOT: 'input',
  DEADLINE_UNKNOWN: 'input',
  // the area is not at the step the command needs, or the step is already done
  LINKAGE_NOT_APPROVED: 'state',
  LINKAGE_ALREADY_APPROVED: 'state',
  BASIC_INFO_NOT_FILED: 'state',
  BASIC_INFO_ALREADY_FILED: 'state',
  PROGRESS_MONTH_ALREADY_FILED: 'state',
  LINKAGE_ALREADY_ACCEPTED: 'state',
  LINKAGE_NOT_ACCEPTED: 'state',
  ACCEPTANCE_ALREADY_FILED: 'state',
  MODIFICATION_ALREADY_OPEN: 'state',
  NO_PLAN_ADJUSTMENT: 'state',
  RETURN_NOT_REQUESTED: 'state',
  RETURN_ALREADY_REQUESTED: 'state',
  RECORD_NOT_RETURNED: 'state',
  RECORD_ALREADY_RETURNED: 'state',
  RECORD_NOT_MODIFIED: 'state',
  RECORD_ALREADY_MODIFIED: 'state',
  MODIFICATION_ALREADY_REVIEWED: 'state',
  MODIFICATION_NOT_REVIEWED: 'state',
  // a timer's firing (T35, T36) that is not a breach: the deadline moved or has not passed
  DEADLINE_MOVED: 'state',
  DEADLINE_NOT_PASSED: 'state',
  // the command names a plot the record does not have (or already has)
  PLOT_NOT_IN_RECORD: 'not_found',
  PLOT_ALREADY_IN_RECORD: 'state',
  // a rule forbids it
  PROGRESS_MONTH_OUT_OF_RANGE: 'rule',
  ADJUSTMENT_TRIGGER_NOT_ALLOWED: 'rule',
  REVIEW_NOT_IN_VARIANT: 'rule',
  ROLE_NOT_ALLOWED: 'rule',
  PLOT_NOT_ELIGIBLE: 'rule',
} as const satisfies ErrorCatalogue;

export type LinkageErrorCode = keyof typeof LINKAGE_ERRORS;

export const fail = failWith(LINKAGE_ERRORS);
