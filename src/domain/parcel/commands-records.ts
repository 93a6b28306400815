/**
 * Data of the record-keeping commands: acts of the department, the grantee or the government that
 * fulfil an obligation the deadline engine tracks (T02, T03, T05, T09, T14, T15, T25, T26).
 * Dates are ISO dates of the act; see commands.ts for the conventions.
 */
import type { IsoDate } from '../calendar/index.js';
import type { ExtensionKind } from './state.js';

/** T02 (S0 §三(一)): the dedicated patrol post extracts the parcel's tracking card (跟踪卡). */
export type ExtractTrackingCardData = { readonly extractedOn: IsoDate; readonly trackingCardNo: string };

/** T02: the patrol task goes to a local land office (国土资源所) and its named inspectors (S0 §三(二)). */
export type AssignPatrolTaskData = {
  readonly assignedOn: IsoDate;
  readonly officeId: string;
  readonly inspectorIds: readonly string[];
};

/** T03 (S3 §三): the Attachment-3 supply record filed with the ministry and the province. */
export type FileSupplyRecordData = { readonly filedOn: IsoDate; readonly filingRef: string };

/** T05 (S0 §二(三)): a payment's information and vouchers entered into the monitoring system. */
export type RecordPaymentInfoData = {
  readonly paymentId: string;
  readonly recordedOn: IsoDate;
  readonly voucherRefs?: readonly string[];
};

/** T14 (S0 §二(五)): the verified start or completion declaration uploaded. */
export type UploadDeclarationData = { readonly kind: ExtensionKind; readonly uploadedOn: IsoDate };

/** T15 (S0 §二(六)): the office hands an inspection record over to the land-use section. */
export type HandOverInspectionRecordData = { readonly inspectionId: string; readonly handedOverOn: IsoDate };

/** T09 (E3): the grantee demands delivery from the grantor after the contract delivery date. */
export type ServeDeliveryDemandData = { readonly demandId: string; readonly servedOn: IsoDate };

/** T26 (E1 Art 10; S0 §二(七)): publication of the confirmed idle land of the open case. */
export type PublishIdleLandData = { readonly publishedOn: IsoDate; readonly channels: readonly string[] };

/** T26: withdrawal once the case's disposal is completed (the case may be closed already). */
export type WithdrawIdleLandPublicationData = { readonly caseId: string; readonly withdrawnOn: IsoDate };

/** T25 (E1 Art 12(3)): the government's temporary use under a government-cause disposal ends. */
export type EndTemporaryUseData = { readonly caseId: string; readonly endedOn: IsoDate };
