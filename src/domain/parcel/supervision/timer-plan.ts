/**
 * Which open obligations of a parcel become timers, and on which day each fires: a pure function
 * of the parcel state and the policy, so the saga (to schedule) and the decider (to check that a
 * firing timer is still wanted) always agree.
 *
 * - From the deadline engine (`obligationsOf`): every rule with an effect in ALERT_EVENT_OF, plus
 *   T19 (opens the idle case). Validator limits (T06, T11, T11b, T11c, T18) are checked by the
 *   deciders and need no timer; T20 needs patrol evidence the state does not hold.
 * - T08 only once a payment demand was served for the instalment, T09 `termination` only once the
 *   grantee served a delivery demand: without the demand there is no right to signal.
 * - C2 (§7.1, Q10): the effective agreed start (completion) passes with no declaration filed
 *   and no extension of it pending.
 * - Fire day: on the due date for reminders, inspection points, the T17 last day (the window is
 *   closing) and thresholds from which a state holds (T07 first overdue day, T19 and T24 `recovery`
 *   one and two years on); the day after for a last day to act (deadlines, SLAs, T25's limit) and for
 *   "more than 60 days" thresholds (T08, T09 `termination`).
 */
import { addCalendarDays } from '../../calendar/index.js';
import { agreedCompletionAnchor, agreedStartAnchor } from '../../deadlines/build.js';
import { obligationsOf } from '../../deadlines/index.js';
import type { Obligation } from '../../deadlines/index.js';
import type { Policy } from '../../policy/index.js';
import { startOfShanghaiDay, timerIdOf } from '../../timers/index.js';
import type { TimerStamp } from '../../timers/index.js';
import { isGranted, NOT_STARTED_STATUSES } from '../state.js';
import type { ParcelFacts, ParcelState } from '../state.js';
import { ALERT_EVENT_OF } from './events.js';

const FIRES_ON_DUE_DATE = new Set(['T04', 'T07', 'T12', 'T13', 'T16', 'T17', 'T19']);

const firesOnDueDate = (o: { readonly ruleId: string; readonly subject?: string | undefined }): boolean =>
  FIRES_ON_DUE_DATE.has(o.ruleId) || (o.ruleId === 'T24' && o.subject === 'recovery');

const isTimerRule = (rule: string): boolean => rule === 'T19' || rule in ALERT_EVENT_OF;

/** The stamp of the timer for one obligation of `owner`. */
export const timerOf = (owner: string, o: Obligation | WatchObligation): TimerStamp => {
  const subject = o.subject ?? null;
  const fireOn = firesOnDueDate(o) ? o.dueDate : addCalendarDays(o.dueDate, 1).date;
  return {
    timerId: timerIdOf(owner, o.ruleId, subject, o.dueDate),
    owner,
    rule: o.ruleId,
    subject,
    kind: o.kind,
    description: o.description,
    dueDate: o.dueDate,
    fireOn,
    dueAt: startOfShanghaiDay(fireOn),
    anchorEventId: o.anchorEventId,
    anchorDate: o.anchorDate,
    unit: o.unit,
    policyVersion: o.policyVersion,
    calendarVersion: o.calendarVersion,
    provisional: o.provisional,
  };
};

/** An obligation this module adds to the engine's: the C2 declaration watch. */
export type WatchObligation = Omit<Obligation, 'ruleId'> & { readonly ruleId: 'C2' };

const demandServed = (facts: ParcelFacts, o: Obligation): boolean => {
  if (o.ruleId === 'T08') return facts.paymentDemands.some((d) => String(d.instalmentNo) === o.subject);
  if (o.ruleId === 'T09' && o.subject === 'termination') return facts.deliveryDemands.length > 0;
  return true;
};

/** C2: the agreed start (completion) with no declaration filed and no extension of it pending. */
const declarationWatch = (status: string, facts: ParcelFacts, policy: Policy): WatchObligation[] => {
  const pending = facts.pendingExtension?.kind ?? null;
  const watch = (which: 'start' | 'completion'): WatchObligation => {
    const anchor = which === 'start' ? agreedStartAnchor(facts) : agreedCompletionAnchor(facts);
    return {
      ruleId: 'C2',
      dueDate: anchor.date,
      unit: 'cd',
      anchorEventId: anchor.eventId,
      anchorDate: anchor.date,
      provisional: false,
      policyVersion: policy.version,
      calendarVersion: policy.calendar.version,
      kind: 'deadline',
      subject: which,
      description: `File the ${which} declaration (${which === 'start' ? '动工' : '竣工'}申报书) by the agreed ${which} date`,
    };
  };
  if ((NOT_STARTED_STATUSES as readonly string[]).includes(status))
    return facts.start.declaredOn === null && pending !== 'START' ? [watch('start')] : [];
  if (status === 'STARTED')
    return facts.completion.declaredOn === null && pending !== 'COMPLETION' ? [watch('completion')] : [];
  return [];
};

/** Every timer the parcel wants now, in due order. The same state and policy give the same list. */
export const timerPlan = (state: ParcelState, policy: Policy): TimerStamp[] => {
  if (state.status === 'NEW' || state.status === 'SUPPLY_ABORTED') return [];
  const owner = isGranted(state) ? state.facts.parcelId : state.deal.parcelId;
  const obligations = obligationsOf(state, policy).filter(
    (o) => isTimerRule(o.ruleId) && (!isGranted(state) || demandServed(state.facts, o)),
  );
  const watch = isGranted(state) ? declarationWatch(state.status, state.facts, policy) : [];
  return [...obligations, ...watch].map((o) => timerOf(owner, o));
};
