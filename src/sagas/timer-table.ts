/**
 * The due-timer table (saga_timers): one row per pending timer, derived from the log. The runner
 * changes it for the timers its commands touched (effects.ts), in the transaction of its checkpoint;
 * the poller deletes a row once the timer has fired. `rebuildTimerTable` derives it again from the
 * whole log, so the table is never the only record of a timer (ARCHITECTURE.md "Sagas and timers").
 */
import { sql, type Kysely } from 'kysely';
import { stampOf, TIMER_EVENT_TYPES, type TimerStamp } from '../domain/timers/index.js';
import type { EventStore } from '../eventstore/types.js';
import type { SagaTables } from './bookkeeping.table.js';

/** A row to insert; `scheduledBy` is the saga event that asked for it. */
export interface TimerRow {
  readonly timerId: string;
  readonly saga: string;
  readonly timer: TimerStamp;
  readonly scheduledBy: string | null;
}

/** What a batch of timer events does to the table, net: timer id → row to insert, or null to delete. */
export type TimerChanges = Map<string, TimerRow | null>;

interface TimerEventLike {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const TIMER_TYPES: ReadonlySet<string> = new Set(TIMER_EVENT_TYPES);

/**
 * The timer a firing recorded on its owner's stream: an effect event carries the stamp spread
 * into its data (`timerId` at the top, as FireTimer's alert events and IdleSuspected do) or as
 * `timer`. Only the events of a fired timer carry a timer id outside the timers streams.
 */
export const firedTimerId = (event: TimerEventLike): string | null => {
  const top = event.data['timerId'];
  if (typeof top === 'string') return top;
  const timer = event.data['timer'] as { timerId?: unknown } | null | undefined;
  return typeof timer === 'object' && timer !== null && typeof timer.timerId === 'string' ? timer.timerId : null;
};

/**
 * Adds one event's effect on the table to `changes` (in log order, the last word per timer wins):
 * scheduled → insert; rescheduled → delete the previous, insert the new; cancelled, fired as
 * obsolete, or fired with an effect on the owner's stream → delete. Other events change nothing.
 */
export const addTimerChange = (changes: TimerChanges, event: TimerEventLike, scheduledBy: string | null): void => {
  if (!TIMER_TYPES.has(event.type)) {
    const fired = firedTimerId(event);
    if (fired !== null) changes.set(fired, null);
    return;
  }
  const data = event.data as unknown as TimerStamp & { saga: string; previousTimerId?: string };
  switch (event.type as (typeof TIMER_EVENT_TYPES)[number]) {
    case 'TimerRescheduled':
    case 'TimerScheduled':
      if (data.previousTimerId !== undefined) changes.set(data.previousTimerId, null);
      changes.set(data.timerId, { timerId: data.timerId, saga: data.saga, timer: stampOf(data), scheduledBy });
      return;
    case 'TimerCancelled':
    case 'TimerFired':
      changes.set(data.timerId, null);
      return;
  }
};

/** Applies net changes: deletes in one statement, inserts (ON CONFLICT DO NOTHING) in chunks. */
export const applyTimerChanges = async (
  trx: Kysely<SagaTables>,
  schema: string,
  changes: TimerChanges,
): Promise<void> => {
  const deletes = [...changes].filter(([, row]) => row === null).map(([id]) => id);
  const inserts = [...changes.values()].filter((row): row is TimerRow => row !== null);
  if (deletes.length > 0) {
    await trx
      .withSchema(schema)
      .deleteFrom('saga_timers')
      .where('timer_id', '=', sql<string>`ANY(${deletes})`)
      .execute();
  }
  for (let i = 0; i < inserts.length; i += 1000) {
    await trx
      .withSchema(schema)
      .insertInto('saga_timers')
      .values(
        inserts.slice(i, i + 1000).map((row) => ({
          timer_id: row.timerId,
          saga: row.saga,
          owner: row.timer.owner,
          rule: row.timer.rule,
          due_at: row.timer.dueAt,
          timer: JSON.stringify(row.timer),
          lease_owner: null,
          lease_until: null,
          last_error: null,
          scheduled_by: row.scheduledBy,
        })),
      )
      .onConflict((oc) => oc.column('timer_id').doNothing())
      .execute();
  }
};

/** The earliest due instant in the table (leased rows included), or null when it is empty. */
export const nextDueAt = async (db: Kysely<SagaTables>, schema: string): Promise<Date | null> => {
  const row = await db
    .withSchema(schema)
    .selectFrom('saga_timers')
    .select((eb) => eb.fn.min('due_at').as('next'))
    .executeTakeFirst();
  return row?.next ? new Date(row.next) : null;
};

/** How many timers are due at `at` (fired or not yet claimed). */
export const countDue = async (db: Kysely<SagaTables>, schema: string, at: Date): Promise<number> => {
  const row = await db
    .withSchema(schema)
    .selectFrom('saga_timers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('due_at', '<=', at)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};

export interface PendingTimer {
  readonly timerId: string;
  readonly saga: string;
  readonly owner: string;
  readonly rule: string;
  readonly dueAt: string;
  readonly timer: TimerStamp;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly leaseOwner: string | null;
  readonly leaseUntil: string | null;
}

/** Pending timers, soonest first (of one owner if given). */
export const pendingTimers = async (
  db: Kysely<SagaTables>,
  schema: string,
  options: { readonly owner?: string; readonly limit: number },
): Promise<PendingTimer[]> => {
  let query = db
    .withSchema(schema)
    .selectFrom('saga_timers')
    .selectAll()
    .orderBy('due_at')
    .orderBy('timer_id')
    .limit(options.limit);
  if (options.owner !== undefined) query = query.where('owner', '=', options.owner);
  const rows = await query.execute();
  return rows.map((r) => ({
    timerId: r.timer_id,
    saga: r.saga,
    owner: r.owner,
    rule: r.rule,
    dueAt: r.due_at.toISOString(),
    timer: r.timer,
    attempts: r.attempts,
    lastError: r.last_error,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until?.toISOString() ?? null,
  }));
};

/**
 * Derives the table again from the whole log: every timer event, and every owner event that
 * records a firing (its data carries the timer id, firedTimerId). Leases, attempts and errors start afresh.
 * Run it with the saga host stopped: a runner or poller working meanwhile may change rows the
 * rebuild then overwrites (harmless for firing, which is idempotent, but confusing).
 */
export const rebuildTimerTable = async (
  store: EventStore,
  db: Kysely<SagaTables>,
  schema: string,
): Promise<{ readonly timers: number }> => {
  const changes: TimerChanges = new Map();
  let after: string | null = null;
  for (;;) {
    const { events, next }: Awaited<ReturnType<EventStore['readAll']>> = await store.readAll({ after, limit: 5000 });
    for (const event of events) addTimerChange(changes, event, event.metadata.causationId);
    if (events.length === 0) break;
    after = next;
  }
  const pending: TimerChanges = new Map([...changes].filter(([, row]) => row !== null));
  await db.transaction().execute(async (trx) => {
    await sql`TRUNCATE ${sql.id(schema, 'saga_timers')}`.execute(trx);
    await applyTimerChanges(trx, schema, pending);
  });
  return { timers: pending.size };
};
