/**
 * A parcel meets a new calendar (DOMAIN.md §11.4.3). ReconcileCalendar recomputes every open
 * deadline on the newest calendar of the parcel's jurisdiction and compares it with the dates on
 * the calendar the parcel follows:
 *
 * - a later date is applied (an extension of time never hurts the party);
 * - an earlier date is applied when the old date was provisional, i.e. computed on a year whose
 *   notice was not yet published (§11.4.4): it was shown and stamped as provisional, and
 *   replacing it on publication is what provisional means;
 * - an earlier date of a deadline computed on published notices only (communicated as final) is
 *   never applied silently: the deadline keeps its date and a review item is opened for a person
 *   (ResolveDeadlineReview).
 *
 * One CalendarReconciled event records every change (rule, subject, anchor, old and new date) and
 * every hold, and moves the parcel to the new version; a parcel already on it records nothing.
 */
import { obligationsOf } from '../../deadlines/index.js';
import type { Obligation } from '../../deadlines/index.js';
import type { ParcelEvent } from '../events.js';
import { fail } from '../errors.js';
import type { DecideContext } from '../guards.js';
import { invalidState } from '../guards.js';
import { parcelCalendarOf, parcelJurisdiction, withCalendarVersion } from '../state.js';
import type { ParcelState } from '../state.js';
import type { ReconcileCalendar } from './commands.js';
import type { CommandOf } from '../commands.js';
import { deadlineKey } from './types.js';
import type { DeadlineHold, DeadlineShift } from './types.js';

const shift = (before: Obligation, after: Obligation): DeadlineShift => ({
  ruleId: before.ruleId,
  subject: before.subject ?? null,
  anchorEventId: before.anchorEventId,
  kind: before.kind,
  oldDate: before.dueDate,
  newDate: after.dueDate,
  wasProvisional: before.provisional,
  provisional: after.provisional,
});

const byKey = (list: readonly Obligation[]): Map<string, Obligation[]> => {
  const map = new Map<string, Obligation[]>();
  for (const o of list) map.set(deadlineKey(o), [...(map.get(deadlineKey(o)) ?? []), o]);
  return map;
};

const parcelIdOf = (state: ParcelState): string =>
  'facts' in state ? state.facts.parcelId : 'deal' in state ? state.deal.parcelId : '';

export const reviewIdOf = (parcelId: string, s: DeadlineShift, toVersion: string): string =>
  `${parcelId}/${s.ruleId}/${s.subject ?? '-'}/${toVersion}`;

export const decideReconcileCalendar = (
  _command: ReconcileCalendar,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const jurisdiction = parcelJurisdiction(state);
  const calendar = parcelCalendarOf(state);
  if (jurisdiction === null || calendar === null) return invalidState(state, 'ReconcileCalendar');
  const policy = ctx.policyFor(jurisdiction);
  const target = ctx.calendars.current(jurisdiction);
  if (policy.calendar.version === target.version) return [];
  const parcelId = parcelIdOf(state);
  const before = byKey(obligationsOf(state, policy));
  const after = byKey(obligationsOf(withCalendarVersion(state, target.version), { ...policy, calendar: target }));
  const changed: DeadlineShift[] = [];
  const held: DeadlineHold[] = [];
  for (const [key, olds] of before) {
    const news = after.get(key) ?? [];
    olds.forEach((old, i) => {
      const next = news[i];
      if (next === undefined || next.dueDate === old.dueDate) return;
      const s = shift(old, next);
      if (next.dueDate > old.dueDate || old.provisional) changed.push(s);
      else held.push({ ...s, reviewId: reviewIdOf(parcelId, s, target.version), calendarVersion: target.version });
    });
  }
  return [
    {
      type: 'CalendarReconciled',
      data: {
        parcelId,
        fromVersion: policy.calendar.version,
        toVersion: target.version,
        changed,
        held,
        calendarVersion: target.version,
      },
    },
  ];
};

export const decideResolveDeadlineReview = (
  command: CommandOf<'ResolveDeadlineReview'>,
  state: ParcelState,
): ParcelEvent[] => {
  const calendar = parcelCalendarOf(state);
  const { reviewId, decision, reason } = command.data;
  const pin = calendar?.pins.find((p) => p.reviewId === reviewId);
  if (pin === undefined)
    return fail('REVIEW_NOT_FOUND', `No deadline review ${reviewId} on this parcel`, {
      field: 'reviewId',
      value: reviewId,
      rule: '§11.4.3',
    });
  if (pin.status !== 'OPEN')
    return fail('REVIEW_RESOLVED', `Deadline review ${reviewId} was already resolved (${pin.status})`, {
      field: 'reviewId',
      value: reviewId,
      rule: '§11.4.3',
    });
  const parcelId = parcelIdOf(state);
  return [
    {
      type: 'DeadlineReviewResolved',
      data: {
        parcelId,
        reviewId,
        decision,
        ruleId: pin.ruleId,
        subject: pin.subject,
        keptDate: pin.oldDate,
        proposedDate: pin.newDate,
        dueDate: decision === 'APPLY_EARLIER' ? pin.newDate : pin.oldDate,
        reason,
      },
    },
  ];
};
