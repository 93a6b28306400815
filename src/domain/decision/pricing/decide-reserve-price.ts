/** T30 and S4 §六, §九: the reserve price is decided sealed and disclosed only after the deal. */
import { instantMillis } from '../../instant.js';
import { fail } from '../errors.js';
import {
  documentInstant,
  isBlank,
  requireApprovedPlan,
  requireMeeting,
  requireNoDeal,
  requireNotBefore,
} from '../guards.js';
import type { DecisionOptions } from '../options.js';
import { pricingOf } from '../queries.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import { COMMITMENT_FORMAT, MIN_SALT_LENGTH, reservePriceCommitment } from './commitment.js';
import { requireGroupRole, requireProposal } from './guards.js';
import { millisBefore } from './reserve-window.js';
import type { DecideReservePrice, DiscloseReservePrice } from './schemas.js';

export const decideReservePrice = (
  command: DecideReservePrice,
  state: DecisionState,
  options: DecisionOptions,
): readonly DecisionEvent[] => {
  const { data, context } = command;
  const meeting = requireMeeting(state);
  requireGroupRole(context.actor.role);
  const plan = requireApprovedPlan(state, data.parcelId);
  const pricing = pricingOf(state, data.parcelId);
  requireNoDeal(pricing);
  if (pricing.reservePrice !== null) {
    fail('RESERVE_PRICE_ALREADY_DECIDED', `the reserve price of '${data.parcelId}' is already decided`, {
      field: 'parcelId',
      rule: 'T30',
    });
  }
  const proposal = requireProposal(pricing, data.proposalId);
  if (new Set(data.groupMembers.filter((m) => !isBlank(m.person)).map((m) => m.person)).size < 2) {
    fail('RESERVE_PRICE_GROUP_NOT_COLLECTIVE', 'the reserve price is decided collectively (at least two members)', {
      field: 'groupMembers',
      rule: 'S4 §六',
    });
  }
  if (isBlank(data.sealed.algorithm) || isBlank(data.sealed.ciphertext) || isBlank(data.sealed.keyId)) {
    fail('SEALED_VALUE_REQUIRED', 'the reserve price arrives sealed (algorithm, ciphertext, keyId)', {
      field: 'sealed',
      rule: 'S4 §六',
    });
  }
  if (!COMMITMENT_FORMAT.test(data.commitment)) {
    fail('COMMITMENT_FORMAT', 'commitment must be 64 lowercase hex characters (sha256)', {
      field: 'commitment',
      rule: 'S4 §九',
    });
  }
  const decidedAt = instantMillis(data.decidedAt, 'decidedAt');
  if (decidedAt > instantMillis(context.now, 'context.now')) {
    fail('DECIDED_AT_IN_FUTURE', 'a decision is recorded after it is taken', { field: 'decidedAt' });
  }
  // S4 §六: the group decides with the appraisal result as its main reference.
  requireNotBefore(
    decidedAt,
    proposal.submittedAt,
    'decidedAt',
    'DECIDED_AT_BEFORE_PROPOSAL',
    'a price is decided on an appraisal already submitted',
    'S4 §六',
  );
  const policy = options.policyFor(meeting.jurisdiction);
  switch (data.timing) {
    case 'AT_PLAN_APPROVAL':
      // Decided with the plan means at the approval itself; anything later needs the 1 h window.
      if (decidedAt !== instantMillis(plan.approvedAt, 'approvedAt')) {
        fail('RESERVE_PRICE_OUTSIDE_WINDOW', `decided at plan approval means at ${plan.approvedAt}`, {
          field: 'decidedAt',
          rule: 'T30',
        });
      }
      break;
    case 'BEFORE_BIDDING': {
      if (data.biddingStartsAt === null || isBlank(data.biddingStartsAt)) {
        return fail('BIDDING_START_REQUIRED', 'the bidding start instant is required', {
          field: 'biddingStartsAt',
          rule: 'T30',
        });
      }
      const start = instantMillis(data.biddingStartsAt, 'biddingStartsAt');
      if (
        decidedAt > start ||
        decidedAt < millisBefore(data.biddingStartsAt, policy.reservePriceWindow, 'biddingStartsAt')
      ) {
        fail('RESERVE_PRICE_OUTSIDE_WINDOW', 'the reserve price is decided within the window before bidding starts', {
          field: 'decidedAt',
          rule: 'T30',
          policyVersion: policy.version,
        });
      }
      break;
    }
    default: {
      const _never: never = data.timing;
      return fail('UNKNOWN_TIMING', `unknown timing ${String(_never)}`, { field: 'timing', rule: 'T30' });
    }
  }
  return [
    {
      type: 'ReservePriceDecided',
      data: {
        parcelId: data.parcelId,
        decidedAt: data.decidedAt,
        timing: data.timing,
        biddingStartsAt: data.timing === 'BEFORE_BIDDING' ? data.biddingStartsAt : null,
        groupMembers: data.groupMembers,
        proposalId: data.proposalId,
        basis: data.basis,
        sealed: { algorithm: data.sealed.algorithm, ciphertext: data.sealed.ciphertext, keyId: data.sealed.keyId },
        commitment: data.commitment,
        policyVersion: policy.version,
      },
    },
  ];
};

export const discloseReservePrice = (command: DiscloseReservePrice, state: DecisionState): readonly DecisionEvent[] => {
  const { data, context } = command;
  requireMeeting(state);
  requireGroupRole(context.actor.role);
  const disclosedAt = documentInstant(
    data.disclosedAt,
    'disclosedAt',
    context.now,
    'DISCLOSED_AT_IN_FUTURE',
    'a disclosure is entered after it was published',
  );
  const pricing = pricingOf(state, data.parcelId);
  const reserve = pricing.reservePrice;
  if (reserve === null) {
    return fail('RESERVE_PRICE_NOT_DECIDED', `parcel '${data.parcelId}' has no reserve price`, {
      field: 'parcelId',
      rule: 'S4 §六',
    });
  }
  if (pricing.deal === null) {
    return fail('DEAL_NOT_CONCLUDED', 'the reserve price stays sealed until the deal is concluded', {
      field: 'parcelId',
      rule: 'S4 §九',
    });
  }
  // S4 §九 成交后底价公示: published after the deal.
  requireNotBefore(
    disclosedAt,
    pricing.deal.concludedAt,
    'disclosedAt',
    'DISCLOSED_AT_BEFORE_DEAL',
    'the reserve price is published after the deal',
    'S4 §九',
  );
  if (reserve.status === 'DISCLOSED') {
    fail('RESERVE_PRICE_ALREADY_DISCLOSED', `the reserve price of '${data.parcelId}' is already disclosed`, {
      field: 'parcelId',
    });
  }
  if (!Number.isSafeInteger(data.valueFen) || data.valueFen <= 0) {
    fail('RESERVE_PRICE_INVALID', 'the reserve price is a positive integer amount of fen', { field: 'valueFen' });
  }
  if (data.salt.length < MIN_SALT_LENGTH) {
    fail('SALT_TOO_SHORT', `the commitment salt must have at least ${MIN_SALT_LENGTH} characters`, {
      field: 'salt',
      rule: 'S4 §六',
    });
  }
  if (reservePriceCommitment(data.valueFen, data.salt) !== reserve.commitment) {
    fail('COMMITMENT_MISMATCH', 'value and salt do not match the commitment sealed with the decision', {
      field: 'valueFen',
      rule: 'S4 §九',
    });
  }
  return [
    {
      type: 'ReservePriceDisclosed',
      data: {
        parcelId: data.parcelId,
        valueFen: data.valueFen,
        salt: data.salt,
        disclosedAt: data.disclosedAt,
        // A deal below the reserve should not have been concluded: keep the fact on record.
        reserveMet: pricing.deal.dealPriceFen >= data.valueFen,
      },
    },
  ];
};
