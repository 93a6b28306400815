/**
 * Fires due timers. Any number of pollers share the table without a lock: each claims a batch of
 * due rows (FOR UPDATE SKIP LOCKED) by writing its lease on them, fires them with bounded
 * concurrency, and deletes the rows it fired in one statement, only while they are still its
 * own. A poller that dies leaves rows leased; when the lease runs out another claims them, and
 * firing twice appends once (the owner's command uses the timer id as idempotency key).
 *
 * Two clocks: what is due is judged by the injected clock (virtual in `npm run simulate`), while
 * leases run on the database's real now(), so moving virtual time never breaks a lease.
 *
 * A firing the owner refuses (DomainError: the obligation was met or moved meanwhile) is
 * obsolete: recorded as TimerFired{outcome: 'obsolete'} on the timers stream, and the row goes.
 * Any other failure keeps the row, with its error and a lease of min(2^attempts s, 5 min) as
 * backoff, so it is retried later and never lost.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';
import type { TimerStamp } from '../domain/timers/index.js';
import { explainTimerRefusals } from '../domain/parcel/index.js';
import { calendarBookOf } from '../calendar/book.js';
import { parcelStream } from '../domain/streams.js';
import { handleParcelCommand, handleTimersCommand } from '../eventstore/aggregate-handlers.js';
import { nameBasedUuid } from '../eventstore/ids.js';
import type { EventStore } from '../eventstore/types.js';
import type { SagaTables } from './bookkeeping.table.js';
import { errorText } from './checkpoint.js';
import type { Clock } from './clock.js';
import { nextDueAt } from './timer-table.js';
import { TIMER_ACTOR } from './fire-system-command.js';
import { fireReportTimer } from './reporting/fire.js';
import { REPORT_TIMERS_SAGA } from './reporting/saga.js';
import { fireLinkageTimer } from './linkage/fire.js';
import { LINKAGE_TIMERS_SAGA } from './linkage/saga.js';
import { fireAnnouncementTimer } from './announcement/fire.js';
import { ANNOUNCEMENT_TIMERS_SAGA } from './announcement/saga.js';

/** A claimed row, as `fire` gets it. */
export interface DueTimer {
  readonly timerId: string;
  readonly saga: string;
  readonly timer: TimerStamp;
  /** How many times it has been claimed, this time included. */
  readonly attempts: number;
}

/** Fires one timer on its owner; a DomainError means the owner found it obsolete. */
export type FireTimer = (due: DueTimer) => Promise<void>;

export { TIMER_ACTOR };

/** The default firing: the parcel's FireTimer command, keyed by the timer id. */
export const fireParcelTimer =
  (store: EventStore, clock: Clock): FireTimer =>
  async ({ timer }) => {
    await handleParcelCommand({
      store,
      id: timer.owner,
      command: {
        type: 'FireTimer',
        data: { timer },
        context: { now: clock.now().toISOString(), actor: TIMER_ACTOR },
      },
      envelope: { correlationId: timer.timerId, causationId: timer.anchorEventId ?? timer.timerId },
      idempotencyKey: timer.timerId,
      clock: () => clock.now(),
    });
  };

/**
 * Timers whose owner is not a parcel, by the saga that scheduled them: how to fire them. Every
 * other timer is a parcel's (fireParcelTimer, or FireTimers for a backlog).
 */
const OTHER_OWNERS: Readonly<Record<string, (store: EventStore, clock: Clock) => FireTimer>> = {
  [REPORT_TIMERS_SAGA]: fireReportTimer,
  [LINKAGE_TIMERS_SAGA]: fireLinkageTimer,
  [ANNOUNCEMENT_TIMERS_SAGA]: fireAnnouncementTimer,
};

/** The default firing: by the saga that scheduled the timer (OTHER_OWNERS), else the parcel's FireTimer. */
export const fireBySaga = (store: EventStore, clock: Clock): FireTimer => {
  const parcel = fireParcelTimer(store, clock);
  const others = Object.fromEntries(Object.entries(OTHER_OWNERS).map(([saga, make]) => [saga, make(store, clock)]));
  return (due) => (others[due.saga] ?? parcel)(due);
};

export interface TimerPollerOptions {
  readonly store: EventStore;
  readonly db: Kysely<SagaTables>;
  readonly schema: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** This worker's unique id (default host:pid:random). */
  readonly owner?: string;
  readonly leaseMs?: number;
  readonly batchSize?: number;
  readonly concurrency?: number;
  /** Longest sleep of the start() loop between two rounds (default 1000 ms). */
  readonly pollMs?: number;
  readonly fire?: FireTimer;
}

export interface FireResult {
  readonly fired: number;
  readonly obsolete: number;
  readonly failed: number;
}

export interface TimerPoller {
  readonly owner: string;
  /** Claims and fires every timer due by the clock until none is left to claim. */
  fireDue(): Promise<FireResult>;
  /** Runs fireDue in a loop, sleeping until the next due instant (at most pollMs). */
  start(): void;
  stop(): Promise<void>;
}

type Outcome = 'fired' | 'obsolete' | 'failed';

interface ClaimedRow {
  timer_id: string;
  saga: string;
  timer: TimerStamp;
  attempts: number;
}

/** Runs `work` over `items`, at most `limit` at a time. */
const mapBounded = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

export const createTimerPoller = (options: TimerPollerOptions): TimerPoller => {
  const { store, db, schema, clock } = options;
  const me = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 16;
  const pollMs = options.pollMs ?? 1000;
  const fire = options.fire ?? fireBySaga(store, clock);
  const log = options.logger.child({ poller: me });
  const table = sql.id(schema, 'saga_timers');

  const claim = async (): Promise<ClaimedRow[]> => {
    // The owners of the earliest due rows, then every due row of those owners: a parcel's backlog
    // is claimed (and fired) together, in one command, instead of one row per claim round.
    const { rows } = await sql<ClaimedRow>`
      WITH first AS (
        SELECT DISTINCT owner FROM (
          SELECT owner FROM ${table}
          WHERE due_at <= ${clock.now()} AND (lease_until IS NULL OR lease_until < now())
          ORDER BY due_at, timer_id
          LIMIT ${batchSize}
        ) earliest
      ), due AS MATERIALIZED (
        -- Owner first: when the limit cuts, it cuts whole parcels' backlogs (index on owner).
        SELECT timer_id FROM ${table}
        WHERE owner = ANY(ARRAY(SELECT owner FROM first))
          AND due_at <= ${clock.now()} AND (lease_until IS NULL OR lease_until < now())
        ORDER BY owner, due_at, timer_id
        LIMIT ${batchSize * 10}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ${table} t
      SET lease_owner = ${me}, lease_until = now() + ${Math.max(1, Math.round(leaseMs))}::integer * interval '1 millisecond', attempts = t.attempts + 1
      WHERE t.timer_id = ANY(ARRAY(SELECT timer_id FROM due))
      RETURNING t.timer_id, t.saga, t.timer, t.attempts`.execute(db);
    // In due order, so each owner's timers fire in the order they fell due.
    rows.sort((a, b) => a.timer.dueAt.localeCompare(b.timer.dueAt) || a.timer_id.localeCompare(b.timer_id));
    return rows;
  };

  const recordObsolete = async (row: ClaimedRow, error: DomainError): Promise<void> => {
    const { timer } = row;
    await handleTimersCommand({
      store,
      id: timer.owner,
      command: {
        type: 'RecordObsoleteFiring',
        data: { saga: row.saga, timer, code: error.code, message: error.message },
        context: { now: clock.now().toISOString(), actor: TIMER_ACTOR },
      },
      envelope: { correlationId: timer.timerId, causationId: timer.anchorEventId ?? timer.timerId },
      idempotencyKey: `obsolete:${timer.timerId}`,
      clock: () => clock.now(),
    });
  };

  const fireOne = async (row: ClaimedRow): Promise<Outcome> => {
    try {
      try {
        await fire({ timerId: row.timer_id, saga: row.saga, timer: row.timer, attempts: row.attempts });
        return 'fired';
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await recordObsolete(row, error);
        log.info({ timerId: row.timer_id, code: error.code }, 'timer firing obsolete');
        return 'obsolete';
      }
    } catch (error) {
      return failed(row, error);
    }
  };

  /** Keeps the row for a later retry, after a backoff that grows with its attempts. */
  const failed = async (row: ClaimedRow, error: unknown): Promise<Outcome> => {
    const backoffS = Math.min(2 ** row.attempts, 300);
    log.warn(
      { err: error, timerId: row.timer_id, attempts: row.attempts, backoffS },
      'firing a timer failed; retrying later',
    );
    await db
      .withSchema(schema)
      .updateTable('saga_timers')
      .set({
        last_error: errorText(error).slice(0, 4000),
        lease_until: sql<Date>`now() + ${backoffS}::integer * interval '1 second'`,
      })
      .where('timer_id', '=', row.timer_id)
      .where('lease_owner', '=', me)
      .execute()
      .catch((e: unknown) => log.warn({ err: e, timerId: row.timer_id }, 'could not record the failure'));
    return 'failed';
  };

  /**
   * Several due timers of one parcel: FireTimers records every effect in one append, each event
   * with the id a lone FireTimer keyed by its timer id would have; the timers it skipped are
   * recorded as obsolete together, each with the reason FireTimer gives on the resulting state.
   * A failure (not a refusal) leaves every row for a later retry.
   */
  const fireParcelBatch = async (rows: readonly ClaimedRow[]): Promise<Outcome[]> => {
    const owner = (rows[0] as ClaimedRow).timer.owner;
    const context = { now: clock.now().toISOString(), actor: TIMER_ACTOR };
    try {
      const stream = parcelStream(owner);
      const result = await handleParcelCommand({
        store,
        id: owner,
        command: { type: 'FireTimers', data: { timers: rows.map((r) => r.timer) }, context },
        envelope: { correlationId: `fire:${owner}`, causationId: (rows[0] as ClaimedRow).timer_id },
        eventIdOf: (event) => {
          const id = event.data['timerId'];
          return typeof id === 'string' ? nameBasedUuid(`${stream}\n${id}\n0`) : undefined;
        },
        clock: () => clock.now(),
      });
      const fired = new Set(result.events.map((e) => e.data['timerId']));
      const skipped = rows.filter((row) => !fired.has(row.timer_id));
      const reasons = explainTimerRefusals(
        skipped.map((row) => ({ type: 'FireTimer' as const, data: { timer: row.timer }, context })),
        result.state,
        context.now,
        calendarBookOf(store),
      );
      // No reason on the resulting state: it had fired before (a retry), nothing to record.
      const refused = skipped.flatMap((row, k) => {
        const why = reasons[k];
        return why === null || why === undefined ? [] : [{ row, code: why.code, message: why.message }];
      });
      if (refused.length > 0) {
        await handleTimersCommand({
          store,
          id: owner,
          command: {
            type: 'RecordObsoleteFirings',
            data: {
              saga: (rows[0] as ClaimedRow).saga,
              firings: refused.map(({ row, code, message }) => ({ timer: row.timer, code, message })),
            },
            context,
          },
          envelope: { correlationId: `fire:${owner}`, causationId: (rows[0] as ClaimedRow).timer_id },
          clock: () => clock.now(),
        });
      }
      const obsolete = new Set(refused.map((r) => r.row.timer_id));
      return rows.map((row) => (obsolete.has(row.timer_id) ? 'obsolete' : 'fired'));
    } catch (error) {
      return Promise.all(rows.map((row) => failed(row, error)));
    }
  };

  const fireDue = async (): Promise<FireResult> => {
    const total = { fired: 0, obsolete: 0, failed: 0 };
    for (;;) {
      const claimed = await claim();
      if (claimed.length === 0) return total;
      // One owner's timers one after the other (they append to the same stream, so in parallel they
      // would only conflict with each other and with the owner's users); owners in parallel.
      const byOwner = new Map<string, number[]>();
      claimed.forEach((row, i) => byOwner.set(row.timer.owner, [...(byOwner.get(row.timer.owner) ?? []), i]));
      const outcomes = new Array<Outcome>(claimed.length);
      await mapBounded([...byOwner.values()], concurrency, async (indexes) => {
        const rows = indexes.map((i) => claimed[i] as ClaimedRow);
        // A backlog of one parcel's timers (the default firing only): one read and one append.
        if (options.fire === undefined && rows.length > 1 && rows.every((r) => !(r.saga in OTHER_OWNERS))) {
          const results = await fireParcelBatch(rows);
          indexes.forEach((i, k) => (outcomes[i] = results[k] as Outcome));
          return;
        }
        for (const i of indexes) outcomes[i] = await fireOne(claimed[i] as ClaimedRow);
      });
      const done = claimed.filter((_, i) => outcomes[i] !== 'failed').map((r) => r.timer_id);
      if (done.length > 0) {
        // Only rows still leased to this poller: one re-claimed after our lease ran out is the other's.
        await db
          .withSchema(schema)
          .deleteFrom('saga_timers')
          .where('timer_id', '=', sql<string>`ANY(${done})`)
          .where('lease_owner', '=', me)
          .execute();
      }
      for (const outcome of outcomes) total[outcome] += 1;
    }
  };

  const controller = new AbortController();
  let loop: Promise<void> | null = null;
  const run = async (): Promise<void> => {
    const { signal } = controller;
    while (!signal.aborted) {
      let waitMs = pollMs;
      try {
        const result = await fireDue();
        if (result.fired + result.obsolete + result.failed > 0) log.debug(result, 'timers fired');
        const next = await nextDueAt(db, schema);
        const now = clock.now().getTime();
        // A due row still here is leased (being fired, or backing off): look again after pollMs.
        if (next !== null && next.getTime() > now) waitMs = Math.min(pollMs, next.getTime() - now);
      } catch (error) {
        if (signal.aborted) break;
        log.warn({ err: error }, 'timer poller round failed; retrying');
      }
      await sleep(waitMs, undefined, { signal }).catch(() => undefined);
    }
  };

  return {
    owner: me,
    fireDue,
    start: () => {
      loop ??= run();
    },
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
};
