import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '../../src/eventstore/types.js';

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
