/**
 * Events of the parcel aggregate. Data is plain JSON: ISO dates, integer fen, decimal-string
 * rates, 4-decimal hectare strings. Events that embody a computed deadline carry the
 * `policyVersion` and `calendarVersion` used, so a replay reproduces the same dates (§4 notes).
 * Data shapes are type aliases (not interfaces) so they stay assignable to plain records.
 */
import type { DomainEvent } from '../decider.js';
import type * as G from './events-grant.js';
import type * as C from './events-construction.js';
import type * as I from './events-idle.js';
import type * as R from './events-records.js';

export type * from './events-grant.js';
export type * from './events-construction.js';
export type * from './events-idle.js';
export type * from './events-records.js';

export type ParcelEvent =
  | DomainEvent<'DealConfirmed', G.DealConfirmedData>
  | DomainEvent<'SupplyAborted', G.SupplyAbortedData>
  | DomainEvent<'TransferContractSigned', G.TransferContractSignedData>
  | DomainEvent<'AllocationDecisionIssued', G.AllocationDecisionIssuedData>
  | DomainEvent<'PaymentReceived', G.PaymentReceivedData>
  | DomainEvent<'LatePaymentDamagesAssessed', G.LatePaymentDamagesAssessedData>
  | DomainEvent<'PaymentDemandServed', G.PaymentDemandServedData>
  | DomainEvent<'ContractTerminated', G.ContractTerminatedData>
  | DomainEvent<'GrantRevoked', G.GrantRevokedData>
  | DomainEvent<'LandDeliveryConfirmed', C.LandDeliveryConfirmedData>
  | DomainEvent<'LandApprovalCertificateIssued', C.LandApprovalCertificateIssuedData>
  | DomainEvent<'SitePublicityPosted', C.SitePublicityPostedData>
  | DomainEvent<'ConstructionStartDeclared', C.DeclaredData>
  | DomainEvent<'ConstructionStartVerified', C.VerifiedData>
  | DomainEvent<'ConstructionStartDeclarationRejected', C.DeclarationRejectedData>
  | DomainEvent<'CompletionDeclared', C.DeclaredData>
  | DomainEvent<'CompletionVerified', C.VerifiedData>
  | DomainEvent<'CompletionDeclarationRejected', C.DeclarationRejectedData>
  | DomainEvent<'SiteInspectionRecorded', C.SiteInspectionRecordedData>
  | DomainEvent<'ExtensionRequested', C.ExtensionRequestedData>
  | DomainEvent<'ExtensionApproved', C.ExtensionApprovedData>
  | DomainEvent<'ExtensionRejected', C.ExtensionRejectedData>
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
  | DomainEvent<'SupplyRecordFiled', R.SupplyRecordFiledData>
  | DomainEvent<'PaymentInfoRecorded', R.PaymentInfoRecordedData>
  | DomainEvent<'DeclarationUploaded', R.DeclarationUploadedData>
  | DomainEvent<'InspectionRecordHandedOver', R.InspectionRecordHandedOverData>
  | DomainEvent<'DeliveryDemandServed', R.DeliveryDemandServedData>
  | DomainEvent<'IdleLandPublished', R.IdleLandPublishedData>
  | DomainEvent<'IdleLandPublicationWithdrawn', R.IdleLandPublicationWithdrawnData>
  | DomainEvent<'TemporaryUseEnded', R.TemporaryUseEndedData>;

export type ParcelEventType = ParcelEvent['type'];

/** The event of a given type, e.g. `EventOf<'PaymentReceived'>`. */
export type EventOf<T extends ParcelEventType> = Extract<ParcelEvent, { type: T }>;
