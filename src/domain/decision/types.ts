import type { Command, DomainEvent } from '../decider.js';
import type { Fen } from '../money.js';
import type {
  Agenda,
  AgendaItem,
  ApprovedPlan,
  Attachment,
  Department,
  GroupMember,
  Opinion,
  ParcelPricing,
  Participant,
  PriceProposal,
  ReservePriceTiming,
  SealedValue,
  Stance,
  SupplyPlan,
  Winner,
} from './model.js';

export * from './model.js';

// ---- events ----
export type CollectiveDecisionMeetingHeld = DomainEvent<
  'CollectiveDecisionMeetingHeld',
  {
    readonly decisionId: string;
    readonly jurisdiction: string;
    readonly heldAt: string;
    readonly participants: readonly Participant[];
    readonly agenda: Agenda;
    readonly attachments: readonly Attachment[];
    readonly minutesNo: string;
  }
>;
export type OpinionRecorded = DomainEvent<'OpinionRecorded', Opinion>;
export type ReservePriceProposalSubmitted = DomainEvent<'ReservePriceProposalSubmitted', PriceProposal>;
export type SupplyPlanApproved = DomainEvent<'SupplyPlanApproved', ApprovedPlan>;
/** Carries the sealed value and a commitment, never the plaintext (S4 §六). */
export type ReservePriceDecided = DomainEvent<
  'ReservePriceDecided',
  {
    readonly parcelId: string;
    readonly decidedAt: string;
    readonly timing: ReservePriceTiming;
    readonly biddingStartsAt: string | null;
    readonly groupMembers: readonly GroupMember[];
    readonly proposalId: string;
    readonly basis: string;
    readonly sealed: SealedValue;
    readonly commitment: string;
    readonly policyVersion: string;
  }
>;
export type StartingPriceDecided = DomainEvent<
  'StartingPriceDecided',
  {
    readonly parcelId: string;
    readonly startingPriceFen: Fen;
    readonly decidedAt: string;
    readonly proposalId: string;
    readonly basis: string;
  }
>;
export type DealConcluded = DomainEvent<
  'DealConcluded',
  {
    readonly parcelId: string;
    readonly winner: Winner;
    readonly dealPriceFen: Fen;
    readonly concludedAt: string;
    readonly confirmationNo: string;
  }
>;
/** S4 §九 成交后底价公示: the plaintext appears here and nowhere earlier. */
export type ReservePriceDisclosed = DomainEvent<
  'ReservePriceDisclosed',
  {
    readonly parcelId: string;
    readonly valueFen: Fen;
    readonly salt: string;
    readonly disclosedAt: string;
    readonly reserveMet: boolean;
  }
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

// ---- commands ----
export type HoldMeeting = Command<
  'HoldMeeting',
  {
    readonly decisionId: string;
    /** e.g. 'CN-JS-3201'; selects the policy (§0.3). */
    readonly jurisdiction: string;
    readonly heldAt: string;
    readonly participants: readonly Participant[];
    readonly agenda: Agenda;
    readonly attachments?: readonly Attachment[];
    readonly minutesNo: string;
  }
>;
export type RecordOpinion = Command<
  'RecordOpinion',
  {
    readonly person: string;
    readonly department: Department;
    readonly item: AgendaItem;
    readonly stance: Stance;
    readonly text: string;
  }
>;
export type SubmitReservePriceProposal = Command<
  'SubmitReservePriceProposal',
  Omit<PriceProposal, 'submittedAt'>
>;
export type ApproveSupplyPlan = Command<'ApproveSupplyPlan', SupplyPlan>;
export type DecideReservePrice = Command<
  'DecideReservePrice',
  {
    readonly parcelId: string;
    readonly decidedAt: string;
    readonly timing: ReservePriceTiming;
    readonly biddingStartsAt: string | null;
    readonly groupMembers: readonly GroupMember[];
    readonly proposalId: string;
    readonly basis: string;
    /** Sealed by infrastructure (it holds the keys); the command never carries the plaintext. */
    readonly sealed: SealedValue;
    /** `reservePriceCommitment(valueFen, salt)`: sha256 hex, checked on disclosure. */
    readonly commitment: string;
  }
>;
export type DecideStartingPrice = Command<
  'DecideStartingPrice',
  { readonly parcelId: string; readonly startingPriceFen: Fen; readonly proposalId: string; readonly basis: string }
>;
export type ConcludeDeal = Command<
  'ConcludeDeal',
  { readonly parcelId: string; readonly winner: Winner; readonly dealPriceFen: Fen; readonly confirmationNo: string }
>;
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

// ---- state ----
export type DecisionRecord = {
  readonly decisionId: string;
  readonly jurisdiction: string;
  readonly heldAt: string;
  readonly minutesNo: string;
  readonly participants: readonly Participant[];
  readonly agenda: Agenda;
  readonly attachments: readonly Attachment[];
  readonly opinions: readonly Opinion[];
  readonly approvedPlans: readonly ApprovedPlan[];
  readonly parcels: readonly ParcelPricing[];
};

/** NONE → CONVENED (meeting held) → PLAN_APPROVED (at least one supply plan approved). */
export type DecisionState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'CONVENED' | 'PLAN_APPROVED' } & DecisionRecord);
