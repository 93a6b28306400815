/**
 * A durable timer (DOMAIN.md §4 timer notes; ARCHITECTURE.md "Sagas and timers"): one open
 * obligation of a parcel turned into a date on which something must happen, stamped with
 * everything a replay needs to reproduce it and a calendar amendment needs to reconcile it.
 */
import type { IsoDate } from '../calendar/index.js';

export type TimerStamp = {
  /**
   * `<owner>/<rule>/<subject or ->/<dueDate>`: readable and deterministic. A due date that moves
   * gives a new timer (TimerRescheduled names the one it replaces), so a firing of the old date
   * can never be mistaken for the new one.
   */
  readonly timerId: string;
  /** The aggregate id the timer fires on (the parcel id). */
  readonly owner: string;
  /** DOMAIN.md rule id: T01–T26, or C2 (declaration watch, §7.1). */
  readonly rule: string;
  /** Distinguishes several timers of one rule: instalment, payment id, case id, inspection kind. */
  readonly subject: string | null;
  /** The obligation's kind (reminder, deadline, sla, threshold, inspection, limit). */
  readonly kind: string;
  readonly description: string;
  /** The obligation's due date (the last day to act, the threshold, the reminder day). */
  readonly dueDate: IsoDate;
  /** The day the timer fires (Asia/Shanghai): the due date, or the day after a last day to act. */
  readonly fireOn: IsoDate;
  /** The instant it becomes due: 00:00 of `fireOn` in Asia/Shanghai. */
  readonly dueAt: string;
  readonly anchorEventId: string | null;
  readonly anchorDate: IsoDate;
  readonly unit: string;
  readonly policyVersion: string;
  readonly calendarVersion: string;
  /** The due date depends on a year without a published holiday notice (§11.4.4). */
  readonly provisional: boolean;
};

/** What a saga asks of the timer store after one event. */
export type TimerRequest =
  | { readonly action: 'schedule'; readonly timer: TimerStamp }
  | { readonly action: 'reschedule'; readonly timer: TimerStamp; readonly previous: TimerStamp }
  | { readonly action: 'cancel'; readonly timer: TimerStamp; readonly reason: string };

export const timerIdOf = (owner: string, rule: string, subject: string | null, dueDate: IsoDate): string =>
  `${owner}/${rule}/${subject ?? '-'}/${dueDate}`;

/** 00:00 of a date in Asia/Shanghai (UTC+8, no daylight saving since 1991). */
export const startOfShanghaiDay = (date: IsoDate): string => `${date}T00:00:00+08:00`;
