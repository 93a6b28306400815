/**
 * Event data of the record-keeping acts that fulfil the department's SLAs (T02, T03, T05, T14,
 * T15), the grantee's delivery demand (T09), the idle-land publication (T26) and the end of
 * temporary use (T25). See events.ts for the conventions.
 */
import type { IsoDate } from '../calendar/index.js';
import type { Versions } from './events-grant.js';
import type { ExtensionKind } from './state.js';

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

export type InspectionRecordHandedOverData = SlaData & { readonly inspectionId: string; readonly handedOverOn: IsoDate };

export type DeliveryDemandServedData = Versions & {
  readonly demandId: string;
  readonly servedOn: IsoDate;
  readonly contractDeliveryDate: IsoDate;
  /** Days after the contract delivery date on the day of service. */
  readonly daysLate: number;
  /** T09: the last day on which the grantee may not yet terminate (delivery date + 60 cd). */
  readonly terminationThresholdDate: IsoDate;
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
