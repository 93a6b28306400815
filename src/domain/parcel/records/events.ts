/**
 * Event data of the record-keeping acts that fulfil the department's SLAs (T02, T03, T05, T14,
 * T15). See ../events.ts for the conventions.
 */
import type { IsoDate } from '../../calendar/index.js';
import type { Versions } from '../stamp.js';
import type { ExtensionKind } from '../state.js';

/**
 * The SLA a fulfilment answered: its due date, computed from the anchor with the policy in force
 * when the act is recorded (stamped with the versions), and whether the act came after it.
 */
export type SlaData = Versions & { readonly dueDate: IsoDate; readonly late: boolean };

export type TrackingCardExtractedData = SlaData & { readonly extractedOn: IsoDate; readonly trackingCardNo: string };

export type PatrolTaskAssignedData = SlaData & {
  readonly assignedOn: IsoDate;
  readonly officeId: string;
  readonly inspectorIds: readonly string[];
};

export type SupplyRecordFiledData = SlaData & { readonly filedOn: IsoDate; readonly filingRef: string };

export type PaymentInfoRecordedData = SlaData & {
  readonly paymentId: string;
  readonly recordedOn: IsoDate;
  readonly voucherRefs: readonly string[];
};

export type DeclarationUploadedData = SlaData & { readonly kind: ExtensionKind; readonly uploadedOn: IsoDate };

export type InspectionRecordHandedOverData = SlaData & {
  readonly inspectionId: string;
  readonly handedOverOn: IsoDate;
};
