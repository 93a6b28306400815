/**
 * What operations see of the sagas (GET /projections' `sagas`): per saga its version, position,
 * events handled, status and dead letters (with the lag when given the store), and the due-timer
 * table: pending timers, how many are due by the clock, and the next due instant.
 */
import type { Kysely } from 'kysely';
import type { EventStore } from '../eventstore/types.js';
import { LAG_COUNT_CAP } from '../projections/status.js';
import type { SagaTables } from './bookkeeping.table.js';
import { systemClock, type Clock } from './clock.js';
import type { Saga } from './saga.js';
import { countDue, nextDueAt } from './timer-table.js';

export interface SagaStatus {
  readonly name: string;
  readonly version: number;
  /** 'running', 'caught_up' (with the store: no event of its types after the checkpoint), 'stopped' or 'outdated'. */
  readonly status: string;
  readonly position: string | null;
  readonly eventsHandled: number;
  /** Events of its types after the checkpoint (null without the store). */
  readonly lagEvents: number | null;
  readonly updatedAt: string;
  readonly caughtUpAt: string | null;
  readonly deadLetters: number;
}

export interface TimerTableStatus {
  readonly pending: number;
  readonly due: number;
  readonly nextDueAt: string | null;
}

export interface SagaStatuses {
  readonly items: SagaStatus[];
  readonly timers: TimerTableStatus;
}

export const sagaStatuses = async (
  db: Kysely<SagaTables>,
  schema: string,
  options: { readonly clock?: Clock; readonly store?: EventStore; readonly sagas?: readonly Saga<unknown>[] } = {},
): Promise<SagaStatuses> => {
  const { store, sagas } = options;
  const clock = options.clock ?? systemClock;
  const rows = await db
    .withSchema(schema)
    .selectFrom('saga_checkpoints as c')
    .select((eb) => [
      'c.saga',
      'c.version',
      'c.status',
      'c.position',
      'c.events_handled',
      'c.updated_at',
      'c.caught_up_at',
      eb
        .selectFrom('saga_dead_letters as d')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('d.saga', '=', 'c.saga')
        .as('dead_letters'),
    ])
    .orderBy('c.saga')
    .execute();
  const items = await Promise.all(
    rows.map(async (row): Promise<SagaStatus> => {
      const saga = sagas?.find((s) => s.name === row.saga);
      const lag =
        store && saga ? await store.backlog(row.position, { cap: LAG_COUNT_CAP, types: saga.eventTypes }) : null;
      const status =
        row.status === 'stopped'
          ? 'stopped'
          : saga && saga.version !== row.version
            ? 'outdated'
            : lag?.events === 0
              ? 'caught_up'
              : 'running';
      return {
        name: row.saga,
        version: row.version,
        status,
        position: row.position,
        eventsHandled: Number(row.events_handled),
        lagEvents: lag?.events ?? null,
        updatedAt: row.updated_at.toISOString(),
        caughtUpAt: row.caught_up_at?.toISOString() ?? null,
        deadLetters: Number(row.dead_letters ?? 0),
      };
    }),
  );
  const pending = await db
    .withSchema(schema)
    .selectFrom('saga_timers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  const next = await nextDueAt(db, schema);
  return {
    items,
    timers: {
      pending: Number(pending?.n ?? 0),
      due: await countDue(db, schema, clock.now()),
      nextDueAt: next?.toISOString() ?? null,
    },
  };
};
