/**
 * Event data of the idle-land case (DOMAIN.md §5), its publication (T26) and the end of a
 * government temporary use (T25).
 */
import type { IsoDate } from '../../calendar/index.js';
import type { Fen } from '../../money.js';
import type { Versions } from '../stamp.js';
import type { GovernmentCause, GovernmentCauseDisposal, IdleType } from '../state.js';

export type TypeBEvidence = {
  /** Developed area, 4-decimal hectares. */
  readonly developedAreaHa: string;
  /** Area to be developed; the contract area unless stated. */
  readonly areaToDevelopHa: string;
  readonly investedFen: Fen;
  readonly totalInvestmentFen: Fen;
  readonly haltedSince: IsoDate;
  readonly developedAreaBelowThreshold: boolean;
  readonly investmentBelowThreshold: boolean;
};

export type IdleSuspectedData = Versions & {
  readonly caseId: string;
  readonly type: IdleType;
  readonly suspectedOn: IsoDate;
  /** T19 / T20: the date the idle threshold was reached. */
  readonly thresholdDate: IsoDate;
  readonly evidence: TypeBEvidence | null;
  /** T21: serve the investigation notice by this date. */
  readonly investigationDueDate: IsoDate;
};

export type IdleInvestigationNoticeServedData = Versions & {
  readonly caseId: string;
  readonly noticeNo: string;
  readonly servedOn: IsoDate;
  /** T22 */
  readonly materialsDueDate: IsoDate;
};

export type IdleMaterialsSubmittedData = {
  readonly caseId: string;
  readonly submittedOn: IsoDate;
  readonly late: boolean;
  readonly summary: string;
};

export type GovernmentCauseAcceptedData = Versions & {
  readonly caseId: string;
  readonly acceptedOn: IsoDate;
  readonly cause: GovernmentCause;
  readonly disposal: GovernmentCauseDisposal;
  readonly agreementRef: string;
  readonly previousStart: IsoDate;
  readonly previousCompletion: IsoDate;
  /** Re-agreed dates (supplementary agreement); null when the schedule is unchanged. */
  readonly agreedStart: IsoDate | null;
  readonly agreedCompletion: IsoDate | null;
  readonly temporaryUseStartedOn: IsoDate | null;
  /** T25 */
  readonly temporaryUseEndsBy: IsoDate | null;
};

export type IdleLandConfirmedData = {
  readonly caseId: string;
  readonly confirmedOn: IsoDate;
  readonly confirmationNo: string;
  readonly idleSince: IsoDate;
};

export type IdleFeeDecisionIssuedData = Versions & {
  readonly caseId: string;
  readonly decisionNo: string;
  readonly servedOn: IsoDate;
  readonly governmentApprovalRef: string;
  readonly baseFen: Fen;
  readonly rate: string;
  readonly feeFen: Fen;
  /** T23 */
  readonly payBy: IsoDate;
};

export type IdleFeePaidData = {
  readonly caseId: string;
  readonly paidOn: IsoDate;
  readonly amountFen: Fen;
  readonly late: boolean;
};

export type RecoveryDecisionIssuedData = Versions & {
  readonly caseId: string;
  readonly decisionNo: string;
  readonly servedOn: IsoDate;
  readonly approvalRef: string;
  /** T24: agreed start + 2 y (type A); null for a type-B human decision. */
  readonly thresholdDate: IsoDate | null;
  readonly humanDecision: { readonly decidedBy: string; readonly reason: string } | null;
  readonly deregisterBy: IsoDate;
};

export const DEREGISTRATION_METHODS = ['VOLUNTARY', 'PUBLIC_CANCELLATION', 'COURT_ENFORCEMENT'] as const;
export type DeregistrationMethod = (typeof DEREGISTRATION_METHODS)[number];

export type RightDeregisteredData = {
  readonly caseId: string;
  readonly deregisteredOn: IsoDate;
  readonly method: DeregistrationMethod;
};

export type IdleCaseOutcome = 'NOT_IDLE' | 'GOVERNMENT_CAUSE_DISPOSED' | 'FEE_PAID';

export type IdleCaseClosedData = {
  readonly caseId: string;
  readonly closedOn: IsoDate;
  readonly outcome: IdleCaseOutcome;
  readonly reason: string;
};

export type IdleLandPublishedData = {
  readonly caseId: string;
  readonly publishedOn: IsoDate;
  /** e.g. the department portal, 中国土地市场网 (S0 §二(七)). */
  readonly channels: readonly string[];
};

export type IdleLandPublicationWithdrawnData = {
  readonly caseId: string;
  readonly withdrawnOn: IsoDate;
  /** Closing or deregistration date of the case. */
  readonly disposalCompletedOn: IsoDate;
};

export type TemporaryUseEndedData = {
  readonly caseId: string;
  readonly endedOn: IsoDate;
  /** T25 limit stamped when the government cause was accepted. */
  readonly endsBy: IsoDate;
  readonly late: boolean;
};
