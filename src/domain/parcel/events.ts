/**
 * Events of the parcel aggregate. Data is plain JSON: ISO dates, integer fen, decimal-string
 * rates, 4-decimal hectare strings. Events that embody a computed deadline carry the
 * `policyVersion` and `calendarVersion` used, so a replay reproduces the same dates (§4 notes).
 * Data shapes are type aliases (not interfaces) so they stay assignable to plain records.
 */
import type { DomainEvent } from '../decider.js';
import type * as K from './calendar/events.js';
import type * as C from './construction/events.js';
import type * as D from './delivery/events.js';
import type * as X from './extension/events.js';
import type * as G from './grant/events.js';
import type * as I from './idle/events.js';
import type * as P from './payment/events.js';
import type * as R from './records/events.js';
import type * as M from './market/events.js';
import type * as S from './supervision/events.js';
import { ALERT_EVENT_TYPES } from './supervision/events.js';

export type * from './calendar/events.js';
export type * from './calendar/types.js';
export type * from './construction/events.js';
export type * from './delivery/events.js';
export type * from './extension/events.js';
export type * from './grant/events.js';
export type * from './idle/events.js';
export type * from './payment/events.js';
export type * from './records/events.js';
export type * from './supervision/events.js';
export type { Versions } from './stamp.js';
export type { ContractDamagesData } from './contract-damages.js';

export type ParcelEvent =
  | DomainEvent<'DealConfirmed', G.DealConfirmedData>
  | DomainEvent<'SupplyAborted', G.SupplyAbortedData>
  | DomainEvent<'TransferContractSigned', G.TransferContractSignedData>
  | DomainEvent<'AllocationDecisionIssued', G.AllocationDecisionIssuedData>
  | DomainEvent<'PaymentReceived', P.PaymentReceivedData>
  | DomainEvent<'LatePaymentDamagesAssessed', P.LatePaymentDamagesAssessedData>
  | DomainEvent<'PaymentDemandServed', P.PaymentDemandServedData>
  | DomainEvent<'ContractTerminated', P.ContractTerminatedData>
  | DomainEvent<'GrantRevoked', G.GrantRevokedData>
  | DomainEvent<'LandDeliveryConfirmed', D.LandDeliveryConfirmedData>
  | DomainEvent<'LandApprovalCertificateIssued', D.LandApprovalCertificateIssuedData>
  | DomainEvent<'SitePublicityPosted', D.SitePublicityPostedData>
  | DomainEvent<'ConstructionStartDeclared', C.DeclaredData>
  | DomainEvent<'ConstructionStartVerified', C.VerifiedData>
  | DomainEvent<'ConstructionStartDeclarationRejected', C.DeclarationRejectedData>
  | DomainEvent<'CompletionDeclared', C.DeclaredData>
  | DomainEvent<'CompletionVerified', C.VerifiedData>
  | DomainEvent<'CompletionDeclarationRejected', C.DeclarationRejectedData>
  | DomainEvent<'SiteInspectionRecorded', C.SiteInspectionRecordedData>
  | DomainEvent<'ExtensionRequested', X.ExtensionRequestedData>
  | DomainEvent<'ExtensionApproved', X.ExtensionApprovedData>
  | DomainEvent<'ExtensionRejected', X.ExtensionRejectedData>
  | DomainEvent<'IdleSuspected', I.IdleSuspectedData>
  | DomainEvent<'IdleInvestigationNoticeServed', I.IdleInvestigationNoticeServedData>
  | DomainEvent<'IdleMaterialsSubmitted', I.IdleMaterialsSubmittedData>
  | DomainEvent<'GovernmentCauseAccepted', I.GovernmentCauseAcceptedData>
  | DomainEvent<'IdleLandConfirmed', I.IdleLandConfirmedData>
  | DomainEvent<'IdleFeeDecisionIssued', I.IdleFeeDecisionIssuedData>
  | DomainEvent<'IdleFeePaid', I.IdleFeePaidData>
  | DomainEvent<'RecoveryDecisionIssued', I.RecoveryDecisionIssuedData>
  | DomainEvent<'RightDeregistered', I.RightDeregisteredData>
  | DomainEvent<'IdleCaseClosed', I.IdleCaseClosedData>
  | DomainEvent<'TrackingCardExtracted', R.TrackingCardExtractedData>
  | DomainEvent<'PatrolTaskAssigned', R.PatrolTaskAssignedData>
  | DomainEvent<'SupplyRecordPrepared', R.SupplyRecordPreparedData>
  | DomainEvent<'MarketTransactionOccurred', M.MarketTransactionOccurredData>
  | DomainEvent<'MarketTransactionInfoEntered', M.MarketTransactionInfoEnteredData>
  | DomainEvent<'LandTakenIntoReserve', M.LandTakenIntoReserveData>
  | DomainEvent<'ReserveInfoEntered', M.ReserveInfoEnteredData>
  | DomainEvent<'SupplyRecordFiled', R.SupplyRecordFiledData>
  | DomainEvent<'PaymentInfoRecorded', R.PaymentInfoRecordedData>
  | DomainEvent<'DeclarationUploaded', R.DeclarationUploadedData>
  | DomainEvent<'InspectionRecordHandedOver', R.InspectionRecordHandedOverData>
  | DomainEvent<'DeliveryDemandServed', D.DeliveryDemandServedData>
  | DomainEvent<'IdleLandPublished', I.IdleLandPublishedData>
  | DomainEvent<'IdleLandPublicationWithdrawn', I.IdleLandPublicationWithdrawnData>
  | DomainEvent<'TemporaryUseEnded', I.TemporaryUseEndedData>
  | DomainEvent<'CalendarReconciled', K.CalendarReconciledData>
  | DomainEvent<'DeadlineReviewResolved', K.DeadlineReviewResolvedData>
  | DomainEvent<S.AlertEventType, S.SupervisionAlertData>;

export type ParcelEventType = ParcelEvent['type'];

/** Every parcel event type, for readers that filter the log (read models, sagas). */
export const PARCEL_EVENT_TYPES = [
  'DealConfirmed',
  'SupplyAborted',
  'TransferContractSigned',
  'AllocationDecisionIssued',
  'PaymentReceived',
  'LatePaymentDamagesAssessed',
  'PaymentDemandServed',
  'ContractTerminated',
  'GrantRevoked',
  'LandDeliveryConfirmed',
  'LandApprovalCertificateIssued',
  'SitePublicityPosted',
  'ConstructionStartDeclared',
  'ConstructionStartVerified',
  'ConstructionStartDeclarationRejected',
  'CompletionDeclared',
  'CompletionVerified',
  'CompletionDeclarationRejected',
  'SiteInspectionRecorded',
  'ExtensionRequested',
  'ExtensionApproved',
  'ExtensionRejected',
  'IdleSuspected',
  'IdleInvestigationNoticeServed',
  'IdleMaterialsSubmitted',
  'GovernmentCauseAccepted',
  'IdleLandConfirmed',
  'IdleFeeDecisionIssued',
  'IdleFeePaid',
  'RecoveryDecisionIssued',
  'RightDeregistered',
  'IdleCaseClosed',
  'TrackingCardExtracted',
  'PatrolTaskAssigned',
  'SupplyRecordPrepared',
  'MarketTransactionOccurred',
  'MarketTransactionInfoEntered',
  'LandTakenIntoReserve',
  'ReserveInfoEntered',
  'SupplyRecordFiled',
  'PaymentInfoRecorded',
  'DeclarationUploaded',
  'InspectionRecordHandedOver',
  'DeliveryDemandServed',
  'IdleLandPublished',
  'IdleLandPublicationWithdrawn',
  'TemporaryUseEnded',
  'CalendarReconciled',
  'DeadlineReviewResolved',
  ...ALERT_EVENT_TYPES,
] as const satisfies readonly ParcelEventType[];

// Compile-time check that the list names every type of the union, none missing.
type Missing = Exclude<ParcelEventType, (typeof PARCEL_EVENT_TYPES)[number]>;
const everyTypeListed: [Missing] extends [never] ? true : Missing = true;
void everyTypeListed;

/** The event of a given type, e.g. `EventOf<'PaymentReceived'>`. */
export type EventOf<T extends ParcelEventType> = Extract<ParcelEvent, { type: T }>;
