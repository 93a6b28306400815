/** Guards shared by the price commands (S4 §六, §九). */
import { fail } from '../errors.js';
import { RESERVE_PRICE_GROUP, type ApprovedPlan, type ParcelPricing } from './model.js';
import { approvedPlanFor, parcelInDecision } from './queries.js';
import type { DecisionState } from './types.js';

export const isPositiveFen = (fen: number): boolean => Number.isSafeInteger(fen) && fen > 0;

export const requireProposal = (pricing: ParcelPricing, proposalId: string): void => {
  if (!pricing.proposals.some((proposal) => proposal.proposalId === proposalId)) {
    fail('PRICE_PROPOSAL_NOT_FOUND', `no e-filed appraisal proposal '${proposalId}' for parcel '${pricing.parcelId}'`, {
      field: 'proposalId',
      rule: 'S4 §六',
    });
  }
};

export const requireNoDeal = (pricing: ParcelPricing): void => {
  if (pricing.deal !== null) {
    fail('DEAL_ALREADY_CONCLUDED', `the deal for parcel '${pricing.parcelId}' is concluded`, {
      field: 'parcelId',
      rule: 'S4 §九',
    });
  }
};

export const requireGroupRole = (role: string): void => {
  if (role !== RESERVE_PRICE_GROUP) {
    fail('ROLE_NOT_ALLOWED', 'only the reserve-price decision group handles the reserve price', {
      field: 'context.actor.role',
      rule: 'S4 §六',
    });
  }
};

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
