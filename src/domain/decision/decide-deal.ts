/** The public prices and the deal: starting price (S4 §二) and deal conclusion (S4 §九). */
import { fail } from '../errors.js';
import { instantMillis } from '../instant.js';
import { isBlank, requireMeeting } from './options.js';
import { isPositiveFen, requireApprovedPlan, requireNoDeal, requireParcelInDecision, requireProposal } from './pricing-guards.js';
import { pricingOf } from './queries.js';
import type { ConcludeDeal, DecideStartingPrice, DecisionEvent, DecisionState } from './types.js';

export const decideStartingPrice = (command: DecideStartingPrice, state: DecisionState): readonly DecisionEvent[] => {
  const { data, context } = command;
  requireMeeting(state);
  instantMillis(context.now, 'context.now');
  requireParcelInDecision(state, data.parcelId);
  const pricing = pricingOf(state, data.parcelId);
  requireNoDeal(pricing);
  if (pricing.startingPrice !== null) {
    fail('STARTING_PRICE_ALREADY_DECIDED', `the starting price of '${data.parcelId}' is already decided`, {
      field: 'parcelId',
      rule: 'S4 §二',
    });
  }
  requireProposal(pricing, data.proposalId);
  if (!isPositiveFen(data.startingPriceFen)) {
    fail('STARTING_PRICE_INVALID', 'the starting price is a positive integer amount of fen', {
      field: 'startingPriceFen',
    });
  }
  return [
    {
      type: 'StartingPriceDecided',
      data: {
        parcelId: data.parcelId,
        startingPriceFen: data.startingPriceFen,
        decidedAt: context.now,
        proposalId: data.proposalId,
        basis: data.basis,
      },
    },
  ];
};

export const concludeDeal = (command: ConcludeDeal, state: DecisionState): readonly DecisionEvent[] => {
  const { data, context } = command;
  requireMeeting(state);
  instantMillis(context.now, 'context.now');
  requireApprovedPlan(state, data.parcelId);
  const pricing = pricingOf(state, data.parcelId);
  requireNoDeal(pricing);
  if (isBlank(data.winner.landUserId) || isBlank(data.winner.name)) {
    fail('WINNER_REQUIRED', 'the winner (id and name) is required', { field: 'winner' });
  }
  if (!isPositiveFen(data.dealPriceFen)) {
    fail('DEAL_PRICE_INVALID', 'the deal price is a positive integer amount of fen', { field: 'dealPriceFen' });
  }
  if (pricing.startingPrice !== null && data.dealPriceFen < pricing.startingPrice.startingPriceFen) {
    fail('DEAL_BELOW_STARTING_PRICE', 'a deal cannot be below the published starting price', {
      field: 'dealPriceFen',
      rule: 'S4 §二',
    });
  }
  if (isBlank(data.confirmationNo)) {
    fail('CONFIRMATION_NO_REQUIRED', 'the deal confirmation / award notice number is required', {
      field: 'confirmationNo',
    });
  }
  return [
    {
      type: 'DealConcluded',
      data: {
        parcelId: data.parcelId,
        winner: { landUserId: data.winner.landUserId, name: data.winner.name },
        dealPriceFen: data.dealPriceFen,
        concludedAt: context.now,
        confirmationNo: data.confirmationNo,
      },
    },
  ];
};
