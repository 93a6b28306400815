/**
 * Event data of the record-keeping acts that fulfil the department's SLAs (T02, T03, T05, T14,
 * T15). See ../events.ts for the conventions.
 */
import type { IsoDate } from '../../calendar/index.js';
import type { Versions } from '../stamp.js';
import type { ExtensionKind } from '../state.js';
import type { SupplyRecord, SupplyRecordFailure } from '../../filing/record.js';

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

/** A person who signed the filing form (§12 maker-checker), as the token named them. */
export type Signatory = { readonly id: string; readonly name: string };

/**
 * The preparer's draft of the Attachment-3 record (§8): the office's half of the form, kept
 * whole so the filed record can be rebuilt and every correction stays in the log.
 */
export type SupplyRecordPreparedData = {
  readonly preparedOn: IsoDate;
  readonly preparer: Signatory;
  readonly transferMethod: 'TENDER_AUCTION_LISTING' | 'NEGOTIATED_TRANSFER' | null;
  readonly landUserName: string;
  readonly sourceDocuments: readonly { readonly kind: string; readonly no: string; readonly signedOn: string }[] | null;
  readonly farmlandConversionApprovalDate: IsoDate | null;
  readonly authority: SupplyRecord['filing']['authority'];
  readonly project: Omit<SupplyRecord['project'], 'landUser' | 'sourceDocuments'>;
  readonly land: Pick<
    SupplyRecord['land'],
    'address' | 'boundaries' | 'coordinates' | 'landSource' | 'developmentDegree' | 'grade'
  >;
  readonly foreignCurrency: SupplyRecord['foreignCurrency'];
  readonly remarks: string | null;
  /** The V1–V14 verdict on the draft when it was prepared (the filing re-checks it). */
  readonly failures: readonly SupplyRecordFailure[];
};

/**
 * T03 fulfilled. Filings made before the two-person form was kept (before issue 10) carry only
 * the date and reference; since then the event holds the record as filed and both signatories.
 */
export type SupplyRecordFiledData = SlaData & {
  readonly filedOn: IsoDate;
  readonly filingRef: string;
  readonly jurisdiction?: string;
  readonly record?: SupplyRecord;
  readonly preparer?: Signatory;
  readonly reviewer?: Signatory;
  readonly industryCatalogueVersion?: string;
};

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
