/**
 * State of the parcel aggregate (stream `parcel-<id>`, DOMAIN.md §3).
 *
 * A discriminated union on `status`. Every state after `NEW` carries a readonly record of
 * facts; the deadline engine (src/domain/deadlines) reads these facts, so every anchor is an
 * explicitly named ISO date ('YYYY-MM-DD', Asia/Shanghai) plus the store id of the event that
 * set it (`…EventId`). Event ids are `null` when the event was never stored (e.g. events
 * straight out of decide in a unit test); a fact that has not happened yet is `null`.
 * Money is integer fen, areas are hectare strings with 4 decimals, rates are exact decimal
 * strings ('0.001' = 1 ‰ per day).
 */
import type { ParcelCalendar } from './calendar/types.js';
import type { IsoDate } from '../calendar/index.js';
import type {
  GrantKind,
  GrantTerms,
  Instalment,
  LatePaymentDamages,
  MarketTransaction,
  ReserveIntake,
  Payment,
  PaymentDemand,
} from './state-terms.js';
import type { IdleCase } from './state-idle.js';
import type { SupervisionAlert } from './supervision/events.js';
import type { SupplyRecordPreparedData } from './records/events.js';

export * from './state-terms.js';
export * from './state-idle.js';

/** A declaration (动工/竣工申报书) and its verification by the local office (S0 §二(五)). */
export interface Milestone {
  /** Date the declaration was filed. */
  readonly declaredOn: IsoDate | null;
  /** The start/completion date the user claims. */
  readonly declaredDate: IsoDate | null;
  readonly declarationEventId: string | null;
  /** Date the office verified it (anchor of T14: upload within 10 wd). */
  readonly verifiedOn: IsoDate | null;
  readonly verificationEventId: string | null;
  /** Effective actual start/completion date, set on verification. */
  readonly actualDate: IsoDate | null;
  /** T14: the verified declaration uploaded into the monitoring system. */
  readonly uploadedOn: IsoDate | null;
  readonly uploadEventId: string | null;
}

/** T16 inspection points, plus periodic and ad-hoc patrols. */
export const INSPECTION_KINDS = [
  'AGREED_START',
  'AGREED_COMPLETION',
  'ACTUAL_START',
  'COMPLETION_ACCEPTANCE',
  'PERIODIC',
  'AD_HOC',
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export interface Inspection {
  readonly inspectionId: string;
  /** Anchor of T15 (hand-over within 5 wd). */
  readonly inspectedOn: IsoDate;
  readonly kind: InspectionKind;
  readonly eventId: string | null;
  /** T15: the record handed over to the land-use section. */
  readonly handedOverOn: IsoDate | null;
  readonly handOverEventId: string | null;
}

/** The grantee's demand that the grantor deliver (T09: > 60 cd late + demand → grantee may terminate). */
export interface DeliveryDemand {
  readonly demandId: string;
  readonly servedOn: IsoDate;
  readonly eventId: string | null;
}

export const EXTENSION_KINDS = ['START', 'COMPLETION'] as const;
export type ExtensionKind = (typeof EXTENSION_KINDS)[number];

/** One change of the agreed dates: an approved extension or a government-cause disposal (E1 Art 12(1)). */
export interface ScheduleChange {
  readonly source: 'EXTENSION' | 'GOVERNMENT_CAUSE';
  /** requestId for extensions, caseId for government cause. */
  readonly reference: string;
  readonly kind: ExtensionKind;
  readonly changedOn: IsoDate;
  readonly previousStart: IsoDate;
  readonly previousCompletion: IsoDate;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  readonly eventId: string | null;
}

export interface Schedule {
  /** As signed; T18 measures the maximum extension from these. */
  readonly originalStart: IsoDate;
  readonly originalCompletion: IsoDate;
  /** Effective dates after every approved change (T12, T13, T17, T19, T24 anchors). */
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  readonly changes: readonly ScheduleChange[];
}

export interface PendingExtension {
  readonly requestId: string;
  readonly kind: ExtensionKind;
  readonly requestedDate: IsoDate;
  readonly requestedOn: IsoDate;
  readonly eventId: string | null;
}

/** Deal facts (成交确认书), known before the grant. */
export interface DealFacts {
  readonly parcelId: string;
  readonly jurisdiction: string;
  readonly policyVersion: string;
  readonly winnerId: string;
  readonly dealConfirmedOn: IsoDate;
  /** T01: last day to sign, computed at confirmation. */
  readonly signingDeadline: IsoDate;
  readonly dealEventId: string | null;
  /** T01 fired (SigningDeadlinePassed). */
  readonly alerts: readonly SupervisionAlert[];
  /** The calendar version its dates follow (absent only in states stored before it was kept). */
  readonly calendar?: ParcelCalendar;
}

/** Everything known about a granted parcel. */
export interface ParcelFacts {
  readonly parcelId: string;
  /** e.g. 'CN-JS-3201'; the policy is `policyFor(jurisdiction)`. */
  readonly jurisdiction: string;
  /** Policy version in force at the grant. */
  readonly policyVersion: string;
  readonly grantKind: GrantKind;
  readonly dealConfirmedOn: IsoDate | null;
  readonly dealEventId: string | null;
  /** Contract signing / decision issue date: anchor of T02, T03, T06. */
  readonly grantedOn: IsoDate;
  readonly grantEventId: string | null;
  /** 电子监管号 (S4 §十). */
  readonly supervisionNo: string;
  /** T02: tracking card extracted and patrol task assigned (fulfilled when both are done). */
  readonly trackingCardExtractedOn: IsoDate | null;
  readonly trackingCardEventId: string | null;
  readonly patrolTaskAssignedOn: IsoDate | null;
  readonly patrolTaskEventId: string | null;
  /** T03: supply record filed, with the filing reference. */
  readonly supplyRecordFiledOn: IsoDate | null;
  readonly supplyRecordFilingRef: string | null;
  readonly supplyRecordEventId: string | null;
  /** §8/§12: the preparer's latest draft of the supply record, until it is filed. */
  readonly supplyRecordDraft: SupplyRecordPreparedData | null;
  readonly supplyRecordDraftEventId: string | null;
  /** T28: transfers, leases and mortgages of the right, in the order they took effect. */
  readonly marketTransactions: readonly MarketTransaction[];
  /** T27: set once the land of an ended right is taken into the reserve. */
  readonly reserve: ReserveIntake | null;
  readonly terms: GrantTerms;
  /** Empty for allocation. */
  readonly instalments: readonly Instalment[];
  readonly payments: readonly Payment[];
  readonly lateDamages: readonly LatePaymentDamages[];
  readonly paymentDemands: readonly PaymentDemand[];
  readonly deliveryDemands: readonly DeliveryDemand[];
  readonly deliveredOn: IsoDate | null;
  readonly deliveryEventId: string | null;
  /** Anchor of T10 (site publicity). */
  readonly certificateIssuedOn: IsoDate | null;
  readonly certificateEventId: string | null;
  readonly sitePublicityPostedOn: IsoDate | null;
  readonly sitePublicityEventId: string | null;
  readonly start: Milestone;
  readonly completion: Milestone;
  readonly inspections: readonly Inspection[];
  readonly schedule: Schedule;
  readonly pendingExtension: PendingExtension | null;
  readonly idleCase: IdleCase | null;
  readonly closedIdleCases: readonly IdleCase[];
  readonly terminatedOn: IsoDate | null;
  readonly terminationEventId: string | null;
  readonly revokedOn: IsoDate | null;
  readonly revocationEventId: string | null;
  /** Timers that fired on this parcel: reminders, breaches, overdue flags (supervision/). */
  readonly alerts: readonly SupervisionAlert[];
  /** The calendar version its dates follow and the deadlines held for review (calendar/). */
  readonly calendar?: ParcelCalendar;
}

/** Statuses of a granted parcel; the last four are terminal. */
export type GrantedStatus =
  'GRANTED' | 'DELIVERED' | 'CERTIFIED' | 'STARTED' | 'COMPLETED' | 'TERMINATED' | 'REVOKED' | 'RECOVERED';

export type GrantedState = { [S in GrantedStatus]: { readonly status: S; readonly facts: ParcelFacts } }[GrantedStatus];

export type ParcelState =
  | { readonly status: 'NEW' }
  | { readonly status: 'DEAL_CONCLUDED'; readonly deal: DealFacts }
  | {
      readonly status: 'SUPPLY_ABORTED';
      readonly deal: DealFacts;
      readonly abortedOn: IsoDate;
      readonly abortEventId: string | null;
    }
  | GrantedState;

export type ParcelStatus = ParcelState['status'];

/** Granted states in which the parcel is still being supervised. */
export const LIVE_STATUSES = ['GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export const isLive = (state: ParcelState): state is Extract<GrantedState, { status: LiveStatus }> =>
  (LIVE_STATUSES as readonly string[]).includes(state.status);

export const isGranted = (state: ParcelState): state is GrantedState => 'facts' in state;

/** The parcel's jurisdiction once a deal or a grant named it (null while NEW). */
export const parcelJurisdiction = (state: ParcelState): string | null =>
  isGranted(state) ? state.facts.jurisdiction : 'deal' in state ? state.deal.jurisdiction : null;

/** The timers that fired on the parcel, oldest first (the deal's, before a grant). */
export const firedAlerts = (state: ParcelState): readonly SupervisionAlert[] =>
  isGranted(state) ? state.facts.alerts : 'deal' in state ? state.deal.alerts : [];

/** The calendar the parcel's dates follow, once a deal or a grant stamped one. */
export const parcelCalendarOf = (state: ParcelState): ParcelCalendar | null =>
  (isGranted(state) ? state.facts.calendar : 'deal' in state ? state.deal.calendar : undefined) ?? null;

/** `change` applied to the parcel's calendar (a state without deal or grant is returned as is). */
export const withParcelCalendar = (
  state: ParcelState,
  change: (calendar: ParcelCalendar | null) => ParcelCalendar,
): ParcelState => {
  if (isGranted(state)) return { ...state, facts: { ...state.facts, calendar: change(state.facts.calendar ?? null) } };
  if ('deal' in state) return { ...state, deal: { ...state.deal, calendar: change(state.deal.calendar ?? null) } };
  return state;
};

/** The same parcel following another calendar version (its holds kept). */
export const withCalendarVersion = (state: ParcelState, version: string): ParcelState =>
  withParcelCalendar(state, (c) => ({ version, pins: c?.pins ?? [] }));

/** Not started yet (type-A idle candidates, start extensions). */
export const NOT_STARTED_STATUSES = ['GRANTED', 'DELIVERED', 'CERTIFIED'] as const;

export const initialParcelState = (): ParcelState => ({ status: 'NEW' });
