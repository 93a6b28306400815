import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '../../src/eventstore/types.js';

/** The events of one stream, in revision order (revision = index). */
export interface StreamWork {
  readonly stream: string;
  readonly events: readonly NewEvent[];
}

const metadataFor = (writer: number): EventMetadata => ({
  actor: { id: `bench-writer-${writer}`, role: 'PATROL_POST' },
  occurredAt: '2026-03-01T09:00:00+08:00',
  recordedAt: '2026-03-01T01:00:00.000Z',
  correlationId: randomUUID(),
  causationId: randomUUID(),
});

/**
 * An event whose data + metadata JSON is `targetBytes` long (padding in a note field), shaped
 * like a ledger fact so jsonb parsing costs what it would in production.
 */
export const makeEvent = (stream: string, revision: number, targetBytes: number): NewEvent => {
  const metadata = metadataFor(revision % 32);
  const data: JsonObject = {
    parcelId: stream,
    seq: revision,
    area: '12.3456',
    priceFen: 123_456_789,
    rate: '0.001',
    note: '',
  };
  const bare = Buffer.byteLength(JSON.stringify(data)) + Buffer.byteLength(JSON.stringify(metadata));
  return {
    id: randomUUID(),
    type: revision === 0 ? 'ParcelRegistered' : 'InspectionRecorded',
    data: { ...data, note: 'x'.repeat(Math.max(0, targetBytes - bare)) },
    metadata,
  };
};

/** `count` streams named `<category>-<n>`, each with `eventsPerStream` fresh events. */
export const makeStreams = (
  category: string,
  count: number,
  eventsPerStream: number,
  eventBytes: number,
): StreamWork[] =>
  Array.from({ length: count }, (_, i) => {
    const stream = `${category}-${String(i).padStart(6, '0')}`;
    return { stream, events: Array.from({ length: eventsPerStream }, (_, r) => makeEvent(stream, r, eventBytes)) };
  });

export const totalEvents = (work: readonly StreamWork[]): number => work.reduce((n, s) => n + s.events.length, 0);

export const averageEventBytes = (work: readonly StreamWork[]): number => {
  let bytes = 0;
  let n = 0;
  for (const { events } of work) {
    for (const e of events) {
      bytes += Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(e.metadata));
      n++;
    }
  }
  return n === 0 ? 0 : bytes / n;
};

/** Round-robin split, so each writer owns a disjoint set of streams. */
export const partition = <T>(items: readonly T[], parts: number): T[][] => {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => out[i % parts]?.push(item));
  return out;
};
