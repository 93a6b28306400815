/**
 * Where the type-A idle clock starts (T19 idle after one year, T24 free recovery after two), with
 * the government-side delay of §5.2(1) taken out: land the grantor delivered late could not be
 * started on time, so the clock runs from the effective agreed start shifted by the delivery delay.
 *
 * - Delivered late by `d` calendar days (actual delivery − contract delivery date, when > 0): the
 *   clock starts at agreedStart + d cd. The contract's start window is measured from delivery
 *   (T11: start ≤ 6 months, at most 1 year, after delivery), so the grantee lost exactly `d` days of
 *   it; and E3 counts the land-use term from the actual delivery for the same reason.
 * - Unless the effective agreed start was itself set on or after the actual delivery (an extension
 *   or re-agreement made knowing the delay): that date already accounts for it, shift 0.
 * - Not delivered: no clock runs (`suspended`); asked on a given day (a decider's "today"), the
 *   delay so far is `today − contract delivery date`, which always puts the threshold after today.
 * - After an accepted government cause the clock is suspended until a new start is agreed
 *   (deadlines/idle.ts `clockSuspended`, §5.3): unchanged by this rule.
 */
import { addCalendarDays, calendarDaysBetween } from '../../calendar/index.js';
import type { IsoDate } from '../../calendar/index.js';
import type { ParcelFacts } from '../state.js';

export interface IdleClockStart {
  /** The shifted start, or null while the land is not delivered (no clock runs). */
  readonly date: IsoDate | null;
  /** Calendar days added to the effective agreed start for the grantor's late delivery. */
  readonly shiftDays: number;
  /** The event that fixed the start: the delivery when it shifted the clock, else the agreed start's. */
  readonly eventId: string | null;
}

/** The event that last set the effective agreed start, and on which date. */
const lastStartChange = (facts: ParcelFacts) =>
  facts.schedule.changes.findLast((c) => c.agreedStart !== c.previousStart);

export const idleClockStart = (facts: ParcelFacts, today: IsoDate | null = null): IdleClockStart => {
  const change = lastStartChange(facts);
  const startEventId = change === undefined ? facts.grantEventId : change.eventId;
  const agreed = facts.schedule.agreedStart;
  const contractDelivery = facts.terms.deliveryDate;
  if (facts.deliveredOn === null) {
    if (today === null) return { date: null, shiftDays: 0, eventId: startEventId };
    const shiftDays = Math.max(0, calendarDaysBetween(contractDelivery, today));
    return { date: addCalendarDays(agreed, shiftDays).date, shiftDays, eventId: startEventId };
  }
  const delay = Math.max(0, calendarDaysBetween(contractDelivery, facts.deliveredOn));
  const agreedAfterDelivery = change !== undefined && change.changedOn >= facts.deliveredOn;
  if (delay === 0 || agreedAfterDelivery) return { date: agreed, shiftDays: 0, eventId: startEventId };
  return { date: addCalendarDays(agreed, delay).date, shiftDays: delay, eventId: facts.deliveryEventId };
};

/** The clock's start as a decider sees it on `today` (always a date: an undelivered parcel's delay runs to today). */
export const idleClockStartOn = (facts: ParcelFacts, today: IsoDate): IsoDate =>
  idleClockStart(facts, today).date ?? facts.schedule.agreedStart;
