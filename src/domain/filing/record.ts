/**
 * The supply record: Attachment 3 国有建设用地供应情况备案表 of 国土资发〔2007〕326号 (DOMAIN.md
 * §8.2), the canonical supply-record schema (Q14). Coded fields are plain strings here because a
 * record may come from outside; validateSupplyRecord checks them against enumerations.ts.
 */
import type { Policy } from '../policy/types.js';
import type { SupplyAreaKey } from './enumerations.js';

export type IsoDate = string;

export interface SourceDocument {
  /** SOURCE_DOCUMENT_KINDS code. */
  readonly kind: string;
  readonly no: string;
  readonly signedOn: IsoDate;
}

/** Hectares with exactly 4 decimals (note 17). */
export type HectareString = string;
/** 万元 with exactly 2 decimals (note 17). */
export type WanYuanString = string;

export const AMOUNT_PATHS = [
  'amounts.tenderAuctionListing.contractAmount',
  'amounts.negotiatedTransfer.contractAmount',
  'amounts.lease.rent',
  'amounts.capitalContribution.amount',
  'amounts.authorizedOperation.amount',
  'requirements.totalInvestment',
] as const;
export type AmountPath = (typeof AMOUNT_PATHS)[number];

/** V3: a foreign-currency amount, kept with its currency and the rate of the contract date. */
export interface ForeignAmount {
  readonly field: AmountPath;
  readonly currency: string;
  /** In the original currency's units, exact decimal. */
  readonly originalAmount: string;
  /** Yuan per one unit of the currency, exact decimal. */
  readonly rateToCny: string;
  readonly rateDate: IsoDate;
}

export interface SupplyRecord {
  readonly filing: {
    readonly authority: { readonly province: string; readonly city: string };
    readonly filedOn: IsoDate;
  };
  readonly project: {
    readonly no: string;
    readonly name: string;
    readonly approvalDocNo: string;
    readonly approvalDate: IsoDate;
    readonly approvingBody: string;
    readonly industryCode: string;
    readonly investorNature: { readonly category: string; readonly subType: string | null };
    readonly landUser: string;
    readonly sourceDocuments: readonly SourceDocument[];
  };
  readonly land: {
    readonly address: string;
    readonly boundaries: string;
    /** Classified (S1 §二): may travel only over the land-resources private network. */
    readonly coordinates: readonly { readonly x: string; readonly y: string }[];
    readonly landSource: string;
    readonly developmentDegree: string;
    readonly use: { readonly code: string; readonly residentialSubclass: number | null };
    readonly grade: string;
    readonly termYears: number | null;
    readonly sourceDocSignedOn: IsoDate;
  };
  readonly areas: { readonly [K in 'total' | SupplyAreaKey]: HectareString };
  readonly amounts: {
    readonly tenderAuctionListing: {
      readonly contractAmount: WanYuanString | null;
      readonly paymentMode: string | null;
    };
    readonly negotiatedTransfer: { readonly contractAmount: WanYuanString | null; readonly paymentMode: string | null };
    readonly lease: { readonly rent: WanYuanString | null };
    readonly capitalContribution: { readonly amount: WanYuanString | null };
    readonly authorizedOperation: { readonly amount: WanYuanString | null };
  };
  readonly foreignCurrency: readonly ForeignAmount[];
  readonly requirements: {
    readonly far: { readonly lowerBound: string | null; readonly upperBound: string | null };
    readonly greenRatio: string | null;
    readonly buildingDensity: string | null;
    readonly totalInvestment: WanYuanString | null;
    readonly agreedStart: IsoDate;
    readonly agreedCompletion: IsoDate;
  };
  readonly remarks: string | null;
  readonly signOff: { readonly preparer: string; readonly reviewer: string };
}

export type ValidationRule =
  'V1' | 'V2' | 'V3' | 'V4' | 'V5' | 'V6' | 'V7' | 'V8' | 'V9' | 'V10' | 'V11' | 'V12' | 'V13' | 'V14';

/** One broken rule: which, where (a dotted path into the record) and why. */
export interface SupplyRecordFailure {
  readonly rule: ValidationRule;
  readonly field: string;
  readonly message: string;
}

/** Facts the record cannot carry itself. */
export interface SupplyRecordContext {
  /** V14 (and the jurisdiction's other thresholds). */
  readonly policy: Policy;
  /** V11: the GB/T 4754-2002-based industry catalogue, versioned. */
  readonly industryCatalogue: { readonly version: string; readonly codes: readonly string[] };
  /** V12: the user's name as written on the source-of-right document. */
  readonly landUserNameOnSourceDocument: string;
  /** V6: farmland-conversion / expropriation approval date (Attachment 1/2); null = none (stock land). */
  readonly farmlandConversionApprovalDate: IsoDate | null;
}

/** Reads the amount at one of AMOUNT_PATHS. */
export const amountAt = (record: SupplyRecord, path: AmountPath): WanYuanString | null => {
  switch (path) {
    case 'amounts.tenderAuctionListing.contractAmount':
      return record.amounts.tenderAuctionListing.contractAmount;
    case 'amounts.negotiatedTransfer.contractAmount':
      return record.amounts.negotiatedTransfer.contractAmount;
    case 'amounts.lease.rent':
      return record.amounts.lease.rent;
    case 'amounts.capitalContribution.amount':
      return record.amounts.capitalContribution.amount;
    case 'amounts.authorizedOperation.amount':
      return record.amounts.authorizedOperation.amount;
    case 'requirements.totalInvestment':
      return record.requirements.totalInvestment;
    default: {
      const _never: never = path;
      return _never;
    }
  }
};

export const failure = (rule: ValidationRule, field: string, message: string): SupplyRecordFailure => ({
  rule,
  field,
  message,
});
