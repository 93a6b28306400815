/**
 * Commands of the parcel aggregate (names from DOMAIN.md §15). Dates in `data` are ISO dates
 * ('YYYY-MM-DD', the date the fact happened); `context.now` is the instant the command is
 * issued and gives "today" in Asia/Shanghai for not-in-the-future and threshold checks.
 */
import type { IsoDate } from '../calendar/index.js';
import type { Command } from '../decider.js';
import type { Fen } from '../money.js';
import type * as I from './commands-idle.js';
import type * as R from './commands-records.js';
import type { ExtensionKind, InspectionKind, LandUse } from './state.js';

export type ConfirmDealData = {
  readonly parcelId: string;
  readonly jurisdiction: string;
  readonly winnerId: string;
  readonly confirmedOn: IsoDate;
};

export type AbortSupplyData = { readonly abortedOn: IsoDate; readonly reason: string };

/** Terms both grant documents carry (§3.2). */
export type CommonGrantData = {
  readonly parcelId: string;
  /** e.g. 'CN-JS-3201'. */
  readonly jurisdiction: string;
  /** When given, must equal the version of `policyFor(jurisdiction)` (guards against stale clients). */
  readonly policyVersion?: string;
  readonly supervisionNo: string;
  readonly documentNo: string;
  readonly areaHa: string;
  readonly landUse: LandUse;
  readonly deliveryDate: IsoDate;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  readonly farMin: string;
  readonly farMax: string;
  readonly greenRatio: string;
  readonly buildingDensity: string;
  readonly totalInvestmentFen: Fen;
  readonly lateStartRatePerDay?: string;
  readonly lateCompletionRatePerDay?: string;
  readonly decisionId: string;
  readonly landUserId: string;
  readonly controllingShareholderIds: readonly string[];
};

export type SignTransferContractData = CommonGrantData & {
  readonly signedOn: IsoDate;
  readonly termYears: number;
  readonly priceFen: Fen;
  readonly depositFen: Fen;
  readonly instalments: readonly { readonly no: number; readonly dueDate: IsoDate; readonly amountFen: Fen }[];
  /** Defaults to the policy's rate (1 ‰ per day nationally, Q11). */
  readonly latePaymentRatePerDay?: string;
  readonly grantorLateDeliveryRatePerDay?: string;
  readonly contractTemplateVersion: string;
};

export type IssueAllocationDecisionData = CommonGrantData & {
  readonly issuedOn: IsoDate;
  readonly termYears?: number;
  readonly allocationPriceFen?: Fen;
};

export type RecordPaymentData = {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly amountFen: Fen;
  readonly paidOn: IsoDate;
};

export type ServePaymentDemandData = { readonly demandId: string; readonly instalmentNo: number; readonly servedOn: IsoDate };

export type TerminateContractData = {
  readonly instalmentNo: number;
  readonly terminatedOn: IsoDate;
  /** Required where the policy makes termination a government decision (Jiangsu, S4 §十一). */
  readonly governmentApprovalRef?: string;
  readonly reason: string;
};

export type RevokeGrantData = {
  readonly revokedOn: IsoDate;
  /** Required where policy.revocationRequiresProvincialApproval (S4 §十). */
  readonly provincialApprovalRef?: string;
  readonly reason: string;
};

export type ConfirmLandDeliveryData = { readonly deliveredOn: IsoDate; readonly confirmationNo: string };
export type IssueLandApprovalCertificateData = { readonly certificateNo: string; readonly issuedOn: IsoDate };
export type RecordSitePublicityData = { readonly postedOn: IsoDate; readonly photoRefs?: readonly string[] };

export type DeclareStartData = {
  readonly declarationNo: string;
  readonly declaredOn: IsoDate;
  readonly startedOn: IsoDate;
  readonly constructionPermitNo: string;
};

export type DeclareCompletionData = {
  readonly declarationNo: string;
  readonly declaredOn: IsoDate;
  readonly completedOn: IsoDate;
  readonly acceptanceRef: string;
};

export type VerifyDeclarationData = {
  readonly verifiedOn: IsoDate;
  readonly outcome: 'VERIFIED' | 'REJECTED';
  /** Required when rejected. */
  readonly reason?: string;
};

export type RecordSiteInspectionData = {
  readonly inspectionId: string;
  readonly inspectedOn: IsoDate;
  readonly kind: InspectionKind;
  readonly inspectorId: string;
  readonly findings?: string;
  readonly photoRefs?: readonly string[];
};

/** Filed on the date of `context.now`; that date is checked against the T17 lead time. */
export type RequestExtensionData = {
  readonly requestId: string;
  readonly kind: ExtensionKind;
  readonly requestedDate: IsoDate;
  readonly reason: string;
};

export type DecideExtensionData = {
  readonly requestId: string;
  readonly decision: 'APPROVE' | 'REJECT';
  readonly decidedOn: IsoDate;
  /** Defaults to the requested date; approval may grant less. */
  readonly approvedDate?: IsoDate;
  /** Required when approving. */
  readonly approvalRef?: string;
  /** Required when rejecting. */
  readonly reason?: string;
};

export type * from './commands-idle.js';
export type * from './commands-records.js';

export type ParcelCommand =
  | Command<'ConfirmDeal', ConfirmDealData>
  | Command<'AbortSupply', AbortSupplyData>
  | Command<'SignTransferContract', SignTransferContractData>
  | Command<'IssueAllocationDecision', IssueAllocationDecisionData>
  | Command<'RecordPayment', RecordPaymentData>
  | Command<'ServePaymentDemand', ServePaymentDemandData>
  | Command<'TerminateContract', TerminateContractData>
  | Command<'RevokeGrant', RevokeGrantData>
  | Command<'ConfirmLandDelivery', ConfirmLandDeliveryData>
  | Command<'IssueLandApprovalCertificate', IssueLandApprovalCertificateData>
  | Command<'RecordSitePublicity', RecordSitePublicityData>
  | Command<'DeclareStart', DeclareStartData>
  | Command<'VerifyStart', VerifyDeclarationData>
  | Command<'DeclareCompletion', DeclareCompletionData>
  | Command<'VerifyCompletion', VerifyDeclarationData>
  | Command<'RecordSiteInspection', RecordSiteInspectionData>
  | Command<'RequestExtension', RequestExtensionData>
  | Command<'DecideExtension', DecideExtensionData>
  | Command<'OpenIdleCase', I.OpenIdleCaseData>
  | Command<'ServeIdleInvestigationNotice', I.ServeIdleInvestigationNoticeData>
  | Command<'SubmitIdleMaterials', I.SubmitIdleMaterialsData>
  | Command<'AcceptGovernmentCause', I.AcceptGovernmentCauseData>
  | Command<'ConfirmIdleLand', I.ConfirmIdleLandData>
  | Command<'IssueIdleFeeDecision', I.IssueIdleFeeDecisionData>
  | Command<'RecordIdleFeePayment', I.RecordIdleFeePaymentData>
  | Command<'IssueRecoveryDecision', I.IssueRecoveryDecisionData>
  | Command<'DeregisterRight', I.DeregisterRightData>
  | Command<'CloseIdleCase', I.CloseIdleCaseData>
  | Command<'ExtractTrackingCard', R.ExtractTrackingCardData>
  | Command<'AssignPatrolTask', R.AssignPatrolTaskData>
  | Command<'FileSupplyRecord', R.FileSupplyRecordData>
  | Command<'RecordPaymentInfo', R.RecordPaymentInfoData>
  | Command<'UploadDeclaration', R.UploadDeclarationData>
  | Command<'HandOverInspectionRecord', R.HandOverInspectionRecordData>
  | Command<'ServeDeliveryDemand', R.ServeDeliveryDemandData>
  | Command<'PublishIdleLand', R.PublishIdleLandData>
  | Command<'WithdrawIdleLandPublication', R.WithdrawIdleLandPublicationData>
  | Command<'EndTemporaryUse', R.EndTemporaryUseData>;

export type ParcelCommandType = ParcelCommand['type'];
export type CommandOf<T extends ParcelCommandType> = Extract<ParcelCommand, { type: T }>;
