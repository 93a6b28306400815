/** S4 §二: the public starting price, from an e-filed appraisal, before the deal. */
import { instantMillis } from '../../instant.js';
import { fail } from '../errors.js';
import { isPositiveFen, requireMeeting, requireNoDeal, requireParcelInDecision } from '../guards.js';
import { pricingOf } from '../queries.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import { requireProposal } from './guards.js';
import type { DecideStartingPrice } from './schemas.js';

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
