/** S4 §二: the public starting price, from an e-filed appraisal, before the deal. */
import { fail } from '../errors.js';
import {
  documentInstant,
  isPositiveFen,
  requireMeeting,
  requireNoDeal,
  requireNotBefore,
  requireParcelInDecision,
} from '../guards.js';
import { pricingOf } from '../queries.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import { requireProposal } from './guards.js';
import type { DecideStartingPrice } from './schemas.js';

export const decideStartingPrice = (command: DecideStartingPrice, state: DecisionState): readonly DecisionEvent[] => {
  const { data, context } = command;
  const meeting = requireMeeting(state);
  const decidedAt = documentInstant(
    data.decidedAt,
    'decidedAt',
    context.now,
    'DECIDED_AT_IN_FUTURE',
    'a decision is recorded after it is taken',
  );
  // S4 §二, §三: the starting price is part of the supply plan the collective meeting decides.
  requireNotBefore(
    decidedAt,
    meeting.heldAt,
    'decidedAt',
    'DECIDED_AT_BEFORE_MEETING',
    'the starting price is decided at or after the meeting',
    'S4 §二',
  );
  requireParcelInDecision(state, data.parcelId);
  const pricing = pricingOf(state, data.parcelId);
  requireNoDeal(pricing);
  if (pricing.startingPrice !== null) {
    fail('STARTING_PRICE_ALREADY_DECIDED', `the starting price of '${data.parcelId}' is already decided`, {
      field: 'parcelId',
      rule: 'S4 §二',
    });
  }
  const proposal = requireProposal(pricing, data.proposalId);
  requireNotBefore(
    decidedAt,
    proposal.submittedAt,
    'decidedAt',
    'DECIDED_AT_BEFORE_PROPOSAL',
    'a price is decided on an appraisal already submitted',
    'S4 §六',
  );
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
        decidedAt: data.decidedAt,
        proposalId: data.proposalId,
        basis: data.basis,
      },
    },
  ];
};
