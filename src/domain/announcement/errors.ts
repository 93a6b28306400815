/**
 * Every code the supply announcement throws, with its category (../errors.ts). Codes are stable:
 * clients and tests match on them.
 */
import { failWith, SHARED_ERRORS, type ErrorCatalogue } from '../errors.js';

export const ANNOUNCEMENT_ERRORS = {
  // the command's data is malformed or incomplete
  DATE_FORMAT: SHARED_ERRORS.DATE_FORMAT,
  INVALID_INSTANT: SHARED_ERRORS.INVALID_INSTANT,
  JURISDICTION_UNKNOWN: SHARED_ERRORS.JURISDICTION_UNKNOWN,
  UNKNOWN_COMMAND: 'input',
  ANNOUNCEMENT_JURISDICTION_INVALID: 'input',
  DATE_IN_FUTURE: 'input',
  DATE_BEFORE_ANCHOR: 'input',
  DUPLICATE_PARCEL: 'input',
  LISTING_END_REQUIRED: 'input',
  LISTING_END_NOT_ALLOWED: 'input',
  DEADLINE_UNKNOWN: 'input',
  // the announcement is not in the state the command needs
  ANNOUNCEMENT_NOT_PUBLISHED: 'state',
  ANNOUNCEMENT_ALREADY_PUBLISHED: 'state',
  NOTICE_ALREADY_PUBLISHED: 'state',
  ACTIVITY_ALREADY_STARTED: 'state',
  TRANSACTION_ALREADY_RECORDED: 'state',
  RESULT_ALREADY_RECORDED: 'state',
  RESULT_NOT_RECORDED: 'state',
  RESULTS_ALREADY_PUBLISHED: 'state',
  NO_RESULTS_TO_PUBLISH: 'state',
  ABNORMAL_ALREADY_REPORTED: 'state',
  // a timer's firing (T32, T38) that is not a breach: the deadline moved or has not passed
  DEADLINE_MOVED: 'state',
  DEADLINE_NOT_PASSED: 'state',
  // the command names a parcel the announcement does not offer
  PARCEL_NOT_IN_ANNOUNCEMENT: 'not_found',
  // a rule forbids it
  ANNOUNCEMENT_LEAD_TOO_SHORT: 'rule',
  LISTING_PERIOD_TOO_SHORT: 'rule',
  TRANSACTION_NOT_ABNORMAL: 'rule',
} as const satisfies ErrorCatalogue;

export type AnnouncementErrorCode = keyof typeof ANNOUNCEMENT_ERRORS;

export const fail = failWith(ANNOUNCEMENT_ERRORS);
