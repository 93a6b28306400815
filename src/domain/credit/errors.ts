/**
 * Every code the credit archive throws, with its category (../errors.ts). Codes are stable:
 * clients and stored test expectations match on them.
 */
import { failWith, SHARED_ERRORS, type ErrorCatalogue } from '../errors.js';

export const CREDIT_ERRORS = {
  // the command's data is malformed or incomplete
  INVALID_INSTANT: SHARED_ERRORS.INVALID_INSTANT,
  UNKNOWN_COMMAND: 'input',
  LAND_USER_REQUIRED: 'input',
  LAND_USER_MISMATCH: 'input',
  UNKNOWN_CREDIT_TRIGGER: 'input',
  EVIDENCE_REQUIRED: 'input',
  RECTIFICATION_REQUIRED: 'input',
  DOCUMENT_NO_REQUIRED: 'input',
  ANNOUNCEMENT_REF_REQUIRED: 'input',
  // the entry is not at the step the command needs, or the step is already done
  LIFT_ALREADY_REQUESTED: 'state',
  LIFT_NOT_REQUESTED: 'state',
  RECTIFICATION_ALREADY_VERIFIED: 'state',
  RECTIFICATION_NOT_VERIFIED: 'state',
  CREDIT_ENTRY_ALREADY_LIFTED: 'state',
  // the command names an entry this archive does not have
  CREDIT_ENTRY_NOT_FOUND: 'not_found',
  // a rule forbids it
  ROLE_NOT_ALLOWED: 'rule',
  EXPIRY_NOT_AFTER_ENTRY: 'rule',
} as const satisfies ErrorCatalogue;

export type CreditErrorCode = keyof typeof CREDIT_ERRORS;

export const fail = failWith(CREDIT_ERRORS);
