/**
 * Read-your-writes: a command answers with the global position of its last event; a query given
 * that position waits (bounded) until the read models it reads from have passed it. The positions
 * live in the bookkeeping table, so this works whichever process runs the projections.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { EventStore } from '../eventstore/types.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';

export const MAX_WAIT_MS = 2000;
const POLL_MS = 15;

export interface ReadPosition {
  /** The least position the named read models have all reached (null = nothing applied yet). */
  readonly position: string | null;
  /** False when `minPosition` was given and not reached within the wait. */
  readonly reached: boolean;
}

const currentPosition = async (
  db: Kysely<ProjectionBookkeeping>,
  schema: string,
  store: EventStore,
  projections: readonly string[],
): Promise<string | null | undefined> => {
  const rows = await db
    .withSchema(schema)
    .selectFrom('projection_generations')
    .select(['projection', 'position'])
    .where('state', '=', 'active')
    .where('projection', 'in', projections)
    .execute();
  // A read model whose first generation is still being created has no tables to read yet.
  if (rows.length < projections.length) return undefined;
  return rows.map((r) => r.position).reduce((min, p) => (store.compareCheckpoints(p, min) < 0 ? p : min));
};

/**
 * The position the read models reflect; with `minPosition`, first waits up to `timeoutMs` for
 * them to reach it. A read model not created yet (a fresh database) is waited for the same way. An invalid `minPosition` throws the store's InvalidEventError.
 */
export const readPosition = async (
  db: Kysely<ProjectionBookkeeping>,
  schema: string,
  store: EventStore,
  projections: readonly string[],
  minPosition: string | undefined,
  timeoutMs: number = MAX_WAIT_MS,
): Promise<ReadPosition> => {
  if (minPosition !== undefined) store.compareCheckpoints(minPosition, null);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await currentPosition(db, schema, store, projections);
    const position = current ?? null;
    if (current !== undefined && (minPosition === undefined || store.compareCheckpoints(position, minPosition) >= 0))
      return { position, reached: true };
    if (Date.now() >= deadline) return { position, reached: false };
    await sleep(POLL_MS);
  }
};
