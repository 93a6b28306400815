/** S4 §九: the deal of a parcel of an approved plan, never below the published starting price (S4 §二). */
import { fail } from '../errors.js';
import {
  documentInstant,
  isBlank,
  isPositiveFen,
  requireApprovedPlan,
  requireMeeting,
  requireNoDeal,
  requireNotBefore,
} from '../guards.js';
import { pricingOf } from '../queries.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import type { ConcludeDeal } from './schemas.js';

export const concludeDeal = (command: ConcludeDeal, state: DecisionState): readonly DecisionEvent[] => {
  const { data, context } = command;
  requireMeeting(state);
  const concludedAt = documentInstant(
    data.concludedAt,
    'concludedAt',
    context.now,
    'CONCLUDED_AT_IN_FUTURE',
    'a deal is entered after it was concluded',
  );
  const plan = requireApprovedPlan(state, data.parcelId);
  const pricing = pricingOf(state, data.parcelId);
  requireNoDeal(pricing);
  // S4 §二: the approved plan is then carried out; the deal cannot precede its approval.
  requireNotBefore(
    concludedAt,
    plan.approvedAt,
    'concludedAt',
    'CONCLUDED_AT_BEFORE_APPROVAL',
    'a deal follows the approval of its supply plan',
    'S4 §二',
  );
  // S4 §六 (reserve: at approval or within the hour before bidding) and §二/§三 (starting price): both precede the deal.
  for (const price of [pricing.reservePrice, pricing.startingPrice]) {
    if (price !== null) {
      requireNotBefore(
        concludedAt,
        price.decidedAt,
        'concludedAt',
        'CONCLUDED_AT_BEFORE_PRICE',
        'a deal follows the decisions of its prices',
        'S4 §六',
      );
    }
  }
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
        concludedAt: data.concludedAt,
        confirmationNo: data.confirmationNo,
      },
    },
  ];
};
