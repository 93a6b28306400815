/**
 * Event data of start and completion declarations, their verification, and site inspections.
 */
import type { IsoDate } from '../../calendar/index.js';
import type { ContractDamagesData } from '../contract-damages.js';
import type { InspectionKind } from '../state.js';

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
