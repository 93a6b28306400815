/**
 * Builds the Attachment-3 record from what the supply itself knows (SupplyRecordSource, e.g.
 * from the parcel via from-parcel.ts) plus what only the filing office knows (SupplyRecordExtra).
 * It does not judge: validateSupplyRecord does, so a bad input shows up as failures there.
 */
import { wanYuanString, type Fen } from '../money.js';
import { SUPPLY_METHODS, type PaymentMode, type SupplyMethod } from './enumerations.js';
import type { ForeignAmount, SourceDocument, SupplyRecord } from './record.js';

export interface SupplyRecordSource {
  readonly supplyMethod: SupplyMethod;
  /** Hectares, exactly 4 decimals. */
  readonly areaHa: string;
  readonly landUse: { readonly code: string; readonly residentialSubclass: number | null };
  readonly termYears: number | null;
  readonly sourceDocuments: readonly SourceDocument[];
  /** The user's name as on the source document. */
  readonly landUser: string;
  /** Contract amount (出让), rent received in the period (租赁, note 13) or amount (作价出资/授权经营); null for 划拨. */
  readonly priceFen: Fen | null;
  /** Instalments in the contract: 1 → 一次性支付, more → 分期支付 (note 12). */
  readonly instalmentCount: number;
  readonly farLowerBound: string | null;
  readonly farUpperBound: string | null;
  readonly greenRatio: string | null;
  readonly buildingDensity: string | null;
  readonly totalInvestmentFen: Fen | null;
  readonly agreedStart: string;
  readonly agreedCompletion: string;
}

export interface SupplyRecordExtra {
  readonly filing: SupplyRecord['filing'];
  readonly project: Omit<SupplyRecord['project'], 'landUser' | 'sourceDocuments'>;
  readonly land: Pick<
    SupplyRecord['land'],
    'address' | 'boundaries' | 'coordinates' | 'landSource' | 'developmentDegree' | 'grade'
  >;
  readonly foreignCurrency?: readonly ForeignAmount[];
  readonly remarks: string | null;
  readonly signOff: SupplyRecord['signOff'];
}

const ZERO_HA = '0.0000';

const wan = (fen: Fen | null): string | null => (fen === null ? null : wanYuanString(fen));

export const buildSupplyRecord = (source: SupplyRecordSource, extra: SupplyRecordExtra): SupplyRecord => {
  const method = source.supplyMethod;
  const areaOf = (key: (typeof SUPPLY_METHODS)[number]['areaKey']): string =>
    SUPPLY_METHODS.find((m) => m.code === method)?.areaKey === key ? source.areaHa : ZERO_HA;
  const paymentMode: PaymentMode = source.instalmentCount > 1 ? 'INSTALMENTS' : 'LUMP_SUM';
  const transfer = (code: SupplyMethod) =>
    method === code
      ? { contractAmount: wan(source.priceFen), paymentMode }
      : { contractAmount: null, paymentMode: null };
  // Note 10: with several source documents, the latest signing date.
  const latest = source.sourceDocuments.map((doc) => doc.signedOn).reduce((a, b) => (b > a ? b : a), '');
  return {
    filing: extra.filing,
    project: { ...extra.project, landUser: source.landUser, sourceDocuments: source.sourceDocuments },
    land: {
      ...extra.land,
      use: source.landUse,
      termYears: source.termYears,
      sourceDocSignedOn: latest,
    },
    areas: {
      total: source.areaHa,
      allocation: areaOf('allocation'),
      tenderAuctionListing: areaOf('tenderAuctionListing'),
      negotiatedTransfer: areaOf('negotiatedTransfer'),
      lease: areaOf('lease'),
      capitalContribution: areaOf('capitalContribution'),
      authorizedOperation: areaOf('authorizedOperation'),
    },
    amounts: {
      tenderAuctionListing: transfer('TENDER_AUCTION_LISTING'),
      negotiatedTransfer: transfer('NEGOTIATED_TRANSFER'),
      lease: { rent: method === 'LEASE' ? wan(source.priceFen) : null },
      capitalContribution: { amount: method === 'CAPITAL_CONTRIBUTION' ? wan(source.priceFen) : null },
      authorizedOperation: { amount: method === 'AUTHORIZED_OPERATION' ? wan(source.priceFen) : null },
    },
    foreignCurrency: extra.foreignCurrency ?? [],
    requirements: {
      far: { lowerBound: source.farLowerBound, upperBound: source.farUpperBound },
      greenRatio: source.greenRatio,
      buildingDensity: source.buildingDensity,
      totalInvestment: wan(source.totalInvestmentFen),
      agreedStart: source.agreedStart,
      agreedCompletion: source.agreedCompletion,
    },
    remarks: extra.remarks,
    signOff: extra.signOff,
  };
};
