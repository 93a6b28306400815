/** S4 §九: the deal of a parcel of an approved plan, never below the published starting price (S4 §二). */
import { instantMillis } from '../../instant.js';
import { fail } from '../errors.js';
import { isBlank, isPositiveFen, requireApprovedPlan, requireMeeting, requireNoDeal } from '../guards.js';
import { pricingOf } from '../queries.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import type { ConcludeDeal } from './schemas.js';

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
