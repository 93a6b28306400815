/** Guards shared by the price commands (S4 §六, §九). */
import { fail } from '../errors.js';
import { RESERVE_PRICE_GROUP, type ParcelPricing } from './model.js';

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
