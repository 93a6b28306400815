/**
 * The parcel's side of a calendar change (DOMAIN.md §11.4.3). ReconcileCalendar is the
 * reconciler's command (system only, no route): recompute the open deadlines on the newest
 * calendar. ResolveDeadlineReview is a person's answer to a held deadline.
 */
import { z } from 'zod';
import type { Command } from '../../decider.js';
import { commandSpec } from '../../schema/command-spec.js';
import { text } from '../../schema/fields.js';

export const reconcileCalendarSchema = z.object({});

export type ReconcileCalendar = Command<'ReconcileCalendar', z.output<typeof reconcileCalendarSchema>>;

export const REVIEW_DECISIONS = ['APPLY_EARLIER', 'KEEP'] as const;

export const resolveDeadlineReviewSchema = z.object({
  reviewId: z.string().min(1).max(300),
  decision: z.enum(REVIEW_DECISIONS),
  /** Why: e.g. the notice that told the grantee the new date, or that the old date stands. */
  reason: text,
});

export const CALENDAR_REVIEW_COMMANDS = {
  ResolveDeadlineReview: commandSpec({
    schema: resolveDeadlineReviewSchema,
    summary:
      'Decide a deadline a calendar change would shorten: apply the earlier date (after telling the party) or keep the communicated one (§11.4.3)',
    creates: false,
    example: {
      reviewId: 'P-3201-2026-017/T22/-/CN.25',
      decision: 'KEEP',
      reason: '限期提交材料通知书 already served with the later date; it stands',
    },
  }),
};
