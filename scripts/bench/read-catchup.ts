/**
 * Catch-up lag: the projection host runs (startProjectionHost, advisory locks, LISTEN wake-ups)
 * while 32 writers append new parcel lifecycles one event per append, as commands would (copies
 * of base parcel streams under fresh ids, read-clone.ts). Each writer, like a read-your-writes
 * client, waits after each append until the parcels read model's checkpoint has passed the
 * append's position; the lag is append acknowledged → checkpoint seen. One watcher polls the
 * checkpoint (every 2 ms) for all writers, so the wait itself adds little load.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { NewEvent } from '../../src/eventstore/types.js';
import type { ProjectionBookkeeping } from '../../src/projections/bookkeeping.table.js';
import { startProjectionHost } from '../../src/projections/host.js';
import { advisoryLocks } from '../../src/projections/lock.js';
import type { Projection } from '../../src/projections/projection.js';
import { Cloner } from './read-clone.js';
import { silentLogger } from './read-rebuild.js';
import type { Bench } from './setup.js';

export interface CatchUpOptions {
  readonly projections: readonly Projection[];
  readonly writers: number;
  readonly durationMs: number;
  /** Base parcel streams to copy. */
  readonly templates: readonly string[];
  readonly tag: string;
  /** Copy numbers from here up are free (not used by the seeding). */
  readonly firstCopy: number;
}

export interface CatchUpFigures {
  readonly lags: number[];
  readonly appends: number;
  /** Appends whose event the read model had not reached when the run ended. */
  readonly unseen: number;
  readonly ms: number;
}

const POLL_MS = 2;
const GIVE_UP_MS = 30_000;

export const measureCatchUp = async (bench: Bench, options: CatchUpOptions): Promise<CatchUpFigures> => {
  const { store } = bench;
  const db = bench.connection.db as unknown as Kysely<ProjectionBookkeeping>;
  const locks = await advisoryLocks(bench.connection.clientConfig);
  const host = startProjectionHost({
    store,
    db,
    schema: bench.schema,
    projections: options.projections,
    locks,
    logger: silentLogger,
  });
  const templates = await Promise.all(options.templates.map((s) => store.readStream(s)));
  let position: string | null = null;
  const waiting = new Set<{ target: string; resolve: () => void }>();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const row = await db
        .withSchema(bench.schema)
        .selectFrom('projection_generations')
        .select('position')
        .where('projection', '=', 'parcels')
        .where('state', '=', 'active')
        .executeTakeFirst();
      position = row?.position ?? null;
      for (const w of waiting)
        if (store.compareCheckpoints(position, w.target) >= 0) {
          waiting.delete(w);
          w.resolve();
        }
      await sleep(POLL_MS);
    }
  })();
  const visible = (target: string): Promise<boolean> =>
    new Promise((resolve) => {
      const entry = { target, resolve: () => resolve(true) };
      waiting.add(entry);
      setTimeout(() => {
        if (waiting.delete(entry)) resolve(false);
      }, GIVE_UP_MS).unref();
    });
  const lags: number[] = [];
  let appends = 0;
  let unseen = 0;
  let copy = options.firstCopy;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const writer = async (w: number): Promise<void> => {
    for (let n = 0; performance.now() < deadline; n++) {
      const template = templates[(w * 7919 + n) % templates.length];
      if (template === undefined || template.length === 0) continue;
      const cloned = new Cloner(options.tag, copy++).stream(template[0]?.stream as string, template);
      for (const [revision, event] of cloned.events.entries()) {
        if (performance.now() >= deadline) return;
        const one: NewEvent[] = [event];
        const { position: at } = await store.append(cloned.stream, one, {
          expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
        });
        const appended = performance.now();
        appends++;
        if (await visible(at)) lags.push(performance.now() - appended);
        else unseen++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  } finally {
    watching = false;
    await watcher;
    await host.stop();
    await locks.close();
  }
  return { lags, appends, unseen, ms: performance.now() - started };
};
