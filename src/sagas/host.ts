/**
 * Runs every saga of the registry in this process, each under its advisory lock
 * (`<schema>/saga/<name>`) so that it runs in exactly one process at a time; a process that does
 * not hold a lock retries every `takeoverMs`, so when the holder dies another takes over within
 * seconds (as src/projections/host.ts). Beside them, one timer poller per process: pollers need
 * no lock (SKIP LOCKED and leases share the due rows among them).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventStore } from '../eventstore/types.js';
import type { ProjectionLocks } from '../projections/lock.js';
import type { SagaTables } from './bookkeeping.table.js';
import { ensureSagaCheckpoint, resumeSaga } from './checkpoint.js';
import type { Clock } from './clock.js';
import { startCalendarReconciler } from './calendar-reconciler.js';
import { startDigester } from '../audit/digest/digester.js';
import { startReportOpener } from './reporting/opener.js';
import { createTimerPoller, type TimerPoller, type TimerPollerOptions } from './poller.js';
import { runSaga, type SagaRunOutcome } from './runner.js';
import type { Saga } from './saga.js';

export interface SagaHostOptions {
  readonly store: EventStore;
  readonly db: Kysely<SagaTables>;
  readonly schema: string;
  readonly sagas: readonly Saga<unknown>[];
  readonly locks: ProjectionLocks;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Run a timer poller and the calendar reconciler in this process. */
  readonly pollers: boolean;
  /** Milliseconds between calendar reconciliation passes (default 5 s). */
  readonly reconcileMs?: number;
  /** Milliseconds between log digests (with the pollers; default 1 h, 0 = none). */
  readonly digestMs?: number;
  /** Milliseconds between report-opener passes (with the pollers; default 60 s, 0 = none). */
  readonly reportMs?: number;
  /** Poller settings (owner, lease, batch, concurrency, pollMs, fire). */
  readonly poller?: Omit<TimerPollerOptions, 'store' | 'db' | 'schema' | 'clock' | 'logger'>;
  readonly takeoverMs?: number;
  readonly batchSize?: number;
  readonly idleWaitMs?: number;
}

export interface SagaHost {
  /** Names of the sagas this process runs now. */
  running(): string[];
  readonly poller: TimerPoller | null;
  stop(): Promise<void>;
}

export const sagaLockKey = (schema: string, saga: string): string => `${schema}/saga/${saga}`;

export const startSagaHost = (options: SagaHostOptions): SagaHost => {
  const { locks, schema, db } = options;
  const logger = options.logger;
  const controller = new AbortController();
  const { signal } = controller;
  void locks.lost.then(() => {
    if (!signal.aborted) logger.error('saga lock connection lost; stopping every saga of this process');
    controller.abort();
  });
  const running = new Set<string>();
  const supervise = async (saga: Saga<unknown>): Promise<void> => {
    const key = sagaLockKey(schema, saga.name);
    while (!signal.aborted) {
      let outcome: SagaRunOutcome | 'not_holder' | 'failed' = 'failed';
      try {
        if (!(await locks.tryAcquire(key))) {
          outcome = 'not_holder';
        } else {
          running.add(saga.name);
          try {
            const checkpoint = await ensureSagaCheckpoint(db, schema, saga);
            if (checkpoint.status === 'stopped') await resumeSaga(db, schema, saga.name);
            logger.info({ saga: saga.name, version: saga.version }, 'saga runner started');
            outcome = await runSaga({
              store: options.store,
              db,
              schema,
              saga,
              logger,
              signal,
              clock: options.clock,
              ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
              ...(options.idleWaitMs === undefined ? {} : { idleWaitMs: options.idleWaitMs }),
            });
          } finally {
            running.delete(saga.name);
            await locks.release(key);
          }
        }
      } catch (error) {
        if (signal.aborted) break;
        logger.error({ err: error, saga: saga.name }, 'saga supervisor failed; retrying');
      }
      if (outcome === 'fenced') continue;
      // 'stopped' (poison event) waits for a restart; the others retry after a pause.
      const pause = outcome === 'stopped' ? 2 ** 31 - 1 : (options.takeoverMs ?? 1000);
      await sleep(pause, undefined, { signal }).catch(() => undefined);
    }
  };
  const poller = options.pollers
    ? createTimerPoller({
        ...options.poller,
        store: options.store,
        db,
        schema,
        clock: options.clock,
        logger: logger.child({ component: 'timers' }),
      })
    : null;
  poller?.start();
  // Like the pollers, the reconciler needs no lock: its commands are idempotent per parcel and version.
  const reconciler = options.pollers
    ? startCalendarReconciler({
        store: options.store,
        db: db as unknown as Kysely<unknown>,
        schema,
        clock: options.clock,
        logger: logger.child({ component: 'calendar' }),
        ...(options.reconcileMs === undefined ? {} : { intervalMs: options.reconcileMs }),
      })
    : null;
  // Nor does the digester: a digest's event id comes from its cut, and a stale one is dropped.
  const digestMs = options.digestMs ?? 3_600_000;
  const digester =
    options.pollers && digestMs > 0
      ? startDigester({
          store: options.store,
          clock: () => options.clock.now(),
          logger: logger.child({ component: 'digest' }),
          intervalMs: digestMs,
        })
      : null;
  // Nor does the report opener: an obligation's ReportDue has a deterministic id, and opens once.
  const reportMs = options.reportMs ?? 60_000;
  const reportOpener =
    options.pollers && reportMs > 0
      ? startReportOpener({
          store: options.store,
          db: db as unknown as Kysely<unknown>,
          schema,
          clock: options.clock,
          logger: logger.child({ component: 'reports' }),
          intervalMs: reportMs,
        })
      : null;
  const done = Promise.all(options.sagas.map((s) => supervise(s)));
  return {
    running: () => [...running],
    poller,
    stop: async () => {
      controller.abort();
      await Promise.all([done, poller?.stop(), reconciler?.stop(), digester?.stop(), reportOpener?.stop()]);
    },
  };
};
