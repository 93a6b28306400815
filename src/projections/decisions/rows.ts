/**
 * The rows one decision's folded state writes. Pure: the projection folds, this maps. The reserve
 * price's value is read only from a DISCLOSED reserve price, which the domain reaches only after
 * the deal (evolve ignores a disclosure without one).
 */
import { approvedPlanFor } from '../../domain/decision/queries.js';
import type { DecisionState, ParcelPricing } from '../../domain/decision/types.js';
import { divisionCodeColumn } from '../scope.js';
import {
  PRICING_STAGES,
  type ApprovedPlanJson,
  type DecisionParcelsTable,
  type DecisionParticipantsTable,
  type DecisionsTable,
  type PricingStage,
  type WrittenRow,
} from './tables.js';

/** What the `state` column holds: the domain's state and what the projection checked itself. */
export interface FoldedDecision {
  readonly decision: DecisionState;
  /** Per parcel: the disclosed value and salt hash to the sealed commitment. */
  readonly verified: Readonly<Record<string, boolean>>;
  /** Every distinct metadata.actor.id folded in (absent in states written before version 2). */
  readonly actorIds?: readonly string[];
}

export type HeldDecision = Exclude<DecisionState, { status: 'NONE' }>;

export const participantId = (department: string, person: string): string => `${department}:${person}`;

export const parcelStage = (pricing: ParcelPricing | undefined): PricingStage => {
  if (pricing === undefined) return 'NONE';
  if (pricing.reservePrice?.status === 'DISCLOSED') return 'DISCLOSED';
  if (pricing.deal !== null) return 'DEALT';
  if (pricing.reservePrice !== null || pricing.startingPrice !== null) return 'PRICED';
  return pricing.proposals.length > 0 ? 'PROPOSED' : 'NONE';
};

/** The least advanced stage of the decision's price trails; NONE when no parcel has one. */
const decisionStage = (state: HeldDecision): PricingStage => {
  if (state.parcels.length === 0) return 'NONE';
  const rank = Math.min(...state.parcels.map((pricing) => PRICING_STAGES.indexOf(parcelStage(pricing))));
  return PRICING_STAGES[rank] ?? 'NONE';
};

/** Agenda parcels first, then those of approved plans, then any other price trail; each once. */
export const parcelIdsOf = (state: HeldDecision): string[] => [
  ...new Set([
    ...state.agenda.parcelIds,
    ...state.approvedPlans.flatMap((plan) => plan.parcelIds),
    ...state.parcels.map((pricing) => pricing.parcelId),
  ]),
];

const planSummary = (plan: HeldDecision['approvedPlans'][number]): ApprovedPlanJson => ({
  supplyPlanId: plan.supplyPlanId,
  parcelIds: plan.parcelIds,
  landUseCode: plan.landUse.code,
  residentialSubclass: plan.landUse.residentialSubclass,
  supplyMethod: plan.supplyMethod,
  farLowerBound: plan.farLowerBound,
  farUpperBound: plan.farUpperBound,
  planningConditionsNo: plan.planningConditions.documentNo,
  approver: { id: plan.approver.id, name: plan.approver.name, office: plan.approver.office },
  approvedAt: plan.approvedAt,
  policyVersion: plan.policyVersion,
});

export const decisionRow = (
  decisionId: string,
  folded: FoldedDecision & { readonly decision: HeldDecision },
  revision: number,
  lastEventAt: string,
): WrittenRow<DecisionsTable> => {
  const state = folded.decision;
  const reserves = state.parcels.map((pricing) => pricing.reservePrice).filter((r) => r !== null);
  return {
    decision_id: decisionId,
    jurisdiction: state.jurisdiction,
    division_code: divisionCodeColumn(state.jurisdiction),
    status: state.status,
    held_at: state.heldAt,
    held_at_text: state.heldAt,
    minutes_no: state.minutesNo,
    agenda: { parcelIds: state.agenda.parcelIds, supplyPlanIds: state.agenda.supplyPlanIds },
    attachments: state.attachments.map((a) => ({ documentNo: a.documentNo, title: a.title })),
    approved_plans: state.approvedPlans.map(planSummary),
    approved_plan_count: state.approvedPlans.length,
    first_approved_at: state.approvedPlans[0]?.approvedAt ?? null,
    parcel_count: parcelIdsOf(state).length,
    opinion_count: state.opinions.length,
    pricing_status: decisionStage(state),
    sealed_reserve_count: reserves.filter((r) => r.status === 'SEALED').length,
    disclosed_reserve_count: reserves.filter((r) => r.status === 'DISCLOSED').length,
    deal_count: state.parcels.filter((pricing) => pricing.deal !== null).length,
    revision,
    last_event_at: lastEventAt,
    actor_ids: folded.actorIds ?? [],
    state: folded,
  };
};

export const participantRows = (decisionId: string, state: HeldDecision): WrittenRow<DecisionParticipantsTable>[] => {
  const ids = state.participants.map((p) => participantId(p.department, p.person));
  return state.participants.map((participant, ordinal) => {
    const id = ids[ordinal] ?? '';
    // A person listed twice (two roles) gets the opinions on the first row.
    const opinions =
      ids.indexOf(id) === ordinal
        ? state.opinions
            .filter((o) => participantId(o.department, o.person) === id)
            .map((o) => ({
              item: { kind: o.item.kind, id: o.item.id },
              stance: o.stance,
              text: o.text,
              recordedAt: o.recordedAt,
            }))
        : [];
    return {
      decision_id: decisionId,
      ordinal,
      participant_id: id,
      person: participant.person,
      department: participant.department,
      role: participant.role,
      opinions,
      opinion_count: opinions.length,
      last_opinion_at: opinions.at(-1)?.recordedAt ?? null,
    };
  });
};

export const parcelRows = (
  decisionId: string,
  folded: FoldedDecision & { readonly decision: HeldDecision },
): WrittenRow<DecisionParcelsTable>[] => {
  const state = folded.decision;
  return parcelIdsOf(state).map((parcelId, ordinal) => {
    const pricing = state.parcels.find((p) => p.parcelId === parcelId);
    const plan = approvedPlanFor(state, parcelId);
    const reserve = pricing?.reservePrice ?? null;
    const disclosed = reserve?.status === 'DISCLOSED' ? reserve : null;
    const deal = pricing?.deal ?? null;
    return {
      decision_id: decisionId,
      parcel_id: parcelId,
      ordinal,
      on_agenda: state.agenda.parcelIds.includes(parcelId),
      supply_plan_id: plan?.supplyPlanId ?? null,
      plan_approved_at: plan?.approvedAt ?? null,
      land_use_code: plan?.landUse.code ?? null,
      supply_method: plan?.supplyMethod ?? null,
      pricing_status: parcelStage(pricing),
      proposals: (pricing?.proposals ?? []).map((p) => ({
        proposalId: p.proposalId,
        appraisalReportId: p.appraisalReportId,
        eFilingNo: p.eFilingNo,
        appraisalInstitution: p.appraisalInstitution,
        submittedAt: p.submittedAt,
      })),
      starting_price_fen: pricing?.startingPrice?.startingPriceFen ?? null,
      starting_price_decided_at: pricing?.startingPrice?.decidedAt ?? null,
      reserve_status: reserve?.status ?? 'NONE',
      reserve_commitment: reserve?.commitment ?? null,
      reserve_decided_at: reserve?.decidedAt ?? null,
      reserve_timing: reserve?.timing ?? null,
      reserve_bidding_starts_at: reserve?.biddingStartsAt ?? null,
      reserve_group: reserve ? reserve.groupMembers.map((m) => ({ person: m.person, department: m.department })) : null,
      // S4 §九: the value only once disclosed after the deal; before that the commitment alone.
      reserve_value_fen: disclosed && deal ? disclosed.valueFen : null,
      reserve_disclosed_at: disclosed && deal ? disclosed.disclosedAt : null,
      reserve_met: disclosed && deal ? disclosed.reserveMet : null,
      reserve_verified: disclosed && deal ? (folded.verified[parcelId] ?? false) : null,
      deal_winner_id: deal?.winner.landUserId ?? null,
      deal_winner_name: deal?.winner.name ?? null,
      deal_price_fen: deal?.dealPriceFen ?? null,
      deal_concluded_at: deal?.concludedAt ?? null,
      deal_confirmation_no: deal?.confirmationNo ?? null,
    };
  });
};
