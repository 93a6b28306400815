/**
 * Event data of the deal, the grant and the payment rules (see events.ts for the conventions).
 */
import type { IsoDate } from '../calendar/index.js';
import type { Fen } from '../money.js';
import type { GrantTerms, Instalment } from './state.js';

/**
 * Stamp on every event that stores a computed date: the versions used, and `provisional` when
 * any computed date in the event depends on a year without a published holiday notice (§11.4.4).
 */
export type Versions = { readonly policyVersion: string; readonly calendarVersion: string; readonly provisional: boolean };

export type DealConfirmedData = Versions & {
  readonly parcelId: string;
  readonly jurisdiction: string;
  readonly winnerId: string;
  readonly confirmedOn: IsoDate;
  /** T01: last day to sign the contract. */
  readonly signingDeadline: IsoDate;
};

export type SupplyAbortedData = {
  readonly abortedOn: IsoDate;
  readonly signingDeadline: IsoDate;
  readonly depositForfeited: true;
  readonly reason: string;
};

/** Shared by both grant documents (§3.2). */
export type GrantedData = Versions & {
  readonly parcelId: string;
  readonly jurisdiction: string;
  readonly supervisionNo: string;
  readonly grantedOn: IsoDate;
  readonly dealConfirmedOn: IsoDate | null;
  readonly terms: GrantTerms;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  /** T11: the start-window limits checked at grant; null where the policy sets none. */
  readonly startWindow: { readonly normalLimit: IsoDate; readonly maxLimit: IsoDate; readonly beyondNormal: boolean } | null;
};

export type TransferContractSignedData = GrantedData & { readonly instalments: readonly Instalment[] };
export type AllocationDecisionIssuedData = GrantedData;

export type PaymentReceivedData = {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly amountFen: Fen;
  readonly paidOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly outstandingAfterFen: Fen;
};

export type LatePaymentDamagesAssessedData = {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly principalFen: Fen;
  readonly ratePerDay: string;
  readonly dueDate: IsoDate;
  readonly paidOn: IsoDate;
  readonly daysLate: number;
  readonly damagesFen: Fen;
};

export type PaymentDemandServedData = {
  readonly demandId: string;
  readonly instalmentNo: number;
  readonly servedOn: IsoDate;
  readonly overdueFen: Fen;
  readonly daysOverdue: number;
};

export type ContractTerminatedData = Versions & {
  readonly terminatedOn: IsoDate;
  readonly instalmentNo: number;
  readonly dueDate: IsoDate;
  readonly daysOverdue: number;
  /** T08: the last day on which termination was still not allowed (due + 60 cd). */
  readonly thresholdDate: IsoDate;
  readonly demandId: string;
  readonly governmentApprovalRef: string | null;
  readonly depositForfeitedFen: Fen;
  readonly reason: string;
};

export type GrantRevokedData = {
  readonly revokedOn: IsoDate;
  readonly provincialApprovalRef: string | null;
  readonly reason: string;
  readonly policyVersion: string;
};
