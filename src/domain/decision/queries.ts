import type { ApprovedPlan } from './plan/events.js';
import type { DecisionState, ParcelPricing } from './types.js';

/** True when an approved supply plan of this decision covers the parcel: grants cite it (§10.1). */
export const authorisesParcel = (state: DecisionState, parcelId: string): boolean =>
  state.status !== 'NONE' && state.approvedPlans.some((plan) => plan.parcelIds.includes(parcelId));

export const approvedPlanFor = (state: DecisionState, parcelId: string): ApprovedPlan | undefined =>
  state.status === 'NONE' ? undefined : state.approvedPlans.find((plan) => plan.parcelIds.includes(parcelId));

/** A parcel belongs to the decision when it is on the agenda or in an approved plan. */
export const parcelInDecision = (state: DecisionState, parcelId: string): boolean =>
  state.status !== 'NONE' && (state.agenda.parcelIds.includes(parcelId) || authorisesParcel(state, parcelId));

export const pricingOf = (state: DecisionState, parcelId: string): ParcelPricing => {
  const found = state.status === 'NONE' ? undefined : state.parcels.find((p) => p.parcelId === parcelId);
  return found ?? { parcelId, proposals: [], reservePrice: null, startingPrice: null, deal: null };
};
