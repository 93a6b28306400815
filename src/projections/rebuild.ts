/**
 * Blue/green rebuild of one projection: a new generation is built from position zero into tables
 * of its own while the active one keeps serving (and keeps being updated by its runner), then
 * switched in atomically once caught up, and the old schema dropped. A crashed rebuild resumes:
 * the building generation and its checkpoint are still there.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventStore } from '../eventstore/types.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';
import { completeBuild, dropRetired, ensureGeneration, type Generation } from './generations.js';
import { lockKey } from './host.js';
import type { ProjectionLocks } from './lock.js';
import type { Projection } from './projection.js';
import { runGeneration } from './runner.js';

export interface RebuildOptions {
  readonly store: EventStore;
  readonly db: Kysely<ProjectionBookkeeping>;
  readonly schema: string;
  readonly projection: Projection;
  readonly locks: ProjectionLocks;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
  /** Called with the generation once it is known (resumed or new). */
  readonly onStart?: (generation: Generation, resumed: boolean) => void;
  readonly onBatch?: (applied: number, position: string | null) => void;
}

export type RebuildOutcome = {
  readonly outcome: 'switched' | 'aborted' | 'stopped' | 'fenced';
  readonly generation: Generation;
};

export const rebuildProjection = async (options: RebuildOptions): Promise<RebuildOutcome> => {
  const { db, schema, projection, locks } = options;
  const { generation, created } = await ensureGeneration(db, schema, projection, 'build');
  options.onStart?.(generation, !created);
  const key = lockKey(schema, generation);
  if (!(await locks.tryAcquire(key)))
    throw new Error(`another process is building ${projection.name} generation ${generation.generation}`);
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort);
  void locks.lost.then(abort);
  try {
    const outcome = await runGeneration({
      store: options.store,
      db,
      schema,
      projection,
      generation,
      logger: options.logger,
      signal: controller.signal,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(options.onBatch ? { onBatch: options.onBatch } : {}),
      // A projection never built before gets an active first generation: run it to the head and stop.
      onCaughtUp: async (position) =>
        generation.state === 'active' ? 'switched' : completeBuild(db, schema, projection, generation, position),
    });
    if (outcome === 'switched') await dropRetired(db, schema, projection.name);
    return { outcome, generation };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await locks.release(key);
  }
};
