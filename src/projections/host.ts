/**
 * Runs every projection of the registry in this process: for each, the generation to work on
 * (the active one, or a new version's build beside it), under that generation's lock. A process
 * that does not hold a lock retries every `takeoverMs`, so when the holder dies another process
 * takes over within seconds. Used by the service (by default) and by `npm run projections`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventStore } from '../eventstore/types.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';
import { completeBuild, dropRetired, ensureGeneration, type Generation } from './generations.js';
import type { ProjectionLocks } from './lock.js';
import type { Projection } from './projection.js';
import { runGeneration, type RunOutcome } from './runner.js';

export interface HostOptions {
  readonly store: EventStore;
  readonly db: Kysely<ProjectionBookkeeping>;
  readonly schema: string;
  readonly projections: readonly Projection[];
  readonly locks: ProjectionLocks;
  readonly logger: Logger;
  readonly takeoverMs?: number;
  readonly batchSize?: number;
  readonly idleWaitMs?: number;
}

export interface ProjectionHost {
  /** Names of the generations this process runs now ("parcels#3"). */
  running(): string[];
  stop(): Promise<void>;
}

export const lockKey = (schema: string, generation: Pick<Generation, 'projection' | 'generation'>): string =>
  `${schema}/${generation.projection}/${generation.generation}`;

/**
 * The generation this process should run: the active one when its version is the code's;
 * otherwise a generation of the code's version built beside it (resumed if one exists) and
 * switched to when caught up. A building generation of the active version belongs to
 * `npm run rebuild`, not to the host.
 */
const target = async (
  options: HostOptions,
  projection: Projection,
): Promise<{ generation: Generation; build: boolean }> => {
  const { db, schema } = options;
  const { generation: active } = await ensureGeneration(db, schema, projection, 'serve');
  if (active.version === projection.version) return { generation: active, build: false };
  return { generation: (await ensureGeneration(db, schema, projection, 'build')).generation, build: true };
};

export const startProjectionHost = (options: HostOptions): ProjectionHost => {
  const { locks, logger, schema } = options;
  const controller = new AbortController();
  const { signal } = controller;
  void locks.lost.then(() => {
    if (!signal.aborted) logger.error('projection lock connection lost; stopping every runner of this process');
    controller.abort();
  });
  const running = new Set<string>();
  const supervise = async (projection: Projection): Promise<void> => {
    while (!signal.aborted) {
      let outcome: RunOutcome | 'not_holder' | 'failed' = 'failed';
      try {
        const { generation, build } = await target(options, projection);
        const key = lockKey(schema, generation);
        if (!(await locks.tryAcquire(key))) {
          outcome = 'not_holder';
        } else {
          const name = `${projection.name}#${generation.generation}`;
          running.add(name);
          try {
            if (generation.status === 'stopped') await resume(options, generation);
            logger.info(
              { projection: projection.name, generation: generation.generation, build },
              'projection runner started',
            );
            outcome = await runGeneration({
              store: options.store,
              db: options.db,
              schema,
              projection,
              generation: { ...generation, status: 'running' },
              logger,
              signal,
              ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
              ...(options.idleWaitMs === undefined ? {} : { idleWaitMs: options.idleWaitMs }),
              ...(build
                ? {
                    onCaughtUp: (position: string | null) =>
                      completeBuild(options.db, schema, projection, generation, position),
                  }
                : {}),
            });
            if (outcome === 'switched') {
              logger.info(
                { projection: projection.name, generation: generation.generation },
                'new version caught up and switched in',
              );
              await dropRetired(options.db, schema, projection.name);
            }
          } finally {
            running.delete(name);
            await locks.release(key);
          }
        }
      } catch (error) {
        if (signal.aborted) break;
        logger.error({ err: error, projection: projection.name }, 'projection supervisor failed; retrying');
      }
      if (outcome === 'switched' || outcome === 'fenced') continue;
      // 'stopped' (poison event) waits for a restart; the others retry after a pause.
      const pause = outcome === 'stopped' ? 2 ** 31 - 1 : (options.takeoverMs ?? 1000);
      await sleep(pause, undefined, { signal }).catch(() => undefined);
    }
  };
  const done = Promise.all(options.projections.map((p) => supervise(p)));
  return {
    running: () => [...running],
    stop: async () => {
      controller.abort();
      await done;
    },
  };
};

/** A generation stopped on a poison event is retried once per start of a holder (the code may be fixed). */
const resume = async ({ db, schema }: HostOptions, generation: Generation): Promise<void> => {
  await db
    .withSchema(schema)
    .updateTable('projection_generations')
    .set({ status: 'running', updated_at: new Date() })
    .where('projection', '=', generation.projection)
    .where('generation', '=', generation.generation)
    .execute();
};
