/**
 * The idle-land case inside the parcel state (DOMAIN.md §5; see state.ts for the conventions).
 */
import type { IsoDate } from '../calendar/index.js';
import type { Fen } from '../money.js';

export const IDLE_TYPES = ['A', 'B'] as const;
export type IdleType = (typeof IDLE_TYPES)[number];

export type IdleCaseStatus =
  | 'SUSPECTED'
  | 'UNDER_INVESTIGATION'
  | 'GOV_CAUSED'
  | 'CONFIRMED'
  | 'FEE_LEVIED'
  | 'FEE_PAID'
  | 'RECOVERY_DECIDED'
  | 'DEREGISTERED'
  | 'CLOSED';

/** E1 Art 8 causes (+ force majeure). */
export const GOVERNMENT_CAUSES = [
  'LATE_DELIVERY',
  'PLAN_REVISION',
  'NEW_NATIONAL_POLICY',
  'PETITIONS',
  'MILITARY_OR_HERITAGE',
  'OTHER_GOVERNMENT_ACT',
  'FORCE_MAJEURE',
] as const;
export type GovernmentCause = (typeof GOVERNMENT_CAUSES)[number];

/** E1 Art 12 disposal options. */
export const GOVERNMENT_CAUSE_DISPOSALS = [
  'EXTEND_START',
  'CHANGE_USE_OR_CONDITIONS',
  'TEMPORARY_USE',
  'PAID_RECOVERY',
  'LAND_SWAP',
  'OTHER',
] as const;
export type GovernmentCauseDisposal = (typeof GOVERNMENT_CAUSE_DISPOSALS)[number];

/** Idle-land case (闲置土地, DOMAIN.md §5); at most one open at a time. */
export interface IdleCase {
  readonly caseId: string;
  readonly status: IdleCaseStatus;
  readonly type: IdleType;
  /** Anchor of T21 (serve the investigation notice within 30 cd). */
  readonly suspectedOn: IsoDate;
  readonly suspectedEventId: string | null;
  /** T19 / T20: the date the idle threshold was reached (agreed start + 1 y, or halt + 1 y). */
  readonly thresholdDate: IsoDate;
  /** Type B: last construction activity; null for type A. */
  readonly haltedSince: IsoDate | null;
  /** Anchor of T22 (materials within 30 cd). */
  readonly noticeServedOn: IsoDate | null;
  readonly noticeEventId: string | null;
  /** Computed at service (T22), stamped with policy/calendar versions in the event. */
  readonly materialsDueDate: IsoDate | null;
  readonly materialsSubmittedOn: IsoDate | null;
  readonly governmentCause: {
    readonly cause: GovernmentCause;
    readonly disposal: GovernmentCauseDisposal;
    readonly acceptedOn: IsoDate;
    /** T25 anchor when the disposal is temporary use. */
    readonly temporaryUseStartedOn: IsoDate | null;
    /** T25: temporary use ends no later than this (stamped at acceptance). */
    readonly temporaryUseEndsBy: IsoDate | null;
    readonly temporaryUseEndedOn: IsoDate | null;
    readonly temporaryUseEndEventId: string | null;
    readonly eventId: string | null;
  } | null;
  readonly confirmedOn: IsoDate | null;
  /** Date from which the land counts as idle (type A: effective agreed start). */
  readonly idleSince: IsoDate | null;
  readonly confirmationEventId: string | null;
  /** T23: fee decision served; pay within 30 cd. */
  readonly feeDecision: {
    readonly feeFen: Fen;
    readonly servedOn: IsoDate;
    readonly payBy: IsoDate;
    readonly eventId: string | null;
  } | null;
  readonly feePaidOn: IsoDate | null;
  /** T24: recovery decision served; deregister within 30 cd. */
  readonly recoveryDecision: {
    readonly servedOn: IsoDate;
    readonly deregisterBy: IsoDate;
    readonly eventId: string | null;
  } | null;
  readonly deregisteredOn: IsoDate | null;
  readonly deregistrationEventId: string | null;
  /** Disposal completed: closing date (also set on deregistration). */
  readonly closedOn: IsoDate | null;
  readonly closedEventId: string | null;
  /** T26: published after confirmation; withdrawn once disposal is completed. */
  readonly publishedOn: IsoDate | null;
  readonly publicationEventId: string | null;
  readonly publicationWithdrawnOn: IsoDate | null;
  readonly publicationWithdrawalEventId: string | null;
}
