/**
 * Event data of delivery, certificate, publicity, declarations, inspections and extensions.
 */
import type { IsoDate } from '../calendar/index.js';
import type { Fen } from '../money.js';
import type { Versions } from './events-grant.js';
import type { ExtensionKind, InspectionKind } from './state.js';

/**
 * §6 contract damages for a late act: `ratePerDay` (per day, from the contract) × `baseFen` ×
 * `daysLate` (from the day after the agreed date through the actual date), half-up to the fen.
 * The model contract leaves the rates blank: without a rate all three are null, never zero;
 * with a rate but no price to apply it to (allocation) only the rate is kept.
 */
export type ContractDamagesData = {
  readonly ratePerDay: string | null;
  readonly baseFen: Fen | null;
  readonly damagesFen: Fen | null;
};

export type LandDeliveryConfirmedData = ContractDamagesData & {
  readonly deliveredOn: IsoDate;
  readonly confirmationNo: string;
  readonly contractDeliveryDate: IsoDate;
  /** T09: grantor's delay; the land-use term counts from actual delivery (E3). Base: price paid by delivery. */
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

/** Base of the damages: the total price (late start / late completion, §6). */
export type VerifiedData = ContractDamagesData & {
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
