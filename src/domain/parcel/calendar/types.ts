/**
 * The calendar a parcel's dates follow (DOMAIN.md §11.4.3): the calendar version its dates are
 * computed on, moved only by a CalendarReconciled event, and the deadlines held at their
 * communicated date because a new calendar would have shortened them (each a review item).
 */
import type { IsoDate } from '../../calendar/index.js';

/** One open deadline whose date a calendar change moves. */
export type DeadlineShift = {
  readonly ruleId: string;
  readonly subject: string | null;
  readonly anchorEventId: string | null;
  readonly kind: string;
  readonly oldDate: IsoDate;
  readonly newDate: IsoDate;
  /** Whether the old date was computed on a year with no published notice (§11.4.4). */
  readonly wasProvisional: boolean;
  readonly provisional: boolean;
};

/** A deadline kept at its communicated date until a person decides (§11.4.3's human review). */
export type DeadlineHold = DeadlineShift & {
  readonly reviewId: string;
  /** The calendar version that proposed the earlier date. */
  readonly calendarVersion: string;
};

export type HoldStatus = 'OPEN' | 'KEPT';

export interface DeadlinePin extends DeadlineHold {
  readonly status: HoldStatus;
}

export interface ParcelCalendar {
  /** The calendar version the parcel's dates are computed on. */
  readonly version: string;
  /** Deadlines held at their old date: OPEN awaiting review, KEPT after a reviewer kept them. */
  readonly pins: readonly DeadlinePin[];
}

/** The obligation a shift or pin is about: same rule, subject and anchor event. */
export const deadlineKey = (o: {
  readonly ruleId: string;
  readonly subject?: string | null | undefined;
  readonly anchorEventId: string | null;
}): string => `${o.ruleId}|${o.subject ?? ''}|${o.anchorEventId ?? ''}`;
