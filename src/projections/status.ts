/**
 * What `GET /projections` and the metrics show: per generation (active and building) its version,
 * position, lag and dead letters. Lag counts the committed events after the checkpoint (capped at
 * LAG_COUNT_CAP) and measures how long the oldest of them has waited. On the PostgreSQL log a
 * transaction left open holds every reader below it, so the events committed after it count as
 * lag, growing until the transaction ends (the store's `backlog`).
 */
import type { Kysely } from 'kysely';
import type { EventStore } from '../eventstore/types.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';
import { readFilterOf, type Projection } from './projection.js';

export const LAG_COUNT_CAP = 10_000;

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  readonly state: 'building' | 'active';
  /** 'running', 'caught_up', 'stopped' (poison event) or 'outdated' (version differs from the code's). */
  readonly status: string;
  readonly position: string | null;
  readonly eventsApplied: number;
  readonly lagEvents: number;
  /** True when there are at least `lagEvents` (the count was capped). */
  readonly lagCapped: boolean;
  readonly lagSeconds: number;
  readonly lastEventRecordedAt: string | null;
  readonly updatedAt: string;
  readonly deadLetters: number;
}

export const projectionStatuses = async (
  db: Kysely<ProjectionBookkeeping>,
  schema: string,
  store: EventStore,
  projections: readonly Projection[],
  now: Date = new Date(),
): Promise<ProjectionStatus[]> => {
  const rows = await db
    .withSchema(schema)
    .selectFrom('projection_generations as g')
    .select((eb) => [
      'g.projection',
      'g.generation',
      'g.version',
      'g.state',
      'g.status',
      'g.position',
      'g.events_applied',
      'g.last_event_recorded_at',
      'g.updated_at',
      eb
        .selectFrom('projection_dead_letters as d')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('d.projection', '=', 'g.projection')
        .whereRef('d.generation', '=', 'g.generation')
        .as('dead_letters'),
    ])
    .where('g.state', '<>', 'retired')
    .orderBy('g.projection')
    .orderBy('g.generation')
    .execute();
  return Promise.all(
    rows.map(async (row): Promise<ProjectionStatus> => {
      const projection = projections.find((p) => p.name === row.projection);
      const backlog = await store.backlog(row.position, {
        cap: LAG_COUNT_CAP,
        ...(projection ? readFilterOf(projection) : {}),
      });
      const oldest = backlog.oldestRecordedAt;
      const lagSeconds = oldest ? Math.max(0, (now.getTime() - Date.parse(oldest)) / 1000) : 0;
      const status =
        row.status === 'stopped'
          ? 'stopped'
          : projection && projection.version !== row.version
            ? 'outdated'
            : backlog.events === 0
              ? 'caught_up'
              : 'running';
      return {
        name: row.projection,
        version: row.version,
        generation: row.generation,
        state: row.state as 'building' | 'active',
        status,
        position: row.position,
        eventsApplied: Number(row.events_applied),
        lagEvents: backlog.events,
        lagCapped: backlog.capped,
        lagSeconds,
        lastEventRecordedAt: row.last_event_recorded_at?.toISOString() ?? null,
        updatedAt: row.updated_at.toISOString(),
        deadLetters: Number(row.dead_letters ?? 0),
      };
    }),
  );
};
