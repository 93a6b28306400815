import type { Command, DomainEvent } from '../decider.js';
import type { Fen } from '../money.js';
import type {
  Agenda,
  ApprovedPlan,
  Attachment,
  Deal,
  GroupMember,
  Opinion,
  ParcelPricing,
  Participant,
  PriceProposal,
  ReservePriceTiming,
  SealedValue,
  SupplyPlan,
} from './model.js';

export * from './model.js';

/** The meeting as minuted; the command may leave out the attachments (none). */
type MeetingMinutes = {
  readonly decisionId: string;
  /** e.g. 'CN-JS-3201'; selects the policy (§0.3). */
  readonly jurisdiction: string;
  readonly heldAt: string;
  readonly participants: readonly Participant[];
  readonly agenda: Agenda;
  readonly attachments: readonly Attachment[];
  readonly minutesNo: string;
};

/** What the reserve-price group decides, as the command brings it and the event keeps it. */
type ReservePriceDecision = {
  readonly parcelId: string;
  readonly decidedAt: string;
  readonly timing: ReservePriceTiming;
  readonly biddingStartsAt: string | null;
  readonly groupMembers: readonly GroupMember[];
  readonly proposalId: string;
  readonly basis: string;
  /** Sealed by infrastructure (it holds the keys); never the plaintext. */
  readonly sealed: SealedValue;
  /** `reservePriceCommitment(valueFen, salt)`: sha256 hex, checked on disclosure. */
  readonly commitment: string;
};

// ---- commands ----
export type HoldMeeting = Command<
  'HoldMeeting',
  Omit<MeetingMinutes, 'attachments'> & { readonly attachments?: readonly Attachment[] }
>;
export type RecordOpinion = Command<'RecordOpinion', Omit<Opinion, 'recordedAt'>>;
export type SubmitReservePriceProposal = Command<
  'SubmitReservePriceProposal',
  Omit<PriceProposal, 'submittedAt'>
>;
export type ApproveSupplyPlan = Command<'ApproveSupplyPlan', SupplyPlan>;
export type DecideReservePrice = Command<'DecideReservePrice', ReservePriceDecision>;
export type DecideStartingPrice = Command<
  'DecideStartingPrice',
  { readonly parcelId: string; readonly startingPriceFen: Fen; readonly proposalId: string; readonly basis: string }
>;
export type ConcludeDeal = Command<'ConcludeDeal', { readonly parcelId: string } & Omit<Deal, 'concludedAt'>>;
export type DiscloseReservePrice = Command<
  'DiscloseReservePrice',
  { readonly parcelId: string; readonly valueFen: Fen; readonly salt: string }
>;
export type DecisionCommand =
  | HoldMeeting
  | RecordOpinion
  | SubmitReservePriceProposal
  | ApproveSupplyPlan
  | DecideReservePrice
  | DecideStartingPrice
  | ConcludeDeal
  | DiscloseReservePrice;

// ---- events: what the command brought, and the instant or version the decider adds ----
export type CollectiveDecisionMeetingHeld = DomainEvent<'CollectiveDecisionMeetingHeld', MeetingMinutes>;
export type OpinionRecorded = DomainEvent<'OpinionRecorded', Opinion>;
export type ReservePriceProposalSubmitted = DomainEvent<'ReservePriceProposalSubmitted', PriceProposal>;
export type SupplyPlanApproved = DomainEvent<'SupplyPlanApproved', ApprovedPlan>;
/** Carries the sealed value and a commitment, never the plaintext (S4 §六). */
export type ReservePriceDecided = DomainEvent<'ReservePriceDecided', ReservePriceDecision & { readonly policyVersion: string }>;
export type StartingPriceDecided = DomainEvent<'StartingPriceDecided', DecideStartingPrice['data'] & { readonly decidedAt: string }>;
export type DealConcluded = DomainEvent<'DealConcluded', { readonly parcelId: string } & Deal>;
/** S4 §九 成交后底价公示: the plaintext appears here and nowhere earlier. */
export type ReservePriceDisclosed = DomainEvent<
  'ReservePriceDisclosed',
  DiscloseReservePrice['data'] & { readonly disclosedAt: string; readonly reserveMet: boolean }
>;
export type DecisionEvent =
  | CollectiveDecisionMeetingHeld
  | OpinionRecorded
  | ReservePriceProposalSubmitted
  | SupplyPlanApproved
  | ReservePriceDecided
  | StartingPriceDecided
  | DealConcluded
  | ReservePriceDisclosed;

// ---- state ----
export type DecisionRecord = MeetingMinutes & {
  readonly opinions: readonly Opinion[];
  readonly approvedPlans: readonly ApprovedPlan[];
  readonly parcels: readonly ParcelPricing[];
};

/** NONE → CONVENED (meeting held) → PLAN_APPROVED (at least one supply plan approved). */
export type DecisionState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'CONVENED' | 'PLAN_APPROVED' } & DecisionRecord);
