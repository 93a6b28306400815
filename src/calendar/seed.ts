/**
 * The seed written as events (issue: "the chinese-days data becomes the seed of the years it
 * covers, recorded as published events at migration, with their source"): the first events of
 * `calendar-CN`, appended once, atomically, by whoever migrates first. A store that already has
 * them is left alone; a concurrent migrator that lost the race finds them written.
 */
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../domain/decider.js';
import { calendarStream } from '../domain/streams.js';
import { seedEvents } from '../domain/working-calendar/index.js';
import { metadataFor, withoutUndefined } from '../eventstore/envelope.js';
import { ConcurrencyError } from '../eventstore/errors.js';
import { chainEvents, lastHashOf } from '../eventstore/hash-chain.js';
import { nameBasedUuid } from '../eventstore/ids.js';
import type { EventStore, JsonObject } from '../eventstore/types.js';

export const SEED_ACTOR = { id: 'system:calendar-seed', role: 'SYSTEM' } as const;

/** Appends the seed to an empty national calendar stream; returns the number of events written (0 if there). */
export const ensureCalendarSeeded = async (
  store: EventStore,
  clock: () => Date = () => new Date(),
): Promise<number> => {
  const stream = calendarStream('CN');
  const existing = await store.readStream(stream, { toRevision: 0 });
  if (existing.length > 0) return 0;
  const now = clock().toISOString();
  const context: CommandContext = { now, actor: SEED_ACTOR };
  // This migration run: tells, after the append, whether this run's events are the ones stored.
  const correlationId = `calendar-seed:${randomUUID()}`;
  const events = chainEvents(
    lastHashOf([]),
    0,
    seedEvents().map((event, i) => ({
      id: nameBasedUuid(`${stream}\nseed\n${i}`),
      type: event.type,
      data: withoutUndefined(event.data) as JsonObject,
      metadata: metadataFor(event, context, { correlationId, causationId: 'calendar-seed' }, now),
    })),
  );
  try {
    await store.append(stream, events, { expectedRevision: 'no_stream' });
    // The ids are the same for every migrator, so an append that lost the race by a hair is an
    // idempotent replay, not a conflict: the stored events then carry the winner's correlation id.
    const [first] = await store.readStream(stream, { toRevision: 0 });
    return first?.metadata.correlationId === correlationId ? events.length : 0;
  } catch (error) {
    if (error instanceof ConcurrencyError) return 0;
    throw error;
  }
};
