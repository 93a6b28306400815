import { emit, progress } from './report.js';
import type { Scale } from './scale.js';
import type { Bench } from './setup.js';
import { tailWhileWriting } from './consumer.js';
import { readAllVsRaw, readStreamLatencies } from './reads.js';
import { percentile } from './timing.js';
import { averageEventBytes, makeStreams } from './workload.js';
import {
  appendOneByOne,
  appendWhole,
  insertOneByOne,
  insertWhole,
  measureWrites,
  measureWritesInterleaved,
  type StreamWriter,
} from './writes.js';

/**
 * Both sides get the same warm-up (connections opened, statements prepared on every pooled
 * connection, catalog and index pages cached) before anything is measured.
 */
export const warmUp = async (bench: Bench, scale: Scale): Promise<void> => {
  progress('warm-up');
  const single = makeStreams('warm', scale.warmupStreams, scale.eventsPerStream, scale.eventBytes);
  const batches = makeStreams('warmbatch', 8, scale.batchSize, scale.eventBytes);
  const sides: [StreamWriter, StreamWriter][] = [
    [appendOneByOne(bench.store), appendWhole(bench.store)],
    [insertOneByOne(bench.raw), insertWhole(bench.raw)],
  ];
  for (const [one, whole] of sides) {
    await measureWrites(bench, single, scale.writers, one);
    await measureWrites(bench, batches, 1, whole);
  }
  await bench.analyze();
};

export interface WriteFigures {
  readonly append1: number;
  readonly raw1: number;
  readonly append32: number;
  readonly raw32: number;
  readonly appendBatch: number;
  readonly rawBatch: number;
  /** Streams of the single-writer phase, each with `eventsPerStream` events (read later). */
  readonly oneWriterStreams: readonly string[];
}

export const writePhases = async (bench: Bench, scale: Scale): Promise<WriteFigures> => {
  const { store, raw } = bench;
  const w = scale.writers;
  const slices = scale.writeSlices;

  const one = makeStreams('one', scale.streams, scale.eventsPerStream, scale.eventBytes);
  emit('scale.event_bytes', averageEventBytes(one), 'bytes');
  progress(`1 writer: ${one.length} streams x ${scale.eventsPerStream} events, ${slices} alternating slices`);
  const [append1 = 0, raw1 = 0] = await measureWritesInterleaved(
    bench,
    one,
    1,
    [appendOneByOne(store), insertOneByOne(raw)],
    slices,
  );
  emit('append.1writer.events_per_s', append1, 'events/s');
  emit('raw_insert.1writer.events_per_s', raw1, 'events/s');

  const many = makeStreams('many', scale.streams, scale.eventsPerStream, scale.eventBytes);
  progress(`${w} writers: ${many.length} streams x ${scale.eventsPerStream} events, ${slices} alternating slices`);
  const [append32 = 0, raw32 = 0] = await measureWritesInterleaved(
    bench,
    many,
    w,
    [appendOneByOne(store), insertOneByOne(raw)],
    slices,
  );
  emit(`append.${w}writers.events_per_s`, append32, 'events/s');
  emit(`raw_insert.${w}writers.events_per_s`, raw32, 'events/s');

  const batch = makeStreams('batch', scale.batchStreams, scale.batchSize, scale.eventBytes);
  progress(`batches: ${batch.length} streams x ${scale.batchSize} events, 1 writer, ${slices} alternating slices`);
  const [appendBatch = 0, rawBatch = 0] = await measureWritesInterleaved(
    bench,
    batch,
    1,
    [appendWhole(store), insertWhole(raw)],
    slices,
  );
  emit(`append_batch${scale.batchSize}.events_per_s`, appendBatch, 'events/s');
  emit(`raw_insert_batch${scale.batchSize}.events_per_s`, rawBatch, 'events/s');

  return { append1, raw1, append32, raw32, appendBatch, rawBatch, oneWriterStreams: one.map((s) => s.stream) };
};

export interface ReadFigures {
  readonly readAll: number;
  readonly rawRead: number;
}

export const readPhases = async (bench: Bench, scale: Scale, streams: readonly string[]): Promise<ReadFigures> => {
  progress(`readStream: ${scale.readStreamReads} random streams`);
  await readStreamLatencies(bench.store, streams, Math.min(200, scale.readStreamReads), scale.eventsPerStream);
  const latencies = await readStreamLatencies(bench.store, streams, scale.readStreamReads, scale.eventsPerStream);
  emit('read_stream.p50_ms', percentile(latencies, 50), 'ms');
  emit('read_stream.p99_ms', percentile(latencies, 99), 'ms');

  const { readAllEvents: total, readAllPage: page } = scale;
  progress(
    `readAll vs raw keyset read: ${total} events in pages of ${page}, pages alternating, warm-up then ${scale.readRepeats} rounds`,
  );
  await readAllVsRaw(bench.store, bench.raw, total, page);
  const rounds: { store: number; raw: number }[] = [];
  for (let round = 0; round < scale.readRepeats; round++)
    rounds.push(await readAllVsRaw(bench.store, bench.raw, total, page));
  progress(
    `rounds (readAll/raw events/s): ${rounds.map((r) => `${Math.round(r.store)}/${Math.round(r.raw)}`).join(', ')}`,
  );
  // Harmonic mean of rates = total events over total time, per side.
  const rate = (side: 'store' | 'raw') => rounds.length / rounds.reduce((sum, r) => sum + 1 / r[side], 0);
  return {
    readAll: emit('read_all.events_per_s', rate('store'), 'events/s').value,
    rawRead: emit('raw_read.events_per_s', rate('raw'), 'events/s').value,
  };
};

export const consumerPhase = async (bench: Bench, scale: Scale): Promise<void> => {
  const work = makeStreams('cons', scale.consumerStreams, scale.eventsPerStream, scale.eventBytes);
  progress(
    `consumer: tailing readAll (pages of ${scale.consumerPage}) while ${scale.writers} writers append ${work.length * scale.eventsPerStream} events`,
  );
  const result = await tailWhileWriting(bench, work, scale.writers, scale.consumerPage);
  progress(
    `consumer: stored ${result.stored}, seen ${result.seen}, unknown ${result.unknown}, out of order ${result.outOfOrder}, caught up ${Math.round(result.catchUpMs)} ms after the writers`,
  );
  emit('consumer.stored_events', result.stored, 'count');
  emit('consumer.skipped_events', result.skipped, 'count');
  emit('consumer.duplicated_events', result.duplicated, 'count');
  emit('consumer.catch_up_ms', result.catchUpMs, 'ms');
};
