/**
 * Policy: every rate, period and threshold the rules use, as versioned data scoped to a
 * jurisdiction (DOMAIN.md §0.3). National defaults plus provincial overlays; contract terms
 * captured at grant time override these where the contract has its own value.
 * Rules graded [U] in DOMAIN.md are parameters here with the recommended default.
 */
import type { Calendar } from '../calendar/index.js';

export type PeriodUnit = 'cd' | 'wd' | 'month' | 'year' | 'hour';

export interface Period {
  readonly offset: number;
  readonly unit: PeriodUnit;
}

/** A decimal fraction kept as a string so it stays exact, e.g. '0.001' (1 ‰), '0.20'. */
export type DecimalString = string;

/** GB/T 21010-2007 construction-land classes (S3-A3 note 6, V10). */
export type LandUseClassCode = '05' | '06' | '07' | '08' | '09' | '10' | '11';

/**
 * Departments of the collective supply-decision mechanism (S4 §二). The decision aggregate
 * names them with these keys (src/domain/decision/departments.ts DEPARTMENTS).
 */
export type DecisionDepartment =
  | 'GOVERNMENT'
  | 'NATURAL_RESOURCES'
  | 'FINANCE'
  | 'DEVELOPMENT_REFORM'
  | 'INDUSTRY_IT'
  | 'COMMERCE'
  | 'ECOLOGY_ENVIRONMENT'
  | 'HOUSING_CONSTRUCTION'
  | 'DISCIPLINE_INSPECTION'
  | 'OTHER';

export interface Policy {
  /** e.g. 'CN-2026.1' or 'CN-JS-2026.1'; stamped on every computed deadline. */
  readonly version: string;
  /**
   * The working calendar its periods are counted on (DOMAIN.md §11). The published policies carry
   * the seed calendar (the chinese-days years, src/domain/working-calendar/seed.ts); the service
   * replaces it with the calendar version from the log that the parcel follows (src/calendar).
   */
  readonly calendar: Calendar;
  /** 'CN' for national, or 'CN-JS' (Jiangsu) etc.; a parcel's jurisdiction code starts with it. */
  readonly jurisdiction: string;
  readonly contractSigningAfterDeal: Period; // T01: 10 wd
  readonly trackingCardAfterGrant: Period; // T02: 10 wd
  readonly supplyFilingAfterGrant: Period; // T03: 10 cd
  readonly paymentReminderBefore: Period; // T04: 30 cd
  readonly paymentInfoEntryAfterPayment: Period; // T05: 10 wd
  readonly marketTransactionEntryAfterOccurrence: Period; // T28: 7 wd
  readonly reserveEntryAfterIntake: Period; // T27: 7 wd
  readonly renewalApplicationBeforeTermEnd: Period; // T39: 1 year
  readonly firstInstalment: { readonly minShare: DecimalString; readonly within: Period }; // T06: 0.5 within 1 month
  readonly balanceWithin: Period; // T06: 1 year after signing
  readonly latePaymentRatePerDay: DecimalString; // T07: '0.001' unless the contract says otherwise
  readonly terminationOverdue: Period; // T08: > 60 cd after due + demand served
  readonly grantorDeliveryThreshold: Period; // T09: > 60 cd
  /** T10; null where the jurisdiction sets no site-publicity period. */
  readonly sitePublicityAfterCertificate: Period | null;
  /** T11: start normally within, and never later than, these periods after delivery. null = no rule. */
  readonly startWindowAfterDelivery: { readonly normal: Period; readonly max: Period } | null;
  /** T11b (E6, housing only): start at most this long after delivery. null = no rule. */
  readonly housingStartMaxAfterDelivery: Period | null;
  /** T11b/T11c (E6, E3, housing only): completion at most this long after start. null = no rule. */
  readonly housingCompletionMaxAfterStart: Period | null;
  readonly startReminderBefore: Period; // T12: 30 cd
  readonly completionReminderBefore: Period; // T13: 30 cd
  readonly declarationUploadAfterVerification: Period; // T14: 10 wd
  readonly inspectionHandoverAfterInspection: Period; // T15: 5 wd
  /** T17: extension must be requested at least this long before the anchor. */
  readonly extensionLeadTime: { readonly period: Period; readonly anchor: 'agreedStart' | 'periodExpiry' };
  readonly extensionMax: Period; // T18: 1 year from the original agreed date
  readonly idleTypeAAfterAgreedStart: Period; // T19: 1 year
  readonly idleTypeBHalt: Period; // T20: halted 1 year
  readonly idleTypeBDevelopedAreaBelow: DecimalString; // T20: '0.3333…' expressed as fraction string '1/3'
  readonly idleTypeBInvestmentBelow: DecimalString; // T20: '0.25'
  readonly investigationAfterSuspicion: Period; // T21: 30 cd
  readonly materialsAfterNotice: Period; // T22: 30 cd
  readonly idleFeeRate: DecimalString; // T23: '0.20' (statute: up to 20 %, Q5)
  readonly idleFeePayAfterService: Period; // T23: 30 cd
  readonly freeRecoveryAfterAgreedStart: Period; // T24: 2 years
  readonly deregisterAfterService: Period; // T24: 30 cd
  readonly temporaryUseMax: Period; // T25: 2 years
  readonly govCauseExtensionMax: Period; // E1 Art 12(1): 1 year
  /** S4 §十一 (Jiangsu): approval certificate only after the price is paid as agreed. */
  readonly certificateRequiresFullPayment: boolean;
  /** S4 §十 (Jiangsu): revoking a grant needs the province's written approval. */
  readonly revocationRequiresProvincialApproval: boolean;
  /** S4 §十一 (Jiangsu): terminating a contract for non-payment is approved by the city/county government. */
  readonly terminationRequiresGovernmentApproval: boolean;
  /** E18 [E~]: longest land-use term (years) a grant may set, by land-use class. */
  readonly maxLandUseTermYears: Readonly<Record<LandUseClassCode, number>>;
  /**
   * §7.3, Q9: fixed length of a credit-archive bidding ban, where a jurisdiction sets one; null =
   * the ban lasts until it is lifted after verified rectification (no expiry).
   */
  readonly creditBanTerm: Period | null;
  /** S4 §二 / §10.1: departments that must take part in a collective supply-decision meeting. */
  readonly requiredDecisionDepartments: readonly DecisionDepartment[];
  /** S4 §五: residential FAR lower bound must be strictly greater than this; null = no rule. */
  readonly residentialMinFarExclusive: DecimalString | null;
  /** S4 §五: max single-unit floor area (m²) for new housing on cultivated land; null = no rule. */
  readonly maxUnitAreaOnCultivatedLand: number | null;
  readonly villaProhibited: boolean;
  /** S4 §六 / T30: reserve price decided within this period before bidding starts (or at plan approval). */
  readonly reservePriceWindow: Period;
  /** T31: a supplementary announcement less than this before the start postpones the activity. */
  readonly supplementaryAnnouncementMinLead: Period;
  /** T32 (E10): the 招拍挂 announcement is published at least this long before the start. */
  readonly announcementMinLead: Period;
  /** T36 (S2-MLR §二(二)): file the linkage project area's completion within this after acceptance. */
  readonly linkageAcceptanceFilingAfterAcceptance: Period;
}
