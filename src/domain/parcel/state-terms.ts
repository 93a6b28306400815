/**
 * Grant terms and payment facts of the parcel state (see state.ts for the conventions).
 */
import type { IsoDate } from '../calendar/index.js';
import type { Fen } from '../money.js';
import type { LandUseClassCode } from '../policy/index.js';

export type GrantKind = 'TRANSFER' | 'ALLOCATION';

/** GB/T 21010-2007 construction classes 05–11; 07 (residential) needs sub-class 1–5 (S3-A3 note 6, V10). */
export const LAND_USE_CODES = ['05', '06', '07', '08', '09', '10', '11'] as const satisfies readonly LandUseClassCode[];
export const RESIDENTIAL_SUBCLASSES = [1, 2, 3, 4, 5] as const;

export interface LandUse {
  readonly code: LandUseClassCode;
  readonly residentialSubclass: (typeof RESIDENTIAL_SUBCLASSES)[number] | null;
}

/** Per-day damage rates from the contract (E3 leaves them blank; late payment defaults to policy, Q11). */
export interface PenaltyRates {
  readonly latePaymentRatePerDay: string;
  readonly lateStartRatePerDay: string | null;
  readonly lateCompletionRatePerDay: string | null;
  readonly grantorLateDeliveryRatePerDay: string | null;
}

/** Terms captured at grant time from the transfer contract or the allocation decision (§3.2). */
export interface GrantTerms {
  readonly areaHa: string;
  readonly landUse: LandUse;
  /** Land-use term in years; null for allocation without a term. */
  readonly termYears: number | null;
  /** Transfer price (出让价款); null for allocation. Base of the idle fee (T23). */
  readonly priceFen: Fen | null;
  readonly depositFen: Fen | null;
  /** Allocation price (划拨价款) if known; idle-fee base for allocated land (E1 Art 14). */
  readonly allocationPriceFen: Fen | null;
  /** Contractual delivery date (T09 anchor; T11 start window). */
  readonly deliveryDate: IsoDate;
  readonly farMin: string;
  readonly farMax: string;
  readonly greenRatio: string;
  readonly buildingDensity: string;
  /** Total investment excluding land price and taxes (E1 Art 30); type-B idle base (T20). */
  readonly totalInvestmentFen: Fen;
  readonly rates: PenaltyRates;
  /** Collective decision (stream `decision-<id>`) that authorised the grant (§10.1). */
  readonly decisionId: string;
  readonly landUserId: string;
  readonly controllingShareholderIds: readonly string[];
  /** e.g. 'GF-2008-2601' (Q16); null for allocation decisions. */
  readonly contractTemplateVersion: string | null;
  /** 合同编号 / 划拨决定书编号. */
  readonly documentNo: string;
}

export interface Instalment {
  readonly no: number;
  readonly dueDate: IsoDate;
  readonly amountFen: Fen;
}

export interface Payment {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly amountFen: Fen;
  readonly paidOn: IsoDate;
  /** Anchor of T05 (payment info entry within 10 wd). */
  readonly eventId: string | null;
  /** T05: payment info and vouchers entered into the monitoring system. */
  readonly infoRecordedOn: IsoDate | null;
  readonly infoRecordedEventId: string | null;
}

/** Late-payment damages assessed when a late payment was recorded (T07). */
export interface LatePaymentDamages {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly principalFen: Fen;
  readonly ratePerDay: string;
  readonly daysLate: number;
  readonly damagesFen: Fen;
  readonly eventId: string | null;
}

/** 催交 notice; T08 needs one for the overdue instalment before termination. */
export interface PaymentDemand {
  readonly demandId: string;
  readonly instalmentNo: number;
  readonly servedOn: IsoDate;
  readonly eventId: string | null;
}

/** T28: a transfer, lease or mortgage of the granted right, and when its information was entered. */
export interface MarketTransaction {
  readonly transactionId: string;
  readonly kind: 'TRANSFER' | 'LEASE' | 'MORTGAGE';
  readonly occurredOn: IsoDate;
  readonly documentNo: string;
  readonly counterparty: string;
  readonly amountFen: Fen | null;
  /** Anchor of T28 (entered within 7 wd). */
  readonly eventId: string | null;
  readonly infoEnteredOn: IsoDate | null;
  readonly infoEnteredEventId: string | null;
}

/** T27: the land taken back into the reserve after the right ended, and when that was entered. */
export interface ReserveIntake {
  readonly reserveNo: string;
  readonly takenOn: IsoDate;
  readonly reserveAgency: string;
  /** Anchor of T27 (entered within 7 wd). */
  readonly eventId: string | null;
  readonly infoEnteredOn: IsoDate | null;
  readonly infoEnteredEventId: string | null;
}
