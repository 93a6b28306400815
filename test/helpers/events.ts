import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, JsonObject, NewEvent, ReadAllResult } from '../../src/eventstore/types.js';

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { id: 'tester', role: 'PATROL_POST' },
  occurredAt: '2026-03-01T09:00:00+08:00',
  recordedAt: '2026-03-01T01:00:00.000Z',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  ...overrides,
});

export const newEvent = (
  type = 'ThingHappened',
  data: JsonObject = { n: 1 },
  meta: Partial<EventMetadata> = {},
): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: metadata(meta),
});

export const uniqueStream = (category = 'parcel'): string => `${category}-${randomUUID()}`;

/**
 * readAll once every committed event is visible to it. The PostgreSQL log hides rows above the
 * oldest open transaction of the whole database, and other test files run transactions of their
 * own at the same time; backlog counts what is committed but still hidden.
 */
export const readAllCommitted = async (
  store: Pick<EventStore, 'readAll' | 'backlog'>,
  options: Parameters<EventStore['readAll']>[0],
): Promise<ReadAllResult> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = await store.readAll(options);
    const hidden = await store.backlog(page.next, { ...(options.types ? { types: options.types } : {}), cap: 1 });
    if (hidden.events === 0 || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
