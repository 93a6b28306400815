/**
 * Events appended by commands, by aggregate and event type. The aggregate is the category of the
 * stream name (`parcel-P-1` → parcel, src/domain/streams.ts), so every writer labels alike.
 */
import { Counter, type Registry } from 'prom-client';
import { STREAM_CATEGORIES } from '../../domain/streams.js';

const categories = Object.entries(STREAM_CATEGORIES);

/** 'parcel' | 'decision' | 'credit'; 'other' for a stream outside the three (keeps the label set bounded). */
export const aggregateOf = (stream: string): string =>
  categories.find(([, prefix]) => stream.startsWith(prefix))?.[0] ?? 'other';

export const appendedEvents = (
  registry: Registry,
): ((stream: string, events: readonly { readonly type: string }[]) => void) => {
  const counter = new Counter({
    name: 'ledger_events_appended_total',
    help: 'Events appended to the store by commands (idempotent replays append nothing and count nothing)',
    labelNames: ['aggregate', 'type'] as const,
    registers: [registry],
  });
  return (stream, events) => {
    const aggregate = aggregateOf(stream);
    for (const event of events) counter.inc({ aggregate, type: event.type });
  };
};
