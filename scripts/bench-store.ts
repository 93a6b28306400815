/**
 * Throughput and correctness benchmark of the PostgreSQL event store against plain INSERTs and
 * keyset reads on a table with the same columns and unique indexes (the practical limit).
 *
 *   node --import tsx scripts/bench-store.ts [--quick]
 *
 * Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and a fresh schema that is
 * dropped at the end, also on failure or Ctrl-C. Prints one {"name","value","unit"} JSON line per
 * figure on stdout; progress on stderr.
 */
import { loadavg } from 'node:os';
import { emit, emitRatio, progress } from './bench/report.js';
import { consumerPhase, readPhases, warmUp, writePhases } from './bench/phases.js';
import { parseArgs, scaleFor } from './bench/scale.js';
import { openBench } from './bench/setup.js';

const main = async (): Promise<void> => {
  const scale = scaleFor(parseArgs(process.argv.slice(2)).quick);
  emit('scale.streams', scale.streams, 'count');
  emit('scale.events_per_stream', scale.eventsPerStream, 'count');
  emit('scale.batch_streams', scale.batchStreams, 'count');
  emit('scale.writers', scale.writers, 'count');
  emit('scale.read_stream_reads', scale.readStreamReads, 'count');
  emit('scale.read_all_events', scale.readAllEvents, 'count');
  emit('scale.consumer_events', scale.consumerStreams * scale.eventsPerStream, 'count');

  const started = Date.now();
  // Other processes on the host (test suites on the same server) skew the figures; say so.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  progress(`load average at start ${load()}`);
  const bench = await openBench(scale.poolMax);
  try {
    await warmUp(bench, scale);
    const writes = await writePhases(bench, scale);
    const reads = await readPhases(bench, scale, writes.oneWriterStreams);
    await consumerPhase(bench, scale);
    emitRatio('ratio.append_vs_raw.1writer', writes.append1, writes.raw1);
    emitRatio(`ratio.append_vs_raw.${scale.writers}writers`, writes.append32, writes.raw32);
    emitRatio('ratio.batch_vs_raw', writes.appendBatch, writes.rawBatch);
    emitRatio('ratio.read_all_vs_raw_read', reads.readAll, reads.rawRead);
  } finally {
    await bench.close();
    progress(`load average at end ${load()}`);
    progress(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
};

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
