/**
 * The parcel's side of the filing (T03: filed within 10 cd of the grant). The parcel does not
 * know whether a transfer was by 招拍挂 or by agreement, nor the user's name as written on the
 * contract, so those come from the caller.
 */
import { fail } from '../errors.js';
import type { GrantedState } from '../parcel/state.js';
import type { SupplyRecordSource } from './build.js';
import type { SourceDocument } from './record.js';

export interface ParcelFilingOptions {
  readonly transferMethod?: 'TENDER_AUCTION_LISTING' | 'NEGOTIATED_TRANSFER';
  readonly landUserName: string;
  /** Defaults to the grant document itself; pass all of them when there are several (note 10). */
  readonly sourceDocuments?: readonly SourceDocument[];
}

export const supplySourceFromParcel = (state: GrantedState, options: ParcelFilingOptions): SupplyRecordSource => {
  const { facts } = state;
  const { terms } = facts;
  const allocation = facts.grantKind === 'ALLOCATION';
  const supplyMethod = allocation
    ? 'ALLOCATION'
    : (options.transferMethod ??
      fail('TRANSFER_METHOD_REQUIRED', 'say whether the transfer was by tender/auction/listing or by agreement', {
        field: 'transferMethod',
        rule: 'V5',
      }));
  return {
    supplyMethod,
    areaHa: terms.areaHa,
    landUse: terms.landUse,
    termYears: terms.termYears,
    sourceDocuments: options.sourceDocuments ?? [
      {
        kind: allocation ? 'ALLOCATION_DECISION' : 'TRANSFER_CONTRACT',
        no: terms.documentNo,
        signedOn: facts.grantedOn,
      },
    ],
    landUser: options.landUserName,
    priceFen: allocation ? null : terms.priceFen,
    instalmentCount: facts.instalments.length,
    farLowerBound: terms.farMin,
    farUpperBound: terms.farMax,
    greenRatio: terms.greenRatio,
    buildingDensity: terms.buildingDensity,
    totalInvestmentFen: terms.totalInvestmentFen,
    // The record states the dates as agreed in the source document, before any extension.
    agreedStart: facts.schedule.originalStart,
    agreedCompletion: facts.schedule.originalCompletion,
  };
};
