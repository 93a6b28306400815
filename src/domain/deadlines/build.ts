/**
 * Turns a rule's anchor and period into an Obligation. A rule the parcel decider computes too
 * comes from its one definition in ../parcel/rules/dates.ts (period, direction, rolling);
 * for the engine's own rules this file decides whether a due date rolls off a rest day, by the
 * same convention (§11.3).
 */
import { applyPeriod } from '../calendar/index.js';
import type { DateResult, IsoDate } from '../calendar/index.js';
import { dateBy } from '../parcel/rules/dates.js';
import type { DateRule } from '../parcel/rules/dates.js';
import type { ParcelFacts, GrantedStatus } from '../parcel/index.js';
import type { Period, Policy } from '../policy/index.js';
import type { Anchor, Obligation, ObligationKind, RuleId } from './types.js';

/** What every rule family reads: a granted parcel and the policy in force. */
export interface RuleInput {
  readonly status: GrantedStatus;
  readonly facts: ParcelFacts;
  readonly policy: Policy;
}

interface SpecBase {
  readonly ruleId: RuleId;
  readonly kind: ObligationKind;
  readonly anchor: Anchor;
  readonly subject?: string;
  readonly description: string;
}

/** A rule only the deadline engine computes: its period, direction and, if not the default, rolling. */
interface PeriodSpec extends SpecBase {
  readonly period: Period;
  readonly direction: 'after' | 'before';
  /** Overrides the default: only deadlines and SLAs counted forward roll to a working day. */
  readonly roll?: boolean;
}

/** A rule the parcel decider computes too: its date comes from the one shared definition. */
interface DatedSpec extends SpecBase {
  readonly date: DateRule;
}

export type ObligationSpec = PeriodSpec | DatedSpec;

/** For obligations due on the anchor date itself (inspection points, publication). */
export const ON_THE_DAY: Period = { offset: 0, unit: 'cd' };

export const anchorAt = (date: IsoDate, eventId: string | null): Anchor => ({ date, eventId });

/**
 * Civil Code Art 203 moves the end of a period off a rest day; "N cd before" reminders are
 * internal triggers and fire on the day (§4 notes); thresholds and validator limits are the
 * corresponding date itself (Art 202, "满一年").
 */
const rollsByDefault = (kind: ObligationKind, direction: 'after' | 'before'): boolean =>
  direction === 'after' && (kind === 'deadline' || kind === 'sla');

const stamped = (spec: SpecBase, due: DateResult, unit: Period['unit'], policy: Policy): Obligation => ({
  ruleId: spec.ruleId,
  dueDate: due.date,
  unit,
  anchorEventId: spec.anchor.eventId,
  anchorDate: spec.anchor.date,
  provisional: due.provisional,
  policyVersion: policy.version,
  calendarVersion: policy.calendar.version,
  kind: spec.kind,
  ...(spec.subject === undefined ? {} : { subject: spec.subject }),
  description: spec.description,
});

export const obligation = (spec: ObligationSpec, policy: Policy): Obligation => {
  if ('date' in spec)
    return stamped(spec, dateBy(spec.date, spec.anchor.date, policy), spec.date.period(policy).unit, policy);
  const roll = spec.roll ?? rollsByDefault(spec.kind, spec.direction);
  return stamped(
    spec,
    applyPeriod(policy.calendar, spec.anchor.date, spec.period, spec.direction, { rollToWorkingDay: roll }),
    spec.period.unit,
    policy,
  );
};

/** An obligation on a shared rule that only some jurisdictions set: none where the policy has no period. */
export const obligationIfSet = (spec: SpecBase & { readonly date: DateRule<null> }, policy: Policy): Obligation[] => {
  const period = spec.date.period(policy);
  return period === null ? [] : [obligation({ ...spec, date: { ...spec.date, period: () => period } }, policy)];
};

/** The effective agreed start and the event that last set it (grant, extension or re-agreement). */
export const agreedStartAnchor = (facts: ParcelFacts): Anchor => {
  const change = facts.schedule.changes.findLast((c) => c.agreedStart !== c.previousStart);
  return anchorAt(facts.schedule.agreedStart, change === undefined ? facts.grantEventId : change.eventId);
};

export const agreedCompletionAnchor = (facts: ParcelFacts): Anchor => {
  const change = facts.schedule.changes.findLast((c) => c.agreedCompletion !== c.previousCompletion);
  return anchorAt(facts.schedule.agreedCompletion, change === undefined ? facts.grantEventId : change.eventId);
};

export const isOneOf = <S extends string>(status: string, allowed: readonly S[]): status is S =>
  (allowed as readonly string[]).includes(status);

export const LIVE: readonly GrantedStatus[] = ['GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED'];
export const NOT_STARTED: readonly GrantedStatus[] = ['GRANTED', 'DELIVERED', 'CERTIFIED'];
/** Live or completed: payments, data entry and inspections still run after completion. */
export const SUPERVISED: readonly GrantedStatus[] = [...LIVE, 'COMPLETED'];
