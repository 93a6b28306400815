/**
 * Event data of the deal, the grant and its revocation (see ../events.ts for the conventions).
 */
import type { IsoDate } from '../../calendar/index.js';
import type { Versions } from '../stamp.js';
import type { GrantTerms, Instalment } from '../state.js';

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
  readonly startWindow: {
    readonly normalLimit: IsoDate;
    readonly maxLimit: IsoDate;
    readonly beyondNormal: boolean;
  } | null;
};

export type TransferContractSignedData = GrantedData & { readonly instalments: readonly Instalment[] };
export type AllocationDecisionIssuedData = GrantedData;

export type GrantRevokedData = {
  readonly revokedOn: IsoDate;
  readonly provincialApprovalRef: string | null;
  readonly reason: string;
  readonly policyVersion: string;
};
