/**
 * Runs one generation of one projection: read the log after the generation's checkpoint, apply a
 * batch, and move the checkpoint by compare-and-set in the same transaction as the rows. A crash
 * anywhere leaves either both or neither; a runner that lost its lock (another took over) fails
 * the compare-and-set and stops without writing. While one batch is applied the next is
 * already being read. A batch that fails is retried event by event to find the poison event,
 * which is dead-lettered; the projection then stops there or skips it (Projection.onPoison).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { calendarBookOf } from '../calendar/book.js';
import type { EventStore, ReadAllResult, RecordedEvent } from '../eventstore/types.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';
import { getGeneration, type Generation } from './generations.js';
import { readFilterOf, type Projection } from './projection.js';

export type RunOutcome = 'aborted' | 'fenced' | 'stopped' | 'switched';
export type CaughtUpAction = 'switched' | 'read-again' | 'wait';

export interface RunnerOptions {
  readonly store: EventStore;
  readonly db: Kysely<ProjectionBookkeeping>;
  /** The base schema (bookkeeping tables). */
  readonly schema: string;
  readonly projection: Projection;
  readonly generation: Generation;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly batchSize?: number;
  /** Longest wait for new events before reading again anyway. */
  readonly idleWaitMs?: number;
  /**
   * Called whenever a read found nothing more (caught up): 'switched' ends the run, 'read-again'
   * reads at once (the callback took time, e.g. building indexes), 'wait' waits for new events.
   */
  readonly onCaughtUp?: (position: string | null) => Promise<CaughtUpAction>;
  /** Called after each committed batch (progress bars, metrics). */
  readonly onBatch?: (applied: number, position: string | null) => void;
}

export class FencedError extends Error {
  override readonly name = 'FencedError';
}

const TRANSIENT_CODES = /^(08|57P|53|40001|40P01)/;

/** Connection loss, shutdown, deadlock, serialisation: worth retrying, not the event's fault. */
export const isTransient = (error: unknown): boolean => {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code === 'string' && (TRANSIENT_CODES.test(e.code) || /^E(CONN|PIPE|TIMEDOUT)/.test(e.code)))
    return true;
  return (
    typeof e?.message === 'string' && /Connection terminated|connection (is )?closed|timeout exceeded/i.test(e.message)
  );
};

export const runGeneration = async (options: RunnerOptions): Promise<RunOutcome> => {
  const { store, projection, generation, signal, logger } = options;
  const batchSize = options.batchSize ?? 2000;
  const idleWaitMs = options.idleWaitMs ?? 5000;
  const log = logger.child({ projection: projection.name, generation: generation.generation });
  let position = generation.position;
  const read = (after: string | null): Promise<ReadAllResult> =>
    store.readAll({ after, limit: batchSize, ...readFilterOf(projection) });
  let pending: Promise<ReadAllResult> | null = null;
  let backoffMs = 100;
  while (!signal.aborted) {
    let page: ReadAllResult;
    try {
      page = await (pending ?? read(position));
    } catch (error) {
      pending = null;
      if (signal.aborted) break;
      log.warn({ err: error }, 'reading the log failed; retrying');
      await sleep(backoffMs, undefined, { signal }).catch(() => undefined);
      backoffMs = Math.min(backoffMs * 2, 5000);
      continue;
    }
    pending = null;
    const { events, next } = page;
    const caughtUp = events.length < batchSize;
    try {
      if (events.length === 0) {
        if (next !== null && next !== position) {
          await commit(options, position, next, [], true);
          position = next;
        }
        const action = options.onCaughtUp ? await options.onCaughtUp(position) : 'wait';
        if (action === 'switched') return 'switched';
        if (action === 'read-again') continue;
        // An idle runner commits nothing, so only this notices a rebuild that retired its generation.
        if (!(await isCurrent(options))) return 'fenced';
        await store.waitForEvents(position, { timeoutMs: idleWaitMs, signal });
        continue;
      }
      if (!caughtUp) pending = read(next);
      await commit(options, position, next, events, caughtUp);
      position = next;
      backoffMs = 100;
      options.onBatch?.(events.length, position);
    } catch (error) {
      pending?.catch(() => undefined);
      pending = null;
      if (error instanceof FencedError) {
        log.info('checkpoint moved by another runner or the generation was retired; stopping');
        return 'fenced';
      }
      if (signal.aborted) break;
      if (isTransient(error)) {
        log.warn({ err: error }, 'applying a batch failed (transient); retrying');
        await sleep(backoffMs, undefined, { signal }).catch(() => undefined);
        backoffMs = Math.min(backoffMs * 2, 5000);
        continue;
      }
      // A retired generation's schema is dropped: its failure is not the events' fault.
      if (!(await isCurrent(options).catch(() => true))) return 'fenced';
      log.warn(
        { err: error, events: events.length },
        'a batch failed; applying it event by event to find the poison event',
      );
      const outcome = await isolatePoison(options, position, events);
      if (outcome.stopped) return 'stopped';
      position = outcome.position;
    }
  }
  return 'aborted';
};

/** Whether the generation may still be run: not retired (by a rebuild's switch) nor stopped. */
const isCurrent = async ({ db, schema, projection, generation }: RunnerOptions): Promise<boolean> => {
  const row = await getGeneration(db, schema, projection.name, generation.generation);
  return row !== undefined && row.state !== 'retired' && row.status === 'running';
};

/** Applies `events` and moves the checkpoint from `from` to `to`, in one transaction. */
const commit = async (
  { db, schema, projection, generation, store }: RunnerOptions,
  from: string | null,
  to: string | null,
  events: readonly RecordedEvent[],
  caughtUp: boolean,
): Promise<void> => {
  // Before the transaction: on embedded PGlite the store shares its one connection.
  const calendars = calendarBookOf(store);
  if (events.length > 0) await calendars.refresh();
  await db.transaction().execute(async (trx) => {
    // Rows and checkpoint commit together, so a commit lost in a server crash is only applied
    // again: read models need not wait for the disk (the log itself always does).
    await sql`SET LOCAL synchronous_commit = off`.execute(trx);
    if (events.length > 0) {
      const scoped = trx.withSchema(generation.schemaName) as unknown as Kysely<unknown>;
      await projection.apply(events, { trx: scoped, schema: generation.schemaName, calendars });
    }
    const last = events.at(-1);
    const result = await trx
      .withSchema(schema)
      .updateTable('projection_generations')
      .set({
        position: to,
        events_applied: sql`events_applied + ${events.length}`,
        ...(last ? { last_event_recorded_at: new Date(last.metadata.recordedAt) } : {}),
        ...(caughtUp ? { caught_up_at: new Date() } : {}),
        updated_at: new Date(),
      })
      .where('projection', '=', projection.name)
      .where('generation', '=', generation.generation)
      .where('state', '<>', 'retired')
      .where('status', '=', 'running')
      .where(sql<boolean>`position IS NOT DISTINCT FROM ${from}`)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw new FencedError(`checkpoint of ${projection.name} is no longer ${from}`);
  });
};

/** Applies the failed batch one event at a time; dead-letters the first that fails. */
const isolatePoison = async (
  options: RunnerOptions,
  from: string | null,
  events: readonly RecordedEvent[],
): Promise<{ stopped: boolean; position: string | null }> => {
  const { db, schema, projection, generation, logger } = options;
  let position = from;
  for (const event of events) {
    try {
      await commit(options, position, event.position, [event], false);
      position = event.position;
      continue;
    } catch (error) {
      if (error instanceof FencedError || isTransient(error)) throw error;
      const skip = projection.onPoison === 'skip';
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      logger.error(
        {
          projection: projection.name,
          eventId: event.id,
          stream: event.stream,
          revision: event.revision,
          type: event.type,
          err: error,
        },
        skip ? 'poison event dead-lettered and skipped' : 'poison event dead-lettered; projection stopped',
      );
      await db.transaction().execute(async (trx) => {
        await trx
          .withSchema(schema)
          .insertInto('projection_dead_letters')
          .values({
            projection: projection.name,
            generation: generation.generation,
            event_id: event.id,
            stream: event.stream,
            revision: event.revision,
            event_type: event.type,
            position: event.position,
            error: message.slice(0, 4000),
            skipped: skip,
          })
          .onConflict((oc) =>
            oc.columns(['projection', 'generation', 'event_id']).doUpdateSet({
              error: message.slice(0, 4000),
              attempts: sql`projection_dead_letters.attempts + 1`,
              last_failed_at: new Date(),
              skipped: skip,
            }),
          )
          .execute();
        const moved = await trx
          .withSchema(schema)
          .updateTable('projection_generations')
          .set(
            skip ? { position: event.position, updated_at: new Date() } : { status: 'stopped', updated_at: new Date() },
          )
          .where('projection', '=', projection.name)
          .where('generation', '=', generation.generation)
          .where('state', '<>', 'retired')
          .where(sql<boolean>`position IS NOT DISTINCT FROM ${position}`)
          .executeTakeFirst();
        if (moved.numUpdatedRows !== 1n) throw new FencedError('checkpoint moved while dead-lettering');
      });
      if (!skip) return { stopped: true, position };
      position = event.position;
    }
  }
  return { stopped: false, position };
};
