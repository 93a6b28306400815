/** Guards of the price commands (S4 §六). */
import { fail } from '../errors.js';
import type { ParcelPricing, PriceProposal } from '../types.js';

/** DOMAIN.md §12: the role the decider checks itself (others are checked at the API). */
export const RESERVE_PRICE_GROUP = 'RESERVE_PRICE_GROUP';

export const requireGroupRole = (role: string): void => {
  if (role !== RESERVE_PRICE_GROUP) {
    fail('ROLE_NOT_ALLOWED', 'only the reserve-price decision group handles the reserve price', {
      field: 'context.actor.role',
      rule: 'S4 §六',
    });
  }
};

export const requireProposal = (pricing: ParcelPricing, proposalId: string): PriceProposal => {
  const found = pricing.proposals.find((proposal) => proposal.proposalId === proposalId);
  if (found === undefined) {
    return fail(
      'PRICE_PROPOSAL_NOT_FOUND',
      `no e-filed appraisal proposal '${proposalId}' for parcel '${pricing.parcelId}'`,
      {
        field: 'proposalId',
        rule: 'S4 §六',
      },
    );
  }
  return found;
};
