import type { EventStore } from '../../src/eventstore/types.js';
import type { Bench } from './setup.js';
import type { RawTable } from './raw-table.js';
import { perSecond, runWorkers, timed } from './timing.js';
import { partition, totalEvents, type StreamWork } from './workload.js';

/** Writes all events of one stream; each side's way of doing it. */
export type StreamWriter = (work: StreamWork) => Promise<void>;

/** One append per event, each with the exact expected revision. */
export const appendOneByOne =
  (store: EventStore): StreamWriter =>
  async ({ stream, events }) => {
    for (const [revision, event] of events.entries()) {
      await store.append(stream, [event], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
    }
  };

/** One INSERT statement (its own transaction) per event. */
export const insertOneByOne =
  (raw: RawTable): StreamWriter =>
  async ({ stream, events }) => {
    for (const [revision, event] of events.entries()) await raw.insert(stream, revision, event);
  };

/** The whole stream in one append. */
export const appendWhole =
  (store: EventStore): StreamWriter =>
  async ({ stream, events }) => {
    await store.append(stream, events, { expectedRevision: 'no_stream' });
  };

/** The whole stream in one multi-row INSERT. */
export const insertWhole =
  (raw: RawTable): StreamWriter =>
  async ({ stream, events }) => {
    await raw.insertMany(stream, 0, events);
  };

/** Events per second of `writers` concurrent writers, each owning a disjoint share of the streams. */
export const measureWrites = async (
  bench: Bench,
  work: readonly StreamWork[],
  writers: number,
  write: StreamWriter,
): Promise<number> => {
  await bench.checkpoint();
  const ms = await timed(() => runWorkers(partition(work, writers), write));
  return perSecond(totalEvents(work), ms);
};

/**
 * Every side writes the same streams (each into its own table or under its own names), in
 * `slices` consecutive slices, the order of the sides reversing every slice (A-B, B-A, ...) with a
 * CHECKPOINT before each slice, so a burst of load from elsewhere on the host, table growth or WAL
 * recycling hits all sides alike. Returns events/s per side.
 */
export const measureWritesInterleaved = async (
  bench: Bench,
  work: readonly StreamWork[],
  writers: number,
  sides: readonly StreamWriter[],
  slices: number,
): Promise<number[]> => {
  const ms = sides.map(() => 0);
  const size = Math.ceil(work.length / slices);
  for (let slice = 0; slice * size < work.length; slice++) {
    const part = work.slice(slice * size, (slice + 1) * size);
    await bench.checkpoint();
    const order = sides.map((_, i) => i);
    for (const side of slice % 2 === 0 ? order : order.reverse()) {
      const write = sides[side] as StreamWriter;
      ms[side] = (ms[side] ?? 0) + (await timed(() => runWorkers(partition(part, writers), write)));
    }
  }
  const events = totalEvents(work);
  return ms.map((t) => perSecond(events, t));
};
