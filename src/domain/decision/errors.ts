/**
 * Every code the decision aggregate throws, with its category (../errors.ts). Codes are stable:
 * clients and stored test expectations match on them.
 */
import { failWith, SHARED_ERRORS, type ErrorCatalogue } from '../errors.js';

export const DECISION_ERRORS = {
  // the command's data is malformed or incomplete
  INVALID_INSTANT: SHARED_ERRORS.INVALID_INSTANT,
  JURISDICTION_UNKNOWN: SHARED_ERRORS.JURISDICTION_UNKNOWN,
  UNKNOWN_COMMAND: 'input',
  DECISION_ID_REQUIRED: 'input',
  UNKNOWN_DEPARTMENT: 'input',
  PARTICIPANT_INCOMPLETE: 'input',
  AGENDA_EMPTY: 'input',
  MINUTES_NO_REQUIRED: 'input',
  UNKNOWN_STANCE: 'input',
  OPINION_TEXT_REQUIRED: 'input',
  PROPOSAL_ID_REQUIRED: 'input',
  APPRAISAL_REPORT_REQUIRED: 'input',
  APPRAISAL_INSTITUTION_REQUIRED: 'input',
  SUPPLY_PLAN_ID_REQUIRED: 'input',
  PLAN_PARCELS_REQUIRED: 'input',
  UNKNOWN_LAND_USE: 'input',
  APPROVER_REQUIRED: 'input',
  DECIMAL_FORMAT: 'input',
  STARTING_PRICE_INVALID: 'input',
  WINNER_REQUIRED: 'input',
  DEAL_PRICE_INVALID: 'input',
  CONFIRMATION_NO_REQUIRED: 'input',
  SEALED_VALUE_REQUIRED: 'input',
  COMMITMENT_FORMAT: 'input',
  BIDDING_START_REQUIRED: 'input',
  UNKNOWN_TIMING: 'input',
  RESERVE_PRICE_INVALID: 'input',
  SALT_TOO_SHORT: 'input',
  // the decision is not at the step the command needs, or the step is already done
  MEETING_NOT_HELD: 'state',
  MEETING_ALREADY_HELD: 'state',
  PROPOSAL_ALREADY_SUBMITTED: 'state',
  SUPPLY_PLAN_ALREADY_APPROVED: 'state',
  SUPPLY_PLAN_NOT_APPROVED: 'state',
  STARTING_PRICE_ALREADY_DECIDED: 'state',
  RESERVE_PRICE_ALREADY_DECIDED: 'state',
  RESERVE_PRICE_NOT_DECIDED: 'state',
  DEAL_ALREADY_CONCLUDED: 'state',
  DEAL_NOT_CONCLUDED: 'state',
  RESERVE_PRICE_ALREADY_DISCLOSED: 'state',
  // the command names something this decision does not have
  PRICE_PROPOSAL_NOT_FOUND: 'not_found',
  PARCEL_NOT_IN_DECISION: 'not_found',
  NOT_ON_AGENDA: 'not_found',
  // a rule forbids it
  ROLE_NOT_ALLOWED: 'rule',
  HELD_AT_IN_FUTURE: 'rule',
  REQUIRED_DEPARTMENT_ABSENT: 'rule',
  NOT_A_PARTICIPANT: 'rule',
  APPRAISAL_NOT_E_FILED: 'rule',
  PLANNING_CONDITIONS_MISSING: 'rule',
  NET_LAND_INCOMPLETE: 'rule',
  FAR_BOUNDS_INVERTED: 'rule',
  RESIDENTIAL_FAR_TOO_LOW: 'rule',
  VILLA_PROHIBITED: 'rule',
  UNIT_AREA_REQUIRED: 'rule',
  UNIT_AREA_EXCEEDS_LIMIT: 'rule',
  DEAL_BELOW_STARTING_PRICE: 'rule',
  RESERVE_PRICE_GROUP_NOT_COLLECTIVE: 'rule',
  DECIDED_AT_IN_FUTURE: 'rule',
  // a document's own instant: not after it is recorded (context.now), not before what it rests on
  RECORDED_AT_IN_FUTURE: 'rule',
  SUBMITTED_AT_IN_FUTURE: 'rule',
  APPROVED_AT_IN_FUTURE: 'rule',
  CONCLUDED_AT_IN_FUTURE: 'rule',
  DISCLOSED_AT_IN_FUTURE: 'rule',
  RECORDED_AT_BEFORE_MEETING: 'rule',
  APPROVED_AT_BEFORE_MEETING: 'rule',
  DECIDED_AT_BEFORE_MEETING: 'rule',
  DECIDED_AT_BEFORE_PROPOSAL: 'rule',
  CONCLUDED_AT_BEFORE_APPROVAL: 'rule',
  CONCLUDED_AT_BEFORE_PRICE: 'rule',
  DISCLOSED_AT_BEFORE_DEAL: 'rule',
  RESERVE_PRICE_OUTSIDE_WINDOW: 'rule',
  POLICY_UNSUPPORTED: 'rule',
  COMMITMENT_MISMATCH: 'rule',
} as const satisfies ErrorCatalogue;

export type DecisionErrorCode = keyof typeof DECISION_ERRORS;

export const fail = failWith(DECISION_ERRORS);
