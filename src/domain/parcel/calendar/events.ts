import type { DeadlineHold, DeadlineShift } from './types.js';

/** The parcel's open deadlines recomputed on a new calendar version (§11.4.3). */
export type CalendarReconciledData = {
  readonly parcelId: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  /** Applied: later dates, and earlier ones of deadlines never communicated as final. */
  readonly changed: readonly DeadlineShift[];
  /** Held at the old date for a person's review: earlier dates of communicated deadlines. */
  readonly held: readonly DeadlineHold[];
  readonly calendarVersion: string;
};

export type DeadlineReviewResolvedData = {
  readonly parcelId: string;
  readonly reviewId: string;
  readonly decision: 'APPLY_EARLIER' | 'KEEP';
  readonly ruleId: string;
  readonly subject: string | null;
  readonly keptDate: string;
  readonly proposedDate: string;
  /** The date the deadline has from now on. */
  readonly dueDate: string;
  readonly reason: string;
};
