/**
 * Seeds `parcels` parcels fast: a base of real lifecycles through the deciders (seedLifecycles,
 * at most `base` parcels), then copies of the base's streams (read-clone.ts) up to the count.
 */
import { performance } from 'node:perf_hooks';
import type { EventStore } from '../../src/eventstore/types.js';
import { seedTag } from '../seed/plan.js';
import { replicate } from './read-clone.js';
import { seedLifecycles, type SeedResult } from './read-seed.js';

export interface ScaledSeedOptions {
  readonly parcels: number;
  /** Largest base seeded through the deciders (default 10,000). */
  readonly base?: number;
  readonly seed: number;
  readonly concurrency: number;
  readonly onProgress?: (message: string) => void;
}

export interface ScaledSeedResult {
  readonly parcels: number;
  readonly events: number;
  readonly ms: number;
  readonly base: SeedResult & { readonly ms: number };
  readonly clones: { readonly copies: number; readonly events: number; readonly ms: number };
}

/** The store as seedLifecycles sees it, noting the name of every stream appended, in order. */
const recording = (store: EventStore, streams: string[]): EventStore => ({
  append: async (stream, events, options) => {
    const result = await store.append(stream, events, options);
    streams.push(stream);
    return result;
  },
  readStream: (stream, options) => store.readStream(stream, options),
  readAll: (options) => store.readAll(options),
  waitForEvents: (after, options) => store.waitForEvents(after, options),
  compareCheckpoints: (a, b) => store.compareCheckpoints(a, b),
  backlog: (after, options) => store.backlog(after, options),
  ping: () => store.ping(),
  close: async () => undefined,
});

export const seedScaled = async (store: EventStore, options: ScaledSeedOptions): Promise<ScaledSeedResult> => {
  const baseParcels = Math.min(options.parcels, options.base ?? 10_000);
  const say = options.onProgress ?? (() => undefined);
  const streams: string[] = [];
  const started = performance.now();
  let lastSaid = started;
  const every = (message: () => string) => {
    const now = performance.now();
    if (now - lastSaid < 5_000) return;
    lastSaid = now;
    say(message());
  };
  const base = await seedLifecycles(recording(store, streams), {
    parcels: baseParcels,
    seed: options.seed,
    concurrency: options.concurrency,
    onProgress: (parcels, events) =>
      every(
        () =>
          `base: ${parcels}/${baseParcels} parcels, ${events} events, ${Math.round((events * 1000) / (performance.now() - started))} events/s`,
      ),
  });
  if (base.refused > 0) say(`base: ${base.refused} commands refused: ${base.refusals.slice(0, 3).join('; ')}`);
  const baseMs = performance.now() - started;
  say(`base: ${base.parcels} parcels, ${base.events} events in ${Math.round(baseMs / 1000)} s`);
  const cloneStarted = performance.now();
  const clones = await replicate(store, {
    tag: seedTag(String(options.seed)),
    streams,
    parcels: options.parcels,
    concurrency: options.concurrency,
    onProgress: (events) =>
      every(
        () => `clones: ${events} events, ${Math.round((events * 1000) / (performance.now() - cloneStarted))} events/s`,
      ),
  });
  const cloneMs = performance.now() - cloneStarted;
  if (clones.copies > 0)
    say(`clones: ${clones.copies} copies, ${clones.events} events in ${Math.round(cloneMs / 1000)} s`);
  return {
    parcels: base.parcels + clones.parcels,
    events: base.events + clones.events,
    ms: performance.now() - started,
    base: { ...base, ms: baseMs },
    clones: { copies: clones.copies, events: clones.events, ms: cloneMs },
  };
};
