/**
 * One event and what links it to others (issue 9, event links): the event that caused it (its
 * causationId, when that is an event; otherwise the request or timer id itself), the events it
 * caused, the events sharing its correlation id, the events its data names (an anchor, the
 * evidence of a credit entry) and, for a timer's effect, the timer's own events (scheduled,
 * rescheduled, cancelled). The event index only says where each event is; every event shown is
 * read from the log. Linked events on streams the reader may not read are withheld.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { STREAM_CATEGORIES, timersStream } from '../domain/streams.js';
import type { EventStore, RecordedEvent } from '../eventstore/types.js';
import {
  eventsCausedBy,
  eventsCorrelatedWith,
  indexedEvent,
  isEventId,
  type IndexedEvent,
} from '../projections/event-index/queries.js';
import type { EventIndexTables } from '../projections/event-index/tables.js';
import { eventSummaryOf, eventSummaryView, eventView, eventViewOf } from './views.js';

export const MAX_CAUSED = 100;
export const MAX_CORRELATED = 50;

export const linkedEventView = z.union([
  eventSummaryView.extend({ withheld: z.literal(false) }),
  z
    .object({ eventId: z.string(), withheld: z.literal(true) })
    .describe('An event on a stream the reader may not read: only that it exists'),
]);
export type LinkedEventView = z.infer<typeof linkedEventView>;

export const eventLinksView = eventView.extend({
  causedBy: linkedEventView.nullable().describe('The event whose id is this one’s causationId'),
  causationId: z
    .string()
    .nullable()
    .describe('The causationId when it names no event (a request id, a timer id), else null'),
  caused: z.array(linkedEventView).describe(`Events whose causationId is this event (at most ${MAX_CAUSED})`),
  correlated: z.array(linkedEventView).describe(`Other events with the same correlationId (at most ${MAX_CORRELATED})`),
  references: z
    .array(z.object({ field: z.string(), event: linkedEventView }))
    .describe('Events the data names by id, e.g. data.anchorEventId, data.evidenceRef.eventId'),
  timer: z
    .object({
      timerId: z.string(),
      events: z.array(linkedEventView).describe("The timer's events on its owner's timers stream"),
    })
    .nullable()
    .describe('The timer this event is the effect (or the record) of'),
});
export type EventLinksView = z.infer<typeof eventLinksView>;

export interface EventLinkSources {
  readonly store: EventStore;
  readonly index: Kysely<EventIndexTables>;
  /** Whether the reader may read a stream (the audit rules of the route). */
  readonly mayRead: (stream: string) => Promise<boolean>;
}

/** The events at these addresses, read from the log (one read per stream), in the given order. */
const readAt = async (store: EventStore, addresses: readonly IndexedEvent[]): Promise<RecordedEvent[]> => {
  const byStream = new Map<string, number[]>();
  for (const a of addresses) byStream.set(a.stream, [...(byStream.get(a.stream) ?? []), a.revision]);
  const found = new Map<string, RecordedEvent>();
  await Promise.all(
    [...byStream].map(async ([stream, revisions]) => {
      const events = await store.readStream(stream, {
        fromRevision: Math.min(...revisions),
        toRevision: Math.max(...revisions),
      });
      for (const event of events) found.set(event.id, event);
    }),
  );
  return addresses.flatMap((a) => {
    const event = found.get(a.event_id);
    return event === undefined ? [] : [event];
  });
};

/** The event with this id, located through the index and read from the log; null when unknown. */
export const locateEvent = async (
  store: EventStore,
  index: Kysely<EventIndexTables>,
  eventId: string,
): Promise<RecordedEvent | null> => {
  const address = await indexedEvent(index, eventId);
  if (address === null) return null;
  const [event] = await readAt(store, [address]);
  return event ?? null;
};

/** The first segment of a timer id `<owner>/<rule>/<subject>/<dueDate>`, if it looks like one. */
const TIMER_ID = /^(.+)\/[A-Z]\d{2}[a-z]?\/[^/]+\/\d{4}-\d{2}-\d{2}$/;

const timerIdOf = (event: RecordedEvent): string | null => {
  const { data } = event;
  if (typeof data['timerId'] === 'string') return data['timerId'];
  const timer = data['timer'] as Record<string, unknown> | undefined;
  if (timer !== null && typeof timer === 'object' && typeof timer['timerId'] === 'string') return timer['timerId'];
  const causation = event.metadata.causationId;
  return typeof causation === 'string' && TIMER_ID.test(causation) ? causation : null;
};

const timerOwnerOf = (event: RecordedEvent, timerId: string): string | null => {
  if (event.stream.startsWith(STREAM_CATEGORIES.parcel)) return event.stream.slice(STREAM_CATEGORIES.parcel.length);
  if (event.stream.startsWith(STREAM_CATEGORIES.timers)) return event.stream.slice(STREAM_CATEGORIES.timers.length);
  return TIMER_ID.exec(timerId)?.[1] ?? null;
};

const namesTimer = (event: RecordedEvent, timerId: string): boolean => {
  const { data } = event;
  const timer = data['timer'] as Record<string, unknown> | undefined;
  const firings = Array.isArray(data['firings']) ? (data['firings'] as { timer?: { timerId?: unknown } }[]) : [];
  return (
    data['timerId'] === timerId ||
    data['previousTimerId'] === timerId ||
    (timer !== null && typeof timer === 'object' && timer['timerId'] === timerId) ||
    firings.some((f) => f.timer?.timerId === timerId)
  );
};

/** Event ids the data names, with their paths: keys `eventId` or ending in `EventId`, two levels deep. */
const referencesIn = (data: Record<string, unknown>): { field: string; eventId: string }[] => {
  const out: { field: string; eventId: string }[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 2) return;
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const field = `${path}.${key}`;
      if ((key === 'eventId' || key.endsWith('EventId')) && typeof inner === 'string' && isEventId(inner)) {
        out.push({ field, eventId: inner });
      } else visit(inner, field, depth + 1);
    }
  };
  visit(data, 'data', 0);
  return out;
};

/** Everything linked to `event` (which the reader may read). */
export const eventLinks = async (sources: EventLinkSources, event: RecordedEvent): Promise<EventLinksView> => {
  const { store, index } = sources;
  const readable = new Map<string, Promise<boolean>>();
  const mayRead = (stream: string): Promise<boolean> => {
    let answer = readable.get(stream);
    if (answer === undefined) {
      answer = stream === event.stream ? Promise.resolve(true) : sources.mayRead(stream);
      readable.set(stream, answer);
    }
    return answer;
  };
  const link = async (linked: RecordedEvent): Promise<LinkedEventView> =>
    (await mayRead(linked.stream))
      ? { ...eventSummaryOf(linked), withheld: false }
      : { eventId: linked.id, withheld: true };
  const linkAll = (events: readonly RecordedEvent[]) => Promise.all(events.map(link));
  const byId = async (eventId: string): Promise<RecordedEvent | null> =>
    isEventId(eventId) ? locateEvent(store, index, eventId) : null;

  const causationId = event.metadata.causationId;
  const cause = causationId === event.id ? null : await byId(causationId);
  const caused = (await readAt(store, await eventsCausedBy(index, event.id, MAX_CAUSED + 1))).filter(
    (e) => e.id !== event.id,
  );
  const correlated = await readAt(
    store,
    await eventsCorrelatedWith(index, event.metadata.correlationId, event.id, MAX_CORRELATED),
  );
  const references = [];
  for (const { field, eventId } of referencesIn(event.data)) {
    const referenced = await byId(eventId);
    if (referenced !== null) references.push({ field, event: await link(referenced) });
  }
  let timer: EventLinksView['timer'] = null;
  const timerId = timerIdOf(event);
  const owner = timerId === null ? null : timerOwnerOf(event, timerId);
  if (timerId !== null && owner !== null) {
    const events = (await store.readStream(timersStream(owner))).filter(
      (e) => e.id !== event.id && namesTimer(e, timerId),
    );
    timer = { timerId, events: await linkAll(events) };
  }
  return {
    ...eventViewOf(event),
    causedBy: cause === null ? null : await link(cause),
    causationId: cause === null ? causationId : null,
    caused: await linkAll(caused.slice(0, MAX_CAUSED)),
    correlated: await linkAll(correlated),
    references,
    timer,
  };
};
