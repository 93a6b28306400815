/**
 * One batch of a saga: the states of the batch's keys (one SELECT, outside any transaction), the
 * saga's reactions in log order, each event's effects in log order BEFORE anything commits, then
 * one transaction with the states, the timer-table changes, the refusals and the checkpoint.
 * Effects first: on embedded PGlite the pool has one connection, so the command handler must
 * never wait for it while a transaction holds it; and a crash between the effects and the commit
 * only re-delivers the batch, whose every effect is idempotent.
 *
 * A re-delivered batch replays its timer commands; each row then follows what the timers stream
 * says now (pending or not), so a timer a later event cancelled is not brought back. A timer that
 * already fired with effect is still pending there, so its row comes back: accepted only because
 * firing is idempotent too (the owner's command uses the timer id as idempotency key), so the row
 * fires again as a no-op and is deleted.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { calendarBookOf } from '../calendar/book.js';
import type { EventStore, ReadAllResult, RecordedEvent } from '../eventstore/types.js';
import type { SagaTables } from './bookkeeping.table.js';
import { commitBatch, loadStates, stopAtPoison } from './checkpoint.js';
import type { Clock } from './clock.js';
import { performReaction, type Refusal } from './effects.js';
import type { Reaction, Saga, SagaEnv } from './saga.js';
import type { TimerChanges } from './timer-table.js';

export interface BatchContext {
  readonly store: EventStore;
  readonly db: Kysely<SagaTables>;
  readonly schema: string;
  readonly saga: Saga<unknown>;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface BatchOutcome {
  readonly position: string | null;
  readonly handled: number;
  /** A poison event stopped the saga (dead-lettered, checkpoint right before it). */
  readonly stopped: boolean;
}

interface Planned {
  readonly event: RecordedEvent;
  readonly key: string;
  readonly reaction: Reaction<unknown>;
}

/**
 * Reacts to `events` in order from the stored states. Stops at the first event whose keyOf or
 * react throws (a poison event: react is pure, so it would throw again).
 */
export const react = async (
  ctx: Pick<BatchContext, 'db' | 'schema' | 'saga' | 'store'>,
  events: readonly RecordedEvent[],
): Promise<{
  planned: Planned[];
  handled: number;
  states: Map<string, unknown>;
  poison: { event: RecordedEvent; error: unknown } | null;
}> => {
  const { saga } = ctx;
  const keys: (string | null)[] = [];
  let poison: { event: RecordedEvent; error: unknown } | null = null;
  for (const event of events) {
    try {
      keys.push(saga.keyOf(event));
    } catch (error) {
      poison = { event, error };
      break;
    }
  }
  const stored = await loadStates(ctx.db, ctx.schema, saga.name, [
    ...new Set(keys.filter((k): k is string => k !== null)),
  ]);
  const calendars = calendarBookOf(ctx.store);
  await calendars.refresh();
  const env: SagaEnv = { calendars };
  const states = new Map<string, unknown>();
  const planned: Planned[] = [];
  let handled = 0;
  for (const [i, key] of keys.entries()) {
    const event = events[i] as RecordedEvent;
    if (key !== null) {
      const state = states.has(key) ? states.get(key) : stored.has(key) ? stored.get(key) : saga.initialState(key);
      let reaction: Reaction<unknown>;
      try {
        reaction = saga.react(state, event, env);
      } catch (error) {
        poison = { event, error };
        break;
      }
      states.set(key, reaction.state);
      if (reaction.timers.length > 0 || reaction.commands.length > 0) planned.push({ event, key, reaction });
    }
    handled = i + 1;
  }
  return { planned, handled, states, poison };
};

/** Keys whose effects run at the same time; each key's own effects stay in log order. */
const KEY_CONCURRENCY = 8;

/**
 * Performs the planned effects, one key's in log order, up to KEY_CONCURRENCY keys at a time:
 * different keys write different timers streams (a shared stream such as a land user's credit
 * archive is retried by the command handler on a concurrency conflict). The timer changes are
 * collected per key and merged in log order, so the table ends as a sequential run would leave it.
 */
const performByKey = async (
  ctx: BatchContext,
  planned: readonly Planned[],
  timerChanges: TimerChanges,
  refusals: Refusal[],
): Promise<void> => {
  const byKey = new Map<string, Planned[]>();
  for (const p of planned) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  const groups = [...byKey.values()];
  const results: { changes: TimerChanges; refusals: Refusal[] }[] = groups.map(() => ({
    changes: new Map(),
    refusals: [],
  }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < groups.length) {
      const i = next++;
      const result = results[i] as { changes: TimerChanges; refusals: Refusal[] };
      for (const { event, key, reaction } of groups[i] as Planned[])
        await performReaction(ctx, event, key, reaction, result.changes, result.refusals);
    }
  };
  await Promise.all(Array.from({ length: Math.min(KEY_CONCURRENCY, groups.length) }, worker));
  // Keys never share a timer (a timer id starts with its owner), so merging key by key is exact.
  for (const result of results) {
    for (const [id, row] of result.changes) timerChanges.set(id, row);
    refusals.push(...result.refusals);
  }
};

/** Handles one page read after `from`; `caughtUp` when the read returned less than it asked for. */
export const handleBatch = async (
  ctx: BatchContext,
  from: string | null,
  page: ReadAllResult,
  caughtUp: boolean,
): Promise<BatchOutcome> => {
  const { db, schema, saga, logger } = ctx;
  const { events, next } = page;
  if (events.length === 0) {
    const to = next ?? from;
    if (to !== from) {
      await commitBatch(db, schema, {
        saga: saga.name,
        from,
        to,
        handled: 0,
        states: new Map(),
        timerChanges: new Map(),
        refusals: [],
        caughtUp,
      });
    }
    return { position: to, handled: 0, stopped: false };
  }
  const { planned, handled, states, poison } = await react(ctx, events);
  const timerChanges: TimerChanges = new Map();
  const refusals: Refusal[] = [];
  await performByKey(ctx, planned, timerChanges, refusals);
  for (const r of refusals) {
    logger.warn(
      { saga: saga.name, eventId: r.event.id, type: r.event.type, command: r.command, code: r.error.code },
      `a saga command was refused: ${r.error.message}`,
    );
  }
  const to = poison === null ? next : (events[handled - 1]?.position ?? from);
  if (handled > 0 || to !== from) {
    await commitBatch(db, schema, {
      saga: saga.name,
      from,
      to,
      handled,
      states,
      timerChanges,
      refusals,
      caughtUp: caughtUp && poison === null,
    });
  }
  if (poison !== null) {
    logger.error(
      {
        saga: saga.name,
        eventId: poison.event.id,
        stream: poison.event.stream,
        type: poison.event.type,
        err: poison.error,
      },
      'poison event dead-lettered; saga stopped',
    );
    await stopAtPoison(db, schema, saga.name, to, poison.event, poison.error);
  }
  return { position: to, handled, stopped: poison !== null };
};
