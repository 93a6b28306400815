import { pricingOf } from './queries.js';
import type { DecisionEvent, DecisionState, ParcelPricing } from './types.js';

export const initialState = (): DecisionState => ({ status: 'NONE' });

type Held = Exclude<DecisionState, { status: 'NONE' }>;
type PricingStep = (pricing: ParcelPricing) => ParcelPricing | undefined;

/** Applies `step` to one parcel's price trail; undefined from `step` means the event does not apply. */
const withPricing = (state: Held, parcelId: string, step: PricingStep): DecisionState => {
  const next = step(pricingOf(state, parcelId));
  if (next === undefined) return state;
  const known = state.parcels.some((pricing) => pricing.parcelId === parcelId);
  const parcels = known
    ? state.parcels.map((pricing) => (pricing.parcelId === parcelId ? next : pricing))
    : [...state.parcels, next];
  return { ...state, parcels };
};

export const evolve = (state: DecisionState, event: DecisionEvent): DecisionState => {
  if (event.type === 'CollectiveDecisionMeetingHeld') {
    if (state.status !== 'NONE') return state;
    return { status: 'CONVENED', ...event.data, opinions: [], approvedPlans: [], parcels: [] };
  }
  if (state.status === 'NONE') return state;
  const held: Held = state;
  switch (event.type) {
    case 'OpinionRecorded':
      return { ...held, opinions: [...held.opinions, event.data] };
    case 'ReservePriceProposalSubmitted':
      return withPricing(held, event.data.parcelId, (pricing) => ({
        ...pricing,
        proposals: [...pricing.proposals, event.data],
      }));
    case 'SupplyPlanApproved':
      if (held.approvedPlans.some((plan) => plan.supplyPlanId === event.data.supplyPlanId)) return state;
      return { ...held, status: 'PLAN_APPROVED', approvedPlans: [...held.approvedPlans, event.data] };
    case 'ReservePriceDecided': {
      // Only what disclosure needs is kept; the ciphertext stays in the event, never in state.
      const { parcelId, decidedAt, timing, biddingStartsAt, groupMembers, proposalId, commitment, sealed } = event.data;
      const reservePrice = {
        status: 'SEALED',
        decidedAt,
        timing,
        biddingStartsAt,
        groupMembers,
        proposalId,
        commitment,
        keyId: sealed.keyId,
      } as const;
      return withPricing(held, parcelId, (pricing) =>
        pricing.reservePrice !== null ? undefined : { ...pricing, reservePrice },
      );
    }
    case 'StartingPriceDecided': {
      const { parcelId, startingPriceFen, decidedAt, proposalId } = event.data;
      const startingPrice = { startingPriceFen, decidedAt, proposalId };
      return withPricing(held, parcelId, (pricing) =>
        pricing.startingPrice !== null ? undefined : { ...pricing, startingPrice },
      );
    }
    case 'DealConcluded': {
      const { parcelId, winner, dealPriceFen, concludedAt, confirmationNo } = event.data;
      const deal = { winner, dealPriceFen, concludedAt, confirmationNo };
      return withPricing(held, parcelId, (pricing) => (pricing.deal !== null ? undefined : { ...pricing, deal }));
    }
    case 'ReservePriceDisclosed': {
      const { parcelId, valueFen, disclosedAt, reserveMet } = event.data;
      return withPricing(held, parcelId, (pricing) => {
        const sealed = pricing.reservePrice;
        if (sealed?.status !== 'SEALED' || pricing.deal === null) return undefined;
        return { ...pricing, reservePrice: { ...sealed, status: 'DISCLOSED', valueFen, disclosedAt, reserveMet } };
      });
    }
    default: {
      const _never: never = event;
      return state;
    }
  }
};
