/** Guards shared by several features: the meeting, the parcel, the approved plan, the deal. */
import { instantMillis } from '../instant.js';
import type { Fen } from '../money.js';
import { fail, type DecisionErrorCode } from './errors.js';
import { approvedPlanFor, parcelInDecision } from './queries.js';
import type { ApprovedPlan } from './plan/events.js';
import type { DecisionRecord, DecisionState, ParcelPricing } from './types.js';

export const isBlank = (text: string | null | undefined): boolean =>
  text === null || text === undefined || text.trim() === '';

export const isPositiveFen = (fen: Fen): boolean => Number.isSafeInteger(fen) && fen > 0;

/** The meeting record; every command but HoldMeeting needs the meeting to have been held. */
export const requireMeeting = (
  state: DecisionState,
): DecisionRecord & { readonly status: 'CONVENED' | 'PLAN_APPROVED' } =>
  state.status === 'NONE'
    ? fail('MEETING_NOT_HELD', 'no collective decision meeting has been recorded', { rule: '§10.1' })
    : state;

/** §10.1: prices are proposed and set only for parcels of this decision. */
export const requireParcelInDecision = (state: DecisionState, parcelId: string): void => {
  if (!parcelInDecision(state, parcelId)) {
    fail('PARCEL_NOT_IN_DECISION', `parcel '${parcelId}' is not part of this decision`, {
      field: 'parcelId',
      rule: '§10.1',
    });
  }
};

/** S4 §二: the reserve price and the deal follow the approval of a supply plan covering the parcel. */
export const requireApprovedPlan = (state: DecisionState, parcelId: string): ApprovedPlan => {
  const plan = approvedPlanFor(state, parcelId);
  if (plan === undefined) {
    return fail('SUPPLY_PLAN_NOT_APPROVED', `no approved supply plan covers parcel '${parcelId}'`, {
      field: 'parcelId',
      rule: 'S4 §二',
    });
  }
  return plan;
};

/** S4 §九: once the deal is concluded, no price of the parcel changes. */
export const requireNoDeal = (pricing: ParcelPricing): void => {
  if (pricing.deal !== null) {
    fail('DEAL_ALREADY_CONCLUDED', `the deal for parcel '${pricing.parcelId}' is concluded`, {
      field: 'parcelId',
      rule: 'S4 §九',
    });
  }
};

/**
 * The instant a document bears (a paper document is entered later: `context.now` is only when it
 * was recorded), in epoch ms. It cannot be after it was recorded: `code` names which instant.
 */
export const documentInstant = (
  text: string,
  field: string,
  now: string,
  code: DecisionErrorCode,
  message: string,
): number => {
  const recorded = instantMillis(now, 'context.now');
  const at = instantMillis(text, field);
  if (at > recorded) fail(code, message, { field, recordedAt: now });
  return at;
};

/** A document cannot bear an instant before the one it rests on (`earlier`, an instant on record). */
export const requireNotBefore = (
  at: number,
  earlier: string,
  field: string,
  code: DecisionErrorCode,
  message: string,
  rule: string,
): void => {
  if (at < instantMillis(earlier, 'state')) fail(code, message, { field, rule, notBefore: earlier });
};
