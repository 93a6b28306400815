/**
 * The stamp on every event that stores a computed date (DOMAIN.md §4 notes, §11.4): the policy
 * and calendar versions used, and whether any computed date in the event fell in a year without
 * a published holiday notice, so a reconciliation can find the events to recompute.
 */
import type { DateResult } from '../calendar/index.js';
import type { Policy } from '../policy/index.js';

/**
 * Stamp on every event that stores a computed date: the versions used, and `provisional` when
 * any computed date in the event depends on a year without a published holiday notice (§11.4.4).
 */
export type Versions = {
  readonly policyVersion: string;
  readonly calendarVersion: string;
  readonly provisional: boolean;
};

export const versionsOf = (policy: Policy, ...dates: readonly (DateResult | null)[]): Versions => ({
  policyVersion: policy.version,
  calendarVersion: policy.calendar.version,
  provisional: dates.some((date) => date?.provisional === true),
});
