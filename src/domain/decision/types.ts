/**
 * The decision aggregate's unions and state. Each feature folder holds its command schemas
 * (the command types are `z.output` of them) and its events; this file gathers them.
 */
import type { CollectiveDecisionMeetingHeld, MeetingMinutes, Opinion, OpinionRecorded } from './meeting/events.js';
import type { HoldMeeting, RecordOpinion } from './meeting/schemas.js';
import type { ApprovedPlan, SupplyPlanApproved } from './plan/events.js';
import type { ApproveSupplyPlan } from './plan/schemas.js';
import type {
  ReservePrice,
  ReservePriceDecided,
  ReservePriceDisclosed,
  ReservePriceProposalSubmitted,
  StartingPrice,
  StartingPriceDecided,
} from './pricing/events.js';
import type {
  DecideReservePrice,
  DecideStartingPrice,
  DiscloseReservePrice,
  PriceProposal,
  SubmitReservePriceProposal,
} from './pricing/schemas.js';
import type { Deal, DealConcluded } from './deal/events.js';
import type { ConcludeDeal } from './deal/schemas.js';

export { DEPARTMENTS, type Department } from './departments.js';
export {
  STANCES,
  type Agenda,
  type AgendaItem,
  type Attachment,
  type Participant,
  type Stance,
} from './meeting/schemas.js';
export type { HoldMeeting, RecordOpinion, MeetingMinutes, Opinion, CollectiveDecisionMeetingHeld, OpinionRecorded };
export {
  NET_LAND_ITEMS,
  type Approver,
  type NetLandChecklist,
  type PlanningConditions,
  type SupplyPlan,
} from './plan/schemas.js';
export type { ApproveSupplyPlan, ApprovedPlan, SupplyPlanApproved };
export type { GroupMember, ReservePriceTiming, SealedValue } from './pricing/schemas.js';
export { RESERVE_PRICE_GROUP } from './pricing/guards.js';
export type {
  SubmitReservePriceProposal,
  DecideReservePrice,
  DecideStartingPrice,
  DiscloseReservePrice,
  PriceProposal,
};
export type {
  ReservePrice,
  StartingPrice,
  ReservePriceProposalSubmitted,
  ReservePriceDecided,
  StartingPriceDecided,
  ReservePriceDisclosed,
};
export type { Winner } from './deal/schemas.js';
export type { ConcludeDeal, Deal, DealConcluded };

export type DecisionCommand =
  | HoldMeeting
  | RecordOpinion
  | SubmitReservePriceProposal
  | ApproveSupplyPlan
  | DecideReservePrice
  | DecideStartingPrice
  | ConcludeDeal
  | DiscloseReservePrice;

export type DecisionEvent =
  | CollectiveDecisionMeetingHeld
  | OpinionRecorded
  | ReservePriceProposalSubmitted
  | SupplyPlanApproved
  | ReservePriceDecided
  | StartingPriceDecided
  | DealConcluded
  | ReservePriceDisclosed;

/** The price trail of one parcel (§10.1 "process and result of setting the prices"). */
export type ParcelPricing = {
  readonly parcelId: string;
  readonly proposals: readonly PriceProposal[];
  readonly reservePrice: ReservePrice | null;
  readonly startingPrice: StartingPrice | null;
  readonly deal: Deal | null;
};

export type DecisionRecord = MeetingMinutes & {
  readonly opinions: readonly Opinion[];
  readonly approvedPlans: readonly ApprovedPlan[];
  readonly parcels: readonly ParcelPricing[];
};

/** NONE → CONVENED (meeting held) → PLAN_APPROVED (at least one supply plan approved). */
export type DecisionState =
  { readonly status: 'NONE' } | ({ readonly status: 'CONVENED' | 'PLAN_APPROVED' } & DecisionRecord);
