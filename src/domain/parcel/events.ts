/**
 * Events of the parcel aggregate. Data is plain JSON: ISO dates, integer fen, decimal-string
 * rates, 4-decimal hectare strings. Events that embody a computed deadline carry the
 * `policyVersion` and `calendarVersion` used, so a replay reproduces the same dates (§4 notes).
 * Data shapes are type aliases (not interfaces) so they stay assignable to plain records.
 */
import type { IsoDate } from '../calendar/index.js';
import type { DomainEvent } from '../decider.js';
import type { Fen } from '../money.js';
import type {
  ExtensionKind,
  GovernmentCause,
  GovernmentCauseDisposal,
  GrantTerms,
  IdleType,
  InspectionKind,
  Instalment,
} from './state.js';

/** Stamp on every event that stores a computed date. */
export type Versions = { readonly policyVersion: string; readonly calendarVersion: string };

export type DealConfirmedData = Versions & {
  readonly parcelId: string;
  readonly jurisdiction: string;
  readonly winnerId: string;
  readonly confirmedOn: IsoDate;
  /** T01: last day to sign the contract. */
  readonly signingDeadline: IsoDate;
  readonly provisional: boolean;
};

export type SupplyAbortedData = {
  readonly abortedOn: IsoDate;
  readonly signingDeadline: IsoDate;
  readonly depositForfeited: true;
  readonly reason: string;
};

/** Shared by both grant documents (§3.2). */
export type GrantedData = Versions & {
  readonly parcelId: string;
  readonly jurisdiction: string;
  readonly supervisionNo: string;
  readonly grantedOn: IsoDate;
  readonly dealConfirmedOn: IsoDate | null;
  readonly terms: GrantTerms;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  /** T11: the start-window limits checked at grant; null where the policy sets none. */
  readonly startWindow: { readonly normalLimit: IsoDate; readonly maxLimit: IsoDate; readonly beyondNormal: boolean } | null;
};

export type TransferContractSignedData = GrantedData & { readonly instalments: readonly Instalment[] };
export type AllocationDecisionIssuedData = GrantedData;

export type PaymentReceivedData = {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly amountFen: Fen;
  readonly paidOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly outstandingAfterFen: Fen;
};

export type LatePaymentDamagesAssessedData = {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly principalFen: Fen;
  readonly ratePerDay: string;
  readonly dueDate: IsoDate;
  readonly paidOn: IsoDate;
  readonly daysLate: number;
  readonly damagesFen: Fen;
};

export type PaymentDemandServedData = {
  readonly demandId: string;
  readonly instalmentNo: number;
  readonly servedOn: IsoDate;
  readonly overdueFen: Fen;
  readonly daysOverdue: number;
};

export type ContractTerminatedData = Versions & {
  readonly terminatedOn: IsoDate;
  readonly instalmentNo: number;
  readonly dueDate: IsoDate;
  readonly daysOverdue: number;
  /** T08: the last day on which termination was still not allowed (due + 60 cd). */
  readonly thresholdDate: IsoDate;
  readonly demandId: string;
  readonly governmentApprovalRef: string | null;
  readonly depositForfeitedFen: Fen;
  readonly reason: string;
};

export type GrantRevokedData = {
  readonly revokedOn: IsoDate;
  readonly provincialApprovalRef: string | null;
  readonly reason: string;
  readonly policyVersion: string;
};

export type LandDeliveryConfirmedData = {
  readonly deliveredOn: IsoDate;
  readonly confirmationNo: string;
  readonly contractDeliveryDate: IsoDate;
  /** T09: grantor's delay; the land-use term counts from actual delivery (E3). */
  readonly daysLate: number;
};

export type LandApprovalCertificateIssuedData = Versions & {
  readonly certificateNo: string;
  readonly issuedOn: IsoDate;
  /** T10: null where the policy sets no site-publicity period. */
  readonly sitePublicityDueDate: IsoDate | null;
};

export type SitePublicityPostedData = Versions & {
  readonly postedOn: IsoDate;
  /** T10, recomputed with the policy in force when the posting is recorded. */
  readonly dueDate: IsoDate | null;
  readonly late: boolean;
  readonly photoRefs: readonly string[];
};

export type DeclaredData = {
  readonly declarationNo: string;
  readonly declaredOn: IsoDate;
  /** The start (or completion) date claimed by the user. */
  readonly claimedDate: IsoDate;
  /** Construction permit (start) or completion-acceptance proof (completion). */
  readonly evidenceRef: string;
};

export type VerifiedData = {
  readonly verifiedOn: IsoDate;
  readonly actualDate: IsoDate;
  readonly agreedDate: IsoDate;
  /** Days after the effective agreed date (C3 credit trigger); 0 when on time. */
  readonly daysLate: number;
};

export type DeclarationRejectedData = { readonly rejectedOn: IsoDate; readonly reason: string };

export type SiteInspectionRecordedData = {
  readonly inspectionId: string;
  readonly inspectedOn: IsoDate;
  readonly kind: InspectionKind;
  readonly inspectorId: string;
  readonly findings: string;
  readonly photoRefs: readonly string[];
};

export type ExtensionRequestedData = Versions & {
  readonly requestId: string;
  readonly kind: ExtensionKind;
  readonly requestedOn: IsoDate;
  readonly currentDate: IsoDate;
  readonly requestedDate: IsoDate;
  readonly reason: string;
  /** T17: last day the request could be filed. */
  readonly latestFilingDate: IsoDate;
};

export type ExtensionApprovedData = Versions & {
  readonly requestId: string;
  readonly kind: ExtensionKind;
  readonly decidedOn: IsoDate;
  readonly approvalRef: string;
  readonly previousStart: IsoDate;
  readonly previousCompletion: IsoDate;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  readonly shiftDays: number;
  /** T18: the latest date an extension could reach. */
  readonly maxDate: IsoDate;
};

export type ExtensionRejectedData = { readonly requestId: string; readonly decidedOn: IsoDate; readonly reason: string };

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

export type IdleFeePaidData = { readonly caseId: string; readonly paidOn: IsoDate; readonly amountFen: Fen; readonly late: boolean };

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

export type DeregistrationMethod = 'VOLUNTARY' | 'PUBLIC_CANCELLATION' | 'COURT_ENFORCEMENT';

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

export type ParcelEvent =
  | DomainEvent<'DealConfirmed', DealConfirmedData>
  | DomainEvent<'SupplyAborted', SupplyAbortedData>
  | DomainEvent<'TransferContractSigned', TransferContractSignedData>
  | DomainEvent<'AllocationDecisionIssued', AllocationDecisionIssuedData>
  | DomainEvent<'PaymentReceived', PaymentReceivedData>
  | DomainEvent<'LatePaymentDamagesAssessed', LatePaymentDamagesAssessedData>
  | DomainEvent<'PaymentDemandServed', PaymentDemandServedData>
  | DomainEvent<'ContractTerminated', ContractTerminatedData>
  | DomainEvent<'GrantRevoked', GrantRevokedData>
  | DomainEvent<'LandDeliveryConfirmed', LandDeliveryConfirmedData>
  | DomainEvent<'LandApprovalCertificateIssued', LandApprovalCertificateIssuedData>
  | DomainEvent<'SitePublicityPosted', SitePublicityPostedData>
  | DomainEvent<'ConstructionStartDeclared', DeclaredData>
  | DomainEvent<'ConstructionStartVerified', VerifiedData>
  | DomainEvent<'ConstructionStartDeclarationRejected', DeclarationRejectedData>
  | DomainEvent<'CompletionDeclared', DeclaredData>
  | DomainEvent<'CompletionVerified', VerifiedData>
  | DomainEvent<'CompletionDeclarationRejected', DeclarationRejectedData>
  | DomainEvent<'SiteInspectionRecorded', SiteInspectionRecordedData>
  | DomainEvent<'ExtensionRequested', ExtensionRequestedData>
  | DomainEvent<'ExtensionApproved', ExtensionApprovedData>
  | DomainEvent<'ExtensionRejected', ExtensionRejectedData>
  | DomainEvent<'IdleSuspected', IdleSuspectedData>
  | DomainEvent<'IdleInvestigationNoticeServed', IdleInvestigationNoticeServedData>
  | DomainEvent<'IdleMaterialsSubmitted', IdleMaterialsSubmittedData>
  | DomainEvent<'GovernmentCauseAccepted', GovernmentCauseAcceptedData>
  | DomainEvent<'IdleLandConfirmed', IdleLandConfirmedData>
  | DomainEvent<'IdleFeeDecisionIssued', IdleFeeDecisionIssuedData>
  | DomainEvent<'IdleFeePaid', IdleFeePaidData>
  | DomainEvent<'RecoveryDecisionIssued', RecoveryDecisionIssuedData>
  | DomainEvent<'RightDeregistered', RightDeregisteredData>
  | DomainEvent<'IdleCaseClosed', IdleCaseClosedData>;

export type ParcelEventType = ParcelEvent['type'];

/** The event of a given type, e.g. `EventOf<'PaymentReceived'>`. */
export type EventOf<T extends ParcelEventType> = Extract<ParcelEvent, { type: T }>;
