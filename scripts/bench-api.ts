/**
 * Throughput and latency of the write API, measured against the bare event store in the same run:
 *
 *   node --import tsx scripts/bench-api.ts [--quick]
 *
 * Starts the real service (startService) on PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test) in a fresh schema, drives it with 32 concurrent
 * keep-alive clients through real commands, then measures the store's own 32-writer append rate
 * on the same schema (scripts/bench machinery), then the same workload on embedded PGlite in a
 * temporary DATA_DIR. The schema and the directory are removed at the end, also on failure.
 * One {"name","value","unit"} JSON line per figure on stdout; progress on stderr.
 */
import { randomBytes } from 'node:crypto';
import { startEmbedded, startOnPostgres } from './bench/api-service.js';
import { runClients, type RunFigures } from './bench/api-run.js';
import { COMMANDS_PER_PARCEL } from './bench/api-workload.js';
import { emit, emitRatio, progress } from './bench/report.js';
import { parseArgs } from './bench/scale.js';
import { databaseUrl, openBench } from './bench/setup.js';
import { makeStreams } from './bench/workload.js';
import { appendOneByOne, measureWrites } from './bench/writes.js';

const CLIENTS = 32;

const scaleFor = (quick: boolean) => ({
  parcelsPerClient: quick ? 2 : 10,
  appendStreams: quick ? 400 : 3_000,
  embeddedClients: quick ? 4 : 8,
  embeddedParcelsPerClient: quick ? 3 : 8,
});

const report = (prefix: string, figures: RunFigures): void => {
  if (figures.failures > 0) {
    // The rates then include refused commands: not a valid figure. Say so and fail the run.
    progress(`${prefix}: ${figures.failures} of ${figures.commands} commands failed; the figures below are not valid`);
    process.exitCode = 1;
  }
  emit(`${prefix}.per_s`, figures.perSecond, 'commands/s');
  emit(`${prefix}.p50_ms`, figures.p50, 'ms');
  emit(`${prefix}.p99_ms`, figures.p99, 'ms');
  emit(`${prefix}.failed_commands`, figures.failures, 'count');
};

const main = async (): Promise<void> => {
  const scale = scaleFor(parseArgs(process.argv.slice(2)).quick);
  const runId = randomBytes(4).toString('hex');
  emit('scale.clients', CLIENTS, 'count');
  emit('scale.parcels_per_client', scale.parcelsPerClient, 'count');
  emit('scale.commands_per_parcel', COMMANDS_PER_PARCEL, 'count');
  emit('scale.append_events', scale.appendStreams * 10, 'count');
  emit('scale.embedded_clients', scale.embeddedClients, 'count');
  emit('scale.embedded_parcels_per_client', scale.embeddedParcelsPerClient, 'count');
  const started = Date.now();
  const bench = await openBench(CLIENTS + 2);
  try {
    const service = await startOnPostgres(databaseUrl(), bench.schema, CLIENTS + 8);
    try {
      progress(`service on PostgreSQL at ${service.url}; warm-up`);
      await runClients(service.url, service.secret, `${runId}w`, 8, 1);
      await bench.checkpoint();
      progress(`${CLIENTS} clients x ${scale.parcelsPerClient} parcels`);
      const http = await runClients(service.url, service.secret, runId, CLIENTS, scale.parcelsPerClient);
      report(`command.http.${CLIENTS}clients`, http);
      emit('command.http.p50_ms', http.p50, 'ms');
      emit('command.http.p99_ms', http.p99, 'ms');
      progress(`bare store: ${CLIENTS} writers appending ${scale.appendStreams} streams x 10 events`);
      await service.stop();
      await measureWrites(bench, makeStreams('warm', 64, 10, 400), CLIENTS, appendOneByOne(bench.store));
      const append = await measureWrites(
        bench,
        makeStreams('many', scale.appendStreams, 10, 400),
        CLIENTS,
        appendOneByOne(bench.store),
      );
      emit(`append.${CLIENTS}writers.events_per_s`, append, 'events/s');
      emitRatio(`ratio.http_vs_append.${CLIENTS}clients`, http.perSecond, append);
    } catch (error) {
      await service.stop().catch(() => undefined);
      throw error;
    }
  } finally {
    await bench.close();
  }
  const embedded = await startEmbedded();
  try {
    progress(
      `service on embedded PGlite at ${embedded.url}; warm-up, then ${scale.embeddedClients} clients x ${scale.embeddedParcelsPerClient} parcels`,
    );
    await runClients(embedded.url, embedded.secret, `${runId}ew`, 2, 1);
    const figures = await runClients(
      embedded.url,
      embedded.secret,
      `${runId}e`,
      scale.embeddedClients,
      scale.embeddedParcelsPerClient,
    );
    report('command.http.embedded', figures);
  } finally {
    await embedded.stop();
  }
  progress(`done in ${Math.round((Date.now() - started) / 1000)} s`);
};

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
