/**
 * The Attachment-3 record of a granted parcel (§8): the parcel's half (from-parcel.ts) joined with
 * the preparer's draft, and its V1–V14 verdict. Used by the filing decider and by the read route,
 * so the record a reviewer is shown is the record that is filed.
 */
import {
  buildSupplyRecord,
  GBT_4754_2002,
  supplySourceFromParcel,
  validateSupplyRecord,
  type SupplyRecord,
  type SupplyRecordFailure,
} from '../../filing/index.js';
import type { Policy } from '../../policy/types.js';
import type { GrantedState } from '../state.js';
import type { Signatory, SupplyRecordPreparedData } from './events.js';

export interface SupplyRecordDraft {
  readonly record: SupplyRecord;
  readonly failures: readonly SupplyRecordFailure[];
}

export interface FilingFacts {
  readonly filedOn: string;
  readonly reviewer: Signatory | null;
  /** V12: the reviewer's reading of the name on the source document; the draft's until filing. */
  readonly landUserNameOnSourceDocument: string;
}

/** The record as it would be filed, and every V-rule it breaks (empty: it may be filed). */
export const supplyRecordOf = (
  state: GrantedState,
  draft: Omit<SupplyRecordPreparedData, 'failures' | 'preparedOn'>,
  filing: FilingFacts,
  policy: Policy,
): SupplyRecordDraft => {
  const source = supplySourceFromParcel(state, {
    landUserName: draft.landUserName,
    ...(draft.transferMethod === null ? {} : { transferMethod: draft.transferMethod }),
    ...(draft.sourceDocuments === null ? {} : { sourceDocuments: draft.sourceDocuments }),
  });
  const record = buildSupplyRecord(source, {
    filing: { authority: draft.authority, filedOn: filing.filedOn },
    project: draft.project,
    land: draft.land,
    foreignCurrency: draft.foreignCurrency,
    remarks: draft.remarks,
    signOff: { preparer: draft.preparer.name, reviewer: filing.reviewer?.name ?? '' },
  });
  const failures = validateSupplyRecord(record, {
    policy,
    industryCatalogue: GBT_4754_2002,
    landUserNameOnSourceDocument: filing.landUserNameOnSourceDocument,
    farmlandConversionApprovalDate: draft.farmlandConversionApprovalDate,
  });
  return { record, failures };
};
