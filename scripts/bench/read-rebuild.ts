/**
 * The read benchmark's log phases: reading the whole log as a runner does, and rebuilding every
 * projection from position zero, concurrently, as the service would (rebuildProjection each).
 */
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { EventStore } from '../../src/eventstore/types.js';
import type { ProjectionBookkeeping } from '../../src/projections/bookkeeping.table.js';
import { ensureGeneration } from '../../src/projections/generations.js';
import { advisoryLocks } from '../../src/projections/lock.js';
import type { Projection } from '../../src/projections/projection.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import type { Bench } from './setup.js';

export const silentLogger = pino({ level: 'silent' });

/** The runner's default page. */
export const RUNNER_PAGE = 2_000;

/** Reads the whole log in pages of `page` (optionally only `types`); events read and ms taken. */
export const readWholeLog = async (
  store: EventStore,
  options: { types?: readonly string[]; page?: number } = {},
): Promise<{ events: number; ms: number }> => {
  const started = performance.now();
  let events = 0;
  const limit = options.page ?? RUNNER_PAGE;
  for (let after: string | null = null; ;) {
    const { events: page, next } = await store.readAll({
      after,
      limit,
      ...(options.types ? { types: options.types } : {}),
    });
    events += page.length;
    // A page that is not full reached the head (filtered events are skipped, not returned).
    if (page.length < limit) break;
    after = next;
  }
  return { events, ms: performance.now() - started };
};

export interface RebuildFigures {
  readonly events: number;
  readonly ms: number;
  readonly projections: ReadonlyArray<{ name: string; events: number; ms: number; outcome: string }>;
}

/** Rebuilds every projection concurrently (each from position zero, to the head of the log). */
export const rebuildAll = async (bench: Bench, projections: readonly Projection[]): Promise<RebuildFigures> => {
  const locks = await advisoryLocks(bench.connection.clientConfig);
  const db = bench.connection.db as unknown as Kysely<ProjectionBookkeeping>;
  // As `npm run rebuild` on a running system: a served generation exists (empty here), so the
  // timed rebuild builds the next one beside it (secondary indexes in bulk at the end) and switches.
  for (const projection of projections) await ensureGeneration(db, bench.schema, projection, 'serve');
  const started = performance.now();
  try {
    const results = await Promise.all(
      projections.map(async (projection) => {
        let events = 0;
        const { outcome } = await rebuildProjection({
          store: bench.store,
          db,
          schema: bench.schema,
          projection,
          locks,
          logger: silentLogger,
          onBatch: (applied) => {
            events += applied;
          },
        });
        return { name: projection.name, events, ms: performance.now() - started, outcome };
      }),
    );
    const ms = performance.now() - started;
    return { events: results.reduce((sum, r) => sum + r.events, 0), ms, projections: results };
  } finally {
    await locks.close();
  }
};
