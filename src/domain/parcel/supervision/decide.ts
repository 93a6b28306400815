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
import { firedAlerts, parcelJurisdiction } from '../state.js';
import type { ParcelState } from '../state.js';
import { DomainError } from '../../errors.js';
import { evolve } from '../evolve.js';
import type { FireTimer, FireTimers } from './commands.js';
import { ALERT_EVENT_OF, ALERT_EVENT_TYPES, type AlertRule } from './events.js';

const ALERT_TYPES: ReadonlySet<string> = new Set(ALERT_EVENT_TYPES);
import { timerPlan } from './timer-plan.js';

/** The ids of the timers the parcel wants now (the saga's plan), computed once per state. */
const wantedIds = (state: ParcelState, ctx: DecideContext): ReadonlySet<string> => {
  const jurisdiction = parcelJurisdiction(state);
  return new Set(jurisdiction === null ? [] : timerPlan(state, ctx.policyFor(jurisdiction)).map((t) => t.timerId));
};

/** FireTimer against a precomputed plan (`wanted`): FireTimers computes it once for many timers. */
const fireAgainst = (
  command: FireTimer,
  state: ParcelState,
  ctx: DecideContext,
  wanted: ReadonlySet<string>,
): ParcelEvent[] => {
  const { timer } = command.data;
  const { today } = ctx;
  if (timer.fireOn > today)
    fail('TIMER_NOT_DUE', `Timer ${timer.timerId} fires on ${timer.fireOn}, not before`, {
      field: 'timer.fireOn',
      rule: timer.rule,
    });
  if (!wanted.has(timer.timerId))
    fail('TIMER_OBSOLETE', `Timer ${timer.timerId} is no longer wanted: its obligation was fulfilled or moved`, {
      rule: timer.rule,
      status: state.status,
    });
  // Fired already (a retry under another key): nothing more to record.
  if (firedAlerts(state).some((a) => a.timerId === timer.timerId)) return [];
  if (timer.kind === 'reminder' && timer.anchorDate < today)
    fail('TIMER_OBSOLETE', `Reminder ${timer.timerId} comes after its date ${timer.anchorDate}`, { rule: timer.rule });
  if (timer.rule === 'T19') return openIdleCase(command, state, ctx);
  const type = ALERT_EVENT_OF[timer.rule as AlertRule];
  return [{ type, data: { ...timer, firedOn: today } }];
};

export const decideFireTimer = (command: FireTimer, state: ParcelState, ctx: DecideContext): ParcelEvent[] =>
  fireAgainst(command, state, ctx, wantedIds(state, ctx));

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

/**
 * FireTimers: each timer in turn as FireTimer would decide it on the state the earlier ones left;
 * a timer FireTimer would refuse is skipped here (the poller records it as obsolete, with
 * `fireRefusal` for the reason). Every effect event carries its timer id, so the caller can give
 * each the same deterministic store id a lone FireTimer would have.
 */
export const decideFireTimers = (command: FireTimers, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const events: ParcelEvent[] = [];
  let current = state;
  let wanted = wantedIds(state, ctx);
  for (const timer of command.data.timers) {
    let decided: ParcelEvent[];
    try {
      decided = fireAgainst({ ...command, type: 'FireTimer', data: { timer } }, current, ctx, wanted);
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    for (const event of decided) current = evolve(current, event);
    events.push(...decided);
    // An alert changes no obligation; anything else (T19 opening the case) may change the plan.
    if (decided.some((e) => !ALERT_TYPES.has(e.type))) wanted = wantedIds(current, ctx);
  }
  return events;
};

/** Why FireTimer refuses each of `commands` on `state` (null where it would not), against one plan. */
export const fireRefusals = (
  commands: readonly FireTimer[],
  state: ParcelState,
  ctx: DecideContext,
): (DomainError | null)[] => {
  const wanted = wantedIds(state, ctx);
  return commands.map((command) => {
    try {
      fireAgainst(command, state, ctx, wanted);
      return null;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  });
};
