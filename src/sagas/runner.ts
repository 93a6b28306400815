/**
 * Runs one saga: read the log after its checkpoint (only its event types), handle a batch
 * (batch.ts: react, effects, one commit), repeat; wait for new events when caught up. Modelled
 * on the projection runner: a runner that lost its lock fails the checkpoint's compare-and-set
 * and stops (FencedError). Errors:
 * - a poison event (keyOf or react throws) is dead-lettered and stops the saga (status stopped);
 * - a refused command (DomainError) is dead-lettered and the saga goes on (batch.ts);
 * - a transient error (connection, deadlock, a write conflict the handler gave up on) retries the
 *   batch with backoff, for ever: every effect is idempotent, so re-running is safe;
 * - any other error retries too, event by event through the failed batch, and an event that
 *   fails MAX_FAILURES times in a row is then treated as poison.
 * A new saga `version` first rebuilds the saga's states from the log up to the checkpoint,
 * without effects (they were sent by the old version); the new logic acts from there on.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { ConcurrencyError } from '../eventstore/errors.js';
import type { EventStore, ReadAllResult } from '../eventstore/types.js';
import { FencedError, isTransient } from '../projections/runner.js';
import { handleBatch, react } from './batch.js';
import type { SagaTables } from './bookkeeping.table.js';
import { ensureSagaCheckpoint, resumeSaga, stopAtPoison, upsertStates, type SagaCheckpoint } from './checkpoint.js';
import type { Clock } from './clock.js';
import { EffectError } from './effects.js';
import type { Saga } from './saga.js';

export { FencedError } from '../projections/runner.js';

export type SagaRunOutcome = 'aborted' | 'fenced' | 'stopped';

export interface SagaRunnerOptions<S = unknown> {
  readonly store: EventStore;
  readonly db: Kysely<SagaTables>;
  /** The base schema (saga tables). */
  readonly schema: string;
  readonly saga: Saga<S>;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  /** Events per batch (default 500). */
  readonly batchSize?: number;
  /** Longest wait for new events before reading again anyway (default 5000 ms). */
  readonly idleWaitMs?: number;
  /** Called after each committed batch that handled events. */
  readonly onBatch?: (handled: number, position: string | null) => void;
}

/** The saga stopped on a poison event (see saga_dead_letters). */
export class SagaStoppedError extends Error {
  override readonly name = 'SagaStoppedError';
}

const MAX_FAILURES = 5;

type Step =
  | { readonly kind: 'progress'; readonly handled: number; readonly caughtUp: boolean }
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'stopped' | 'fenced' };

interface Driver {
  position(): string | null;
  step(): Promise<Step>;
}

const isRetryable = (error: unknown): boolean => {
  const cause = error instanceof EffectError ? error.cause : error;
  return isTransient(cause) || cause instanceof ConcurrencyError;
};

/** Opens the saga at its checkpoint (rebuilding states for a new version); null when stopped. */
const openDriver = async (options: SagaRunnerOptions, resume: boolean): Promise<Driver | 'stopped'> => {
  const { store, db, schema, saga } = options;
  const batchSize = options.batchSize ?? 500;
  const log = options.logger.child({ saga: saga.name });
  const ctx = { ...options, logger: log };
  let checkpoint = await ensureSagaCheckpoint(db, schema, saga);
  if (checkpoint.status === 'stopped' && resume) {
    await resumeSaga(db, schema, saga.name);
    checkpoint = { ...checkpoint, status: 'running' };
  }
  if (checkpoint.status === 'stopped') return 'stopped';
  if (checkpoint.version !== saga.version && (await rebuildStates(options, checkpoint)) === 'stopped') return 'stopped';

  let position = checkpoint.position;
  let failures = 0;
  let backoffMs = 100;
  /** After a non-transient failure: read one event at a time until past the failed batch. */
  let isolateThrough: string | null = null;
  const step = async (): Promise<Step> => {
    if (isolateThrough !== null && store.compareCheckpoints(position, isolateThrough) >= 0) isolateThrough = null;
    const limit = isolateThrough === null ? batchSize : 1;
    let page: ReadAllResult | undefined;
    try {
      page = await store.readAll({ after: position, limit, types: saga.eventTypes });
      const caughtUp = page.events.length < limit;
      const outcome = await handleBatch(ctx, position, page, caughtUp);
      position = outcome.position;
      failures = 0;
      backoffMs = 100;
      if (outcome.stopped) return { kind: 'stopped' };
      if (outcome.handled > 0) options.onBatch?.(outcome.handled, position);
      return { kind: 'progress', handled: outcome.handled, caughtUp };
    } catch (error) {
      if (error instanceof FencedError) {
        log.info('saga checkpoint moved by another runner (or the saga was stopped); stopping');
        return { kind: 'fenced' };
      }
      const failed = page?.events[0];
      if (!isRetryable(error) && failed !== undefined) {
        failures += 1;
        if (limit === 1 && failures >= MAX_FAILURES) {
          log.error(
            { err: error, eventId: failed.id, type: failed.type },
            'an event failed too often: dead-lettered; saga stopped',
          );
          try {
            await stopAtPoison(db, schema, saga.name, position, failed, error);
            return { kind: 'stopped' };
          } catch (stopError) {
            if (stopError instanceof FencedError) return { kind: 'fenced' };
          }
        }
        isolateThrough ??= page?.events.at(-1)?.position ?? null;
        log.warn({ err: error, failures }, 'a saga batch failed; retrying event by event');
      } else {
        log.warn({ err: error }, 'a saga batch failed (transient); retrying');
      }
      const delayMs = backoffMs;
      backoffMs = Math.min(backoffMs * 2, 5000);
      return { kind: 'retry', delayMs };
    }
  };
  return { position: () => position, step };
};

/**
 * A new version's states: replayed from the log up to the checkpoint with the new logic, no
 * effects sent; then the version is set (compare-and-set, like a batch).
 */
const rebuildStates = async (options: SagaRunnerOptions, checkpoint: SagaCheckpoint): Promise<'done' | 'stopped'> => {
  const { store, db, schema, saga, logger } = options;
  const until = checkpoint.position;
  logger.warn(
    { saga: saga.name, from: checkpoint.version, to: saga.version, until },
    'saga version changed: rebuilding its states from the log up to its checkpoint (no effects)',
  );
  await db.withSchema(schema).deleteFrom('saga_states').where('saga', '=', saga.name).execute();
  let after: string | null = null;
  while (until !== null && store.compareCheckpoints(after, until) < 0) {
    const page: ReadAllResult = await store.readAll({ after, limit: options.batchSize ?? 500, types: saga.eventTypes });
    const events = page.events.filter((e) => store.compareCheckpoints(e.position, until) <= 0);
    const { states, poison } = await react(options, events);
    await upsertStates(db, schema, saga.name, states);
    if (poison !== null) {
      logger.error(
        { saga: saga.name, eventId: poison.event.id, err: poison.error },
        'poison event while rebuilding states',
      );
      await stopAtPoison(db, schema, saga.name, until, poison.event, poison.error);
      return 'stopped';
    }
    if (events.length < page.events.length || page.next === null || page.next === after) break;
    after = page.next;
  }
  const result = await db
    .withSchema(schema)
    .updateTable('saga_checkpoints')
    .set({ version: saga.version, updated_at: new Date() })
    .where('saga', '=', saga.name)
    .where('version', '=', checkpoint.version)
    .where(sql<boolean>`position IS NOT DISTINCT FROM ${until}`)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new FencedError(`saga ${saga.name} moved while its states were rebuilt`);
  return 'done';
};

/** Runs the saga until the signal aborts, it is fenced, or it stops on a poison event. */
export const runSaga = async <S>(options: SagaRunnerOptions<S>): Promise<SagaRunOutcome> => {
  const { store, signal } = options;
  const idleWaitMs = options.idleWaitMs ?? 5000;
  let driver: Driver | 'stopped';
  try {
    driver = await openDriver(options, false);
  } catch (error) {
    if (error instanceof FencedError) return 'fenced';
    throw error;
  }
  if (driver === 'stopped') return 'stopped';
  while (!signal.aborted) {
    const step = await driver.step();
    switch (step.kind) {
      case 'stopped':
      case 'fenced':
        return step.kind;
      case 'retry':
        await sleep(step.delayMs, undefined, { signal }).catch(() => undefined);
        break;
      case 'progress':
        if (step.caughtUp) await store.waitForEvents(driver.position(), { timeoutMs: idleWaitMs, signal });
        break;
      default: {
        const _never: never = step;
        return _never;
      }
    }
  }
  return 'aborted';
};

/**
 * Handles events until a read returns fewer than a batch and no committed event of the saga's
 * types is left behind (caught up), and returns how many it handled. For `npm run simulate` and tests; it resumes a stopped saga, and throws
 * SagaStoppedError when a poison event stops it again (FencedError when another runner moved it).
 */
export const runSagaUntilCaughtUp = async <S>(
  options: Omit<SagaRunnerOptions<S>, 'signal' | 'idleWaitMs'> & { readonly signal?: AbortSignal },
): Promise<number> => {
  const signal = options.signal ?? new AbortController().signal;
  const driver = await openDriver({ ...options, signal }, true);
  if (driver === 'stopped') throw new SagaStoppedError(`saga ${options.saga.name} stopped on a poison event`);
  let handled = 0;
  while (!signal.aborted) {
    const step = await driver.step();
    switch (step.kind) {
      case 'stopped':
        throw new SagaStoppedError(`saga ${options.saga.name} stopped on a poison event`);
      case 'fenced':
        throw new FencedError(`saga ${options.saga.name} was moved by another runner`);
      case 'retry':
        await sleep(step.delayMs, undefined, { signal }).catch(() => undefined);
        break;
      case 'progress': {
        handled += step.handled;
        if (!step.caughtUp) break;
        // readAll hands out only what lies below every open transaction: "nothing more to read"
        // is caught up only when no committed event of the saga's types waits behind one.
        const { events } = await options.store.backlog(driver.position(), { types: options.saga.eventTypes, cap: 1 });
        if (events === 0) return handled;
        await sleep(20, undefined, { signal }).catch(() => undefined);
        break;
      }
      default: {
        const _never: never = step;
        return _never;
      }
    }
  }
  return handled;
};
