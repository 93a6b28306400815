/**
 * FireTimer (DOMAIN.md §4): the poller reports that a timer's day has come. The parcel decides
 * whether the timer is still wanted — its obligation still open with the same due date, per the
 * same `timerPlan` the saga scheduled from — and records the rule's effect. A timer whose
 * obligation was fulfilled or moved in the meantime is refused (TIMER_OBSOLETE) and the poller
 * records the firing as obsolete; a reminder whose target date has already passed is refused too
 * (the overdue timer speaks then). T19 opens the idle case (type A) itself.
 */
import type { ParcelEvent } from '../events.js';
import { fail } from '../errors.js';
import type { DecideContext } from '../guards.js';
import { decideOpenIdleCase } from '../idle/decide-case.js';
import { isGranted } from '../state.js';
import type { ParcelState } from '../state.js';
import type { FireTimer } from './commands.js';
import { ALERT_EVENT_OF, type AlertRule } from './events.js';
import { timerPlan } from './timer-plan.js';

const jurisdictionOf = (state: ParcelState): string | null =>
  isGranted(state) ? state.facts.jurisdiction : state.status === 'DEAL_CONCLUDED' ? state.deal.jurisdiction : null;

export const decideFireTimer = (command: FireTimer, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const { timer } = command.data;
  const { today } = ctx;
  if (timer.fireOn > today)
    fail('TIMER_NOT_DUE', `Timer ${timer.timerId} fires on ${timer.fireOn}, not before`, {
      field: 'timer.fireOn',
      rule: timer.rule,
    });
  const jurisdiction = jurisdictionOf(state);
  const wanted =
    jurisdiction !== null && timerPlan(state, ctx.policyFor(jurisdiction)).some((t) => t.timerId === timer.timerId);
  if (!wanted)
    fail('TIMER_OBSOLETE', `Timer ${timer.timerId} is no longer wanted: its obligation was fulfilled or moved`, {
      rule: timer.rule,
      status: state.status,
    });
  // Fired already (a retry under another key): nothing more to record.
  if (isGranted(state) && state.facts.alerts.some((a) => a.timerId === timer.timerId)) return [];
  if (state.status === 'DEAL_CONCLUDED' && state.deal.alerts.some((a) => a.timerId === timer.timerId)) return [];
  if (timer.kind === 'reminder' && timer.anchorDate < today)
    fail('TIMER_OBSOLETE', `Reminder ${timer.timerId} comes after its date ${timer.anchorDate}`, { rule: timer.rule });
  if (timer.rule === 'T19') return openIdleCase(command, state, ctx);
  const type = ALERT_EVENT_OF[timer.rule as AlertRule];
  return [{ type, data: { ...timer, firedOn: today } }];
};

/** T19: the system opens the type-A case on the threshold date, as an officer would with OpenIdleCase. */
const openIdleCase = (command: FireTimer, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const { timer } = command.data;
  const events = decideOpenIdleCase(
    {
      type: 'OpenIdleCase',
      data: { caseId: `IC-A-${timer.dueDate}`, type: 'A', suspectedOn: timer.fireOn },
      context: command.context,
    },
    state,
    ctx,
  );
  return events.map((e) => (e.type === 'IdleSuspected' ? { ...e, data: { ...e.data, timerId: timer.timerId } } : e));
};
