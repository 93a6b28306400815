/**
 * Who may send which command: the one table behind both the 403 check and each OpenAPI
 * operation's `x-roles`. From the duties of DOMAIN.md §12 and the seeds (S0 §二–§三, S4 §二–§十二).
 * AUDITOR sends nothing; LAND_USER acts only on its own parcels and archive (checked per request).
 * Paper documents handed in at a counter are entered by the office that received them, so a
 * land user's declarations and applications may also be entered by staff.
 */
import type { AnnouncementCommand } from '../../domain/announcement/index.js';
import type { CreditCommand } from '../../domain/credit/index.js';
import type { DecisionCommand } from '../../domain/decision/index.js';
import type { LinkageCommand } from '../../domain/linkage/index.js';
import type { SubmitReport } from '../../domain/reporting/index.js';
import type { ParcelCommandType } from '../../domain/parcel/index.js';
import type { CalendarCommand } from '../../domain/working-calendar/index.js';
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
  // §8, §12: the land-use section or the grantor prepares the form; the grantor reviews and files it.
  PrepareSupplyRecord: ['GRANTOR_ADMIN', 'PATROL_POST'],
  // T28 (S1 §二(五)): the city/county department records and enters transfers, leases and mortgages.
  RecordMarketTransaction: ['GRANTOR_ADMIN', 'PATROL_POST'],
  EnterMarketTransactionInfo: ['GRANTOR_ADMIN', 'PATROL_POST'],
  TakeIntoReserve: GRANTOR,
  EnterReserveInfo: ['GRANTOR_ADMIN', 'PATROL_POST'],
  FileSupplyRecord: GRANTOR,
  RecordPaymentInfo: ['PATROL_POST'],
  UploadDeclaration: ['PATROL_POST'],
  HandOverInspectionRecord: ['FIELD_INSPECTOR'],
  // §11.4.3: the grantor communicated the deadline (notices, contract) and decides whether an
  // earlier date a calendar change gives may replace it; the province supervises (S1 §一).
  ResolveDeadlineReview: ['GRANTOR_ADMIN', 'PROVINCE_REVIEWER'],
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

/**
 * The working calendar (§11.4.1; proposed, DOMAIN.md §12 names no keeper of it): the ministry
 * enters the State Council's national notice, as the body that runs the monitoring system
 * nationally (信息中心: software, transmission, storage; S1 §一); a province's department enters
 * its own overlay (autonomous-area festivals, Art 4; local changes such as February 2020's), having
 * overall responsibility for the province's monitoring (S1 §一). The route's scope is the
 * jurisdiction checked, so a province cannot touch the national calendar or another's overlay.
 */
export const CALENDAR_ROLES: Table<CalendarCommand['type']> = {
  PublishCalendarYear: ['MINISTRY', 'PROVINCE_REVIEWER'],
  AmendCalendar: ['MINISTRY', 'PROVINCE_REVIEWER'],
};

/**
 * Linkage project areas (§9, §12; S2-MLR §二–§三, S2-SC §二–§三): the province approves the area and
 * its quota, adjusts the plan as the original approver, asks for the record back and reviews
 * (Sichuan); the city/county files basic info, progress and acceptance; the ministry returns the
 * record. Who modifies and refiles depends on the area's variant (MLR: province; Sichuan:
 * city/county), which the decider checks (Q7); both roles are admitted here.
 */
export const LINKAGE_ROLES: Table<LinkageCommand['type']> = {
  ApproveLinkageOverall: ['PROVINCE_REVIEWER'],
  FileLinkageBasicInfo: GRANTOR,
  FileLinkageProgress: GRANTOR,
  RecordLinkageAcceptance: ['GRANTOR_ADMIN', 'PROVINCE_REVIEWER'],
  FileLinkageAcceptance: GRANTOR,
  ApproveImplementationPlanAdjustment: ['PROVINCE_REVIEWER'],
  RequestRecordReturn: ['PROVINCE_REVIEWER'],
  ReturnRecord: ['MINISTRY'],
  ModifyRecord: ['GRANTOR_ADMIN', 'PROVINCE_REVIEWER'],
  ReviewRecordModification: ['PROVINCE_REVIEWER'],
  RefileRecord: ['GRANTOR_ADMIN', 'PROVINCE_REVIEWER'],
};

/**
 * Supply announcements (§4 T31, T32, T38; §10.3; S4 §七, §八): the city/county department as
 * grantor publishes the announcement and its supplementary notices, records each deal, publishes
 * the results and reports an abnormal transaction (§12: 出让人).
 */
export const ANNOUNCEMENT_ROLES: Table<AnnouncementCommand['type']> = {
  PublishAnnouncement: GRANTOR,
  PublishSupplementaryNotice: GRANTOR,
  RecordTransactionResult: GRANTOR,
  PublishResults: GRANTOR,
  ReportAbnormalTransaction: GRANTOR,
};

/**
 * Report obligations (§13; S1 §三, S3 §四, S4 §一, §六): the province's department submits the
 * province's reports, the city's or county's department its own (and publishes T33/T34). Both roles
 * are admitted here; the route checks the one the obligation's level needs (report-commands.ts).
 */
export const REPORT_OBLIGATION_ROLES: Table<SubmitReport['type']> = {
  SubmitReport: ['PROVINCE_REVIEWER', 'GRANTOR_ADMIN'],
};
