/**
 * A parcel as it stood then (issue 9, time travel): the parcel stream folded up to an instant
 * (metadata.occurredAt ≤ it; a date means the end of that day in Asia/Shanghai) or up to a
 * revision, with the open obligations of that state as the deadline engine computes them, on
 * the policy and the calendar version the parcel followed then. Never the read model.
 */
import { z } from 'zod';
import { calendarBookOf } from '../calendar/book.js';
import { obligationsOf, type Obligation } from '../domain/deadlines/index.js';
import {
  parcelCalendarOf,
  parcelDecider,
  parcelJurisdiction,
  parcelPolicyFor,
  type ParcelState,
} from '../domain/parcel/index.js';
import { parcelStream } from '../domain/streams.js';
import { deadlineView } from '../projections/parcels/views.js';
import { foldStream } from '../eventstore/fold-stream.js';
import { instantNanos } from '../eventstore/instant.js';
import type { EventStore, RecordedEvent } from '../eventstore/types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `asOf`: a day (YYYY-MM-DD, its end in Asia/Shanghai) or an ISO 8601 instant with an offset. */
export const asOfParam = z
  .string()
  .max(64)
  .refine((text) => (DATE.test(text) ? instantNanos(`${text}T00:00:00+08:00`) !== null : instantNanos(text) !== null), {
    message: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant with an offset, e.g. 2026-07-20T18:00:00+08:00',
  })
  .describe('The parcel as it stood then: a day (its end, Asia/Shanghai) or an instant; events by occurredAt');

/** The instant an `asOf` stands for: a date is the last instant of that day in Asia/Shanghai. */
export const asOfInstant = (asOf: string): string => (DATE.test(asOf) ? `${asOf}T23:59:59.999999+08:00` : asOf);

/** A deadline as the read model shows it, less what only a list across parcels needs. */
export const historicalDeadlineView = deadlineView.omit({
  parcelId: true,
  jurisdiction: true,
  landUserId: true,
  overdue: true,
});
export type HistoricalDeadlineView = z.infer<typeof historicalDeadlineView>;

export const parcelAsOfView = z
  .object({
    parcelId: z.string(),
    asOf: z
      .string()
      .nullable()
      .describe('The instant the stream was folded to (events by occurredAt), if asked by time'),
    atRevision: z.number().int().nullable().describe('The revision asked for, if asked by revision'),
    revision: z.number().int().describe('Revision of the last event folded'),
    eventsFolded: z.number().int(),
    status: z.string(),
    state: z.record(z.string(), z.unknown()).describe('The folded domain state then'),
    deadlines: z.array(historicalDeadlineView).describe('The open obligations then, earliest due first'),
    policyVersion: z.string().nullable(),
    calendarVersion: z.string().nullable(),
  })
  .describe('A historical view, computed by folding the parcel stream (not the read model)');
export type ParcelAsOfView = z.infer<typeof parcelAsOfView>;

export type AsOf = { readonly asOf: string } | { readonly atRevision: number };

const deadlineOf = (o: Obligation): HistoricalDeadlineView => ({
  rule: o.ruleId,
  kind: o.kind,
  subject: o.subject ?? null,
  dueDate: o.dueDate,
  unit: o.unit,
  anchorEventId: o.anchorEventId,
  anchorDate: o.anchorDate,
  provisional: o.provisional,
  policyVersion: o.policyVersion,
  calendarVersion: o.calendarVersion,
  description: o.description,
  review: o.hold ? { reviewId: o.hold.reviewId, status: o.hold.status, proposedDate: o.hold.proposedDate } : null,
});

export interface FoldedParcel {
  readonly events: readonly RecordedEvent[];
  readonly state: ParcelState;
  readonly obligations: readonly Obligation[];
  readonly policyVersion: string | null;
  readonly calendarVersion: string | null;
}

/** The state the events lead to, with its obligations on the policy and calendar the parcel followed then. */
export const foldParcel = async (store: EventStore, events: readonly RecordedEvent[]): Promise<FoldedParcel> => {
  const state = foldStream(parcelDecider, events);
  const jurisdiction = parcelJurisdiction(state);
  if (jurisdiction === null) return { events, state, obligations: [], policyVersion: null, calendarVersion: null };
  const calendars = calendarBookOf(store);
  // Every calendar version the log names is in the book after a refresh.
  await calendars.refresh();
  const policy = parcelPolicyFor(state, calendars)(jurisdiction);
  const stamped = 'facts' in state ? state.facts.policyVersion : 'deal' in state ? state.deal.policyVersion : null;
  return {
    events,
    state,
    obligations: obligationsOf(state, policy),
    policyVersion: stamped ?? policy.version,
    calendarVersion: parcelCalendarOf(state)?.version ?? policy.calendar.version,
  };
};

/** The events of the parcel stream up to then (empty when there were none). */
export const parcelEventsAsOf = (store: EventStore, parcelId: string, at: AsOf): Promise<RecordedEvent[]> =>
  store.readStream(
    parcelStream(parcelId),
    'asOf' in at ? { until: asOfInstant(at.asOf) } : { toRevision: at.atRevision },
  );

/** The parcel as it stood then, or null when its stream had no event by then. */
export const parcelAsOf = async (store: EventStore, parcelId: string, at: AsOf): Promise<ParcelAsOfView | null> => {
  const events = await parcelEventsAsOf(store, parcelId, at);
  const last = events.at(-1);
  if (last === undefined) return null;
  const folded = await foldParcel(store, events);
  return {
    parcelId,
    asOf: 'asOf' in at ? asOfInstant(at.asOf) : null,
    atRevision: 'atRevision' in at ? at.atRevision : null,
    revision: last.revision,
    eventsFolded: events.length,
    status: folded.state.status,
    state: folded.state as unknown as Record<string, unknown>,
    deadlines: folded.obligations.map(deadlineOf),
    policyVersion: folded.policyVersion,
    calendarVersion: folded.calendarVersion,
  };
};
