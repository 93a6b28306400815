/**
 * The date rules of DOMAIN.md §4 that both the parcel decider and the deadline engine
 * (src/domain/deadlines) compute: each is written once here, as its policy period, its
 * direction and whether its end rolls off a rest day. The decider checks a command against
 * the date; the deadline engine lists the same date as an open obligation.
 *
 * Rolling (§11.3): the last day of a period to act (a deadline, an SLA, an instalment
 * window) moves to the next working day (Civil Code Art 203); thresholds ("满一年", "more than
 * 60 days") and validator limits are the corresponding date itself; "N before" limits never
 * roll. A working-day period always ends on a working day, so rolling it changes nothing.
 */
import { applyPeriod } from '../../calendar/index.js';
import type { DateResult, IsoDate } from '../../calendar/index.js';
import type { Period, Policy } from '../../policy/index.js';

/** `N` is `null` when a jurisdiction may set no period for the rule (then there is no date). */
export interface DateRule<N extends null = never> {
  readonly period: (policy: Policy) => Period | N;
  readonly direction: 'after' | 'before';
  readonly roll: boolean;
}

const after = (period: (policy: Policy) => Period, roll: boolean): DateRule => ({ period, direction: 'after', roll });
/** A rule only some jurisdictions have. */
const afterIfSet = (period: (policy: Policy) => Period | null, roll: boolean): DateRule<null> => ({
  period,
  direction: 'after',
  roll,
});
const before = (period: (policy: Policy) => Period): DateRule => ({ period, direction: 'before', roll: false });

/** The date a rule gives from its anchor, or null where the policy sets no period. */
export function dateBy(rule: DateRule, anchor: IsoDate, policy: Policy): DateResult;
export function dateBy(rule: DateRule<null>, anchor: IsoDate, policy: Policy): DateResult | null;
export function dateBy(rule: DateRule<null>, anchor: IsoDate, policy: Policy): DateResult | null {
  const period = rule.period(policy);
  return period === null
    ? null
    : applyPeriod(policy.calendar, anchor, period, rule.direction, { rollToWorkingDay: rule.roll });
}

export const PARCEL_DATES = {
  /** T01: last day to sign the transfer contract, from the deal. */
  signingDeadline: after((p) => p.contractSigningAfterDeal, true),
  /** T02: tracking card and patrol task, from the grant. */
  trackingSetupDue: after((p) => p.trackingCardAfterGrant, true),
  /** T03: supply record filed, from the grant. */
  supplyFilingDue: after((p) => p.supplyFilingAfterGrant, true),
  /** T05: payment information entered, from the payment. */
  paymentInfoDue: after((p) => p.paymentInfoEntryAfterPayment, true),
  /** T28: a transfer, lease or mortgage of the right entered, from its occurrence. */
  marketInfoDue: after((p) => p.marketTransactionEntryAfterOccurrence, true),
  /** T27: land taken into the reserve entered, from the intake. */
  reserveInfoDue: after((p) => p.reserveEntryAfterIntake, true),
  /** T06: the first share of the price due by this date after signing. */
  firstInstalmentBy: after((p) => p.firstInstalment.within, true),
  /** T06: the whole price due by this date after signing. */
  balanceBy: after((p) => p.balanceWithin, true),
  /** T08: the last day the grantor may not yet terminate, from the instalment's due date. */
  paymentTerminationThreshold: after((p) => p.terminationOverdue, false),
  /** T09: the last day the grantee may not yet terminate, from the contract delivery date. */
  deliveryTerminationThreshold: after((p) => p.grantorDeliveryThreshold, false),
  /** T10: site publicity posted, from the approval certificate (Jiangsu). */
  sitePublicityDue: afterIfSet((p) => p.sitePublicityAfterCertificate, true),
  /** T11: latest agreed start, normally, from delivery. */
  startWindowNormal: afterIfSet((p) => p.startWindowAfterDelivery?.normal ?? null, false),
  /** T11: latest agreed start, at most, from delivery. */
  startWindowMax: afterIfSet((p) => p.startWindowAfterDelivery?.max ?? null, false),
  /** T11b: housing starts by this date after delivery. */
  housingStartLimit: afterIfSet((p) => p.housingStartMaxAfterDelivery, false),
  /** T11b / T11c: housing completed by this date after the (agreed or actual) start. */
  housingCompletionLimit: afterIfSet((p) => p.housingCompletionMaxAfterStart, false),
  /** T14: the verified declaration uploaded, from the verification (Q10). */
  declarationUploadDue: after((p) => p.declarationUploadAfterVerification, true),
  /** T15: the inspection record handed over, from the inspection. */
  inspectionHandoverDue: after((p) => p.inspectionHandoverAfterInspection, true),
  /** T17: last day to apply for an extension, counted back from the date being extended. */
  latestExtensionRequest: before((p) => p.extensionLeadTime.period),
  /** T18: the latest date an extension may set, from the originally agreed date. */
  extensionMax: after((p) => p.extensionMax, false),
  /** T19: type-A idle threshold, from the effective agreed start. */
  idleTypeAThreshold: after((p) => p.idleTypeAAfterAgreedStart, false),
  /** T20: type-B idle threshold, from the halt. */
  idleTypeBThreshold: after((p) => p.idleTypeBHalt, false),
  /** T21: investigation notice served, from the suspicion. */
  investigationDue: after((p) => p.investigationAfterSuspicion, true),
  /** T22: the holder's materials, from the notice. */
  materialsDue: after((p) => p.materialsAfterNotice, true),
  /** T23: the idle fee paid, from the fee decision. */
  idleFeePayBy: after((p) => p.idleFeePayAfterService, true),
  /** T24: free recovery possible, from the effective agreed start. */
  freeRecoveryThreshold: after((p) => p.freeRecoveryAfterAgreedStart, false),
  /** T24: the right deregistered, from the recovery decision. */
  deregisterBy: after((p) => p.deregisterAfterService, true),
  /** T25: the government's temporary use ends by this date. */
  temporaryUseEndsBy: after((p) => p.temporaryUseMax, false),
  /** E1 Art 12(1), decider only: a government-cause extension's new start, from the agreement. */
  govCauseExtensionLimit: after((p) => p.govCauseExtensionMax, false),
};
