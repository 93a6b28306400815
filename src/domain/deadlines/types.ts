/**
 * The deadline engine's output: one open obligation of a parcel with its due date, stamped so a
 * replay reproduces it and a calendar amendment can be reconciled (DOMAIN.md §4 timer notes,
 * §11.4.3).
 */
import type { IsoDate } from '../calendar/index.js';
import type { PeriodUnit } from '../policy/index.js';

/** Timer rules of DOMAIN.md §4 that concern a parcel. */
export type RuleId =
  | 'T01'
  | 'T02'
  | 'T03'
  | 'T04'
  | 'T05'
  | 'T06'
  | 'T07'
  | 'T08'
  | 'T09'
  | 'T10'
  | 'T11'
  | 'T11b'
  | 'T11c'
  | 'T12'
  | 'T13'
  | 'T14'
  | 'T15'
  | 'T16'
  | 'T17'
  | 'T18'
  | 'T19'
  | 'T20'
  | 'T21'
  | 'T22'
  | 'T23'
  | 'T24'
  | 'T25'
  | 'T26'
  | 'T27'
  | 'T28'
  | 'T39';

/**
 * - reminder: internal trigger, fires on its date even on a rest day (§4 notes);
 * - deadline: a legal or contractual last day for an act; calendar-day ends roll to a working day (§11.3);
 * - sla: an internal data-entry or hand-over period of the department;
 * - threshold: the date from which (or after which) a condition gives a right or opens a case;
 * - inspection: a mandatory site-inspection point (T16);
 * - limit: the latest date a validator allows (latest agreed start, latest extension, …).
 */
export type ObligationKind = 'reminder' | 'deadline' | 'sla' | 'threshold' | 'inspection' | 'limit';

export interface Obligation {
  readonly ruleId: RuleId;
  readonly dueDate: IsoDate;
  /** Unit of the period between anchor and due date ('cd' for on-the-day obligations). */
  readonly unit: PeriodUnit;
  /** Store id of the event that set the anchor; null when unknown (events not read from a store). */
  readonly anchorEventId: string | null;
  readonly anchorDate: IsoDate;
  /** True when the due date depends on a year without a published holiday notice (§11.4.4). */
  readonly provisional: boolean;
  readonly policyVersion: string;
  readonly calendarVersion: string;
  readonly kind: ObligationKind;
  /** Distinguishes several obligations of one rule: instalment number, payment id, inspection kind, … */
  readonly subject?: string;
  readonly description: string;
  /** The review holding this deadline at its communicated date (§11.4.3), if one does. */
  readonly hold?: {
    readonly reviewId: string;
    /** OPEN: awaiting a person's decision; KEPT: the person kept the communicated date. */
    readonly status: 'OPEN' | 'KEPT';
    /** The earlier date the newer calendar gives. */
    readonly proposedDate: IsoDate;
    readonly calendarVersion: string;
  };
}

/** Where a clock starts: a date and the event that fixed it. */
export interface Anchor {
  readonly date: IsoDate;
  readonly eventId: string | null;
}
