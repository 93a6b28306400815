import { performance } from 'node:perf_hooks';
import type { EventStore } from '../../src/eventstore/types.js';
import type { RawTable } from './raw-table.js';
import { perSecond } from './timing.js';

/** Latencies (ms) of sequential readStream calls on random streams that each hold `expected` events. */
export const readStreamLatencies = async (
  store: EventStore,
  streams: readonly string[],
  reads: number,
  expected: number,
): Promise<number[]> => {
  const samples: number[] = [];
  for (let i = 0; i < reads; i++) {
    const stream = streams[Math.floor(Math.random() * streams.length)] as string;
    const start = performance.now();
    const events = await store.readStream(stream);
    samples.push(performance.now() - start);
    if (events.length !== expected)
      throw new Error(`readStream(${stream}) returned ${events.length} events, expected ${expected}`);
  }
  return samples;
};

/**
 * Reads the first `total` events of the log both ways in lockstep: one readAll page, one raw
 * keyset page, the order swapping every page, each page timed on its own. Load from elsewhere on
 * the host then lands on both sides alike. Returns events/s per side.
 */
export const readAllVsRaw = async (
  store: EventStore,
  raw: RawTable,
  total: number,
  page: number,
): Promise<{ store: number; raw: number }> => {
  let storeAfter: string | null = null;
  let rawAfter = '0';
  let read = 0;
  let storeMs = 0;
  let rawMs = 0;
  const storePage = async (limit: number) => {
    const start = performance.now();
    const result = await store.readAll({ after: storeAfter, limit });
    storeMs += performance.now() - start;
    storeAfter = result.next;
    return result.events.length;
  };
  const rawPage = async (limit: number) => {
    const start = performance.now();
    const rows = await raw.readPage(rawAfter, limit);
    rawMs += performance.now() - start;
    rawAfter = rows.at(-1)?.position ?? rawAfter;
    return rows.length;
  };
  for (let i = 0; read < total; i++) {
    const limit = Math.min(page, total - read);
    const [first, second] = i % 2 === 0 ? [storePage, rawPage] : [rawPage, storePage];
    const a = await first(limit);
    const b = await second(limit);
    if (a !== limit || b !== limit)
      throw new Error(`a read ran dry after ${read} of ${total} events (pages of ${a} and ${b})`);
    read += limit;
  }
  return { store: perSecond(read, storeMs), raw: perSecond(read, rawMs) };
};
