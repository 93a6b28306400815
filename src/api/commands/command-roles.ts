/**
 * Who may send which command: the one table behind both the 403 check and each OpenAPI
 * operation's `x-roles`. From the duties of DOMAIN.md §12 and the seeds (S0 §二–§三, S4 §二–§十二).
 * AUDITOR sends nothing; LAND_USER acts only on its own parcels and archive (checked per request).
 * Paper documents handed in at a counter are entered by the office that received them, so a
 * land user's declarations and applications may also be entered by staff.
 */
import type { CreditCommand } from '../../domain/credit/index.js';
import type { DecisionCommand } from '../../domain/decision/index.js';
import type { ParcelCommandType } from '../../domain/parcel/index.js';
import type { Role } from '../auth/roles.js';

type Table<T extends string> = { readonly [K in T]: readonly Role[] };

const GRANTOR: readonly Role[] = ['GRANTOR_ADMIN'];
const IDLE_CASE: readonly Role[] = ['ENFORCEMENT', 'GRANTOR_ADMIN'];

export const PARCEL_ROLES: Table<ParcelCommandType> = {
  // Supply and grant: the city/county department as grantor (S1 §一, S4 §十).
  ConfirmDeal: GRANTOR,
  AbortSupply: GRANTOR,
  SignTransferContract: GRANTOR,
  IssueAllocationDecision: GRANTOR,
  RevokeGrant: GRANTOR,
  // Payment (S0 §二(三)): the grantor receives; the patrol post enters payment information.
  RecordPayment: ['GRANTOR_ADMIN', 'PATROL_POST'],
  ServePaymentDemand: ['GRANTOR_ADMIN', 'PATROL_POST'],
  TerminateContract: GRANTOR,
  // Delivery (T09): the grantor delivers; the grantee may demand delivery.
  ConfirmLandDelivery: GRANTOR,
  ServeDeliveryDemand: ['LAND_USER', 'GRANTOR_ADMIN'],
  IssueLandApprovalCertificate: GRANTOR,
  // On site (S0 §二(二), §二(五), §二(六)): offices check, verify and inspect.
  RecordSitePublicity: ['FIELD_INSPECTOR', 'PATROL_POST'],
  DeclareStart: ['LAND_USER', 'FIELD_INSPECTOR'],
  VerifyStart: ['FIELD_INSPECTOR'],
  DeclareCompletion: ['LAND_USER', 'FIELD_INSPECTOR'],
  VerifyCompletion: ['FIELD_INSPECTOR'],
  RecordSiteInspection: ['FIELD_INSPECTOR'],
  // Extension (S4 §十二): the user applies; the grantor decides.
  RequestExtension: ['LAND_USER', 'GRANTOR_ADMIN'],
  DecideExtension: GRANTOR,
  // Idle land (S0 §二(七), E1): the brigade investigates with the grantor, which serves decisions.
  OpenIdleCase: ['ENFORCEMENT', 'PATROL_POST'],
  ServeIdleInvestigationNotice: IDLE_CASE,
  SubmitIdleMaterials: ['LAND_USER', 'ENFORCEMENT'],
  AcceptGovernmentCause: GRANTOR,
  ConfirmIdleLand: IDLE_CASE,
  IssueIdleFeeDecision: GRANTOR,
  RecordIdleFeePayment: IDLE_CASE,
  IssueRecoveryDecision: GRANTOR,
  DeregisterRight: GRANTOR,
  CloseIdleCase: IDLE_CASE,
  PublishIdleLand: IDLE_CASE,
  WithdrawIdleLandPublication: IDLE_CASE,
  EndTemporaryUse: GRANTOR,
  // The patrol post's own records (S0 §三(一), §二(三), §二(五)); the office hands over (§二(六)).
  ExtractTrackingCard: ['PATROL_POST'],
  AssignPatrolTask: ['PATROL_POST'],
  FileSupplyRecord: GRANTOR,
  RecordPaymentInfo: ['PATROL_POST'],
  UploadDeclaration: ['PATROL_POST'],
  HandOverInspectionRecord: ['FIELD_INSPECTOR'],
};

export const DECISION_ROLES: Table<DecisionCommand['type']> = {
  // S4 §二: the government leads the collective decision; the department keeps the record.
  HoldMeeting: ['GOV_APPROVER', 'GRANTOR_ADMIN'],
  RecordOpinion: ['GOV_APPROVER', 'GRANTOR_ADMIN'],
  SubmitReservePriceProposal: GRANTOR,
  ApproveSupplyPlan: ['GOV_APPROVER'],
  // S4 §六, §九: only the reserve-price group handles the sealed value.
  DecideReservePrice: ['RESERVE_PRICE_GROUP'],
  DecideStartingPrice: GRANTOR,
  ConcludeDeal: GRANTOR,
  DiscloseReservePrice: ['RESERVE_PRICE_GROUP'],
};

export const CREDIT_ROLES: Table<CreditCommand['type']> = {
  // S0 §二(八): the patrol post keeps the archive; E7: province verifies, ministry announces.
  AddCreditEntry: ['PATROL_POST'],
  RequestCreditEntryLift: ['LAND_USER', 'PATROL_POST'],
  VerifyRectification: ['PROVINCE_REVIEWER'],
  LiftCreditEntry: ['MINISTRY', 'PATROL_POST'],
};
