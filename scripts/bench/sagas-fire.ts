/**
 * The timer-firing phase: `pollers` pollers (createTimerPoller, each its own owner) call fireDue()
 * concurrently on one virtual clock, with the service's own firing (the poller's default: one
 * parcel's claimed backlog goes as one FireTimers command, its obsolete timers as one
 * RecordObsoleteFirings). Progress comes from counting the rows still due; with --profile the
 * store calls and the pollers' own statements are timed as well.
 */
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import { ConcurrencyError } from '../../src/eventstore/errors.js';
import type { EventStore } from '../../src/eventstore/types.js';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import type { Clock } from '../../src/sagas/clock.js';
import { countDue } from '../../src/sagas/timer-table.js';
import { createTimerPoller, type FireResult } from '../../src/sagas/poller.js';

export interface FireOptions {
  readonly store: EventStore;
  readonly db: Kysely<SagaTables>;
  readonly schema: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly pollers: number;
  readonly concurrency: number;
  /** Rows a poller claims at a time (the poller's default when undefined). */
  readonly batchSize: number | undefined;
  readonly onProgress: (firings: number) => void;
}

export interface FirePhase extends FireResult {
  readonly ms: number;
  readonly perPoller: readonly FireResult[];
  /** CPU time this process spent during the phase (user + system), ms. */
  readonly cpuMs: number;
}

export const fireAll = async (options: FireOptions): Promise<FirePhase> => {
  const { store, db, schema, clock, logger } = options;
  const pollers = Array.from({ length: options.pollers }, (_, i) =>
    createTimerPoller({
      store,
      db,
      schema,
      clock,
      logger,
      owner: `bench-poller-${i + 1}`,
      concurrency: options.concurrency,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    }),
  );
  // The service's own firing (a backlog of one parcel's timers goes as one FireTimers command).
  const total = await countDue(db, schema, clock.now());
  const ticker = setInterval(
    () =>
      void countDue(db, schema, clock.now()).then(
        (left) => options.onProgress(total - left),
        () => undefined,
      ),
    5_000,
  );
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let perPoller: FireResult[];
  try {
    perPoller = await Promise.all(pollers.map((p) => p.fireDue()));
  } finally {
    clearInterval(ticker);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const sum = (key: keyof FireResult) => perPoller.reduce((n, r) => n + r[key], 0);
  return {
    fired: sum('fired'),
    obsolete: sum('obsolete'),
    failed: sum('failed'),
    ms,
    perPoller,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
};

/** Per store call: how many, total and worst ms, and how many threw which error. */
export interface CallStats {
  calls: number;
  totalMs: number;
  maxMs: number;
  errors: Map<string, number>;
}

export interface StoreProfile {
  readonly store: EventStore;
  readonly stats: ReadonlyMap<string, CallStats>;
  reset(): void;
  /** Lines for stderr: calls, mean and max ms, errors, per method. */
  describe(): string[];
}

const PROFILED = ['readStream', 'append', 'readAll', 'backlog'] as const;

/** The store with its calls timed (for --profile); the methods are otherwise untouched. */
export const profileStore = (inner: EventStore): StoreProfile => {
  const stats = new Map<string, CallStats>();
  const statOf = (method: string): CallStats => {
    let s = stats.get(method);
    if (s === undefined) {
      s = { calls: 0, totalMs: 0, maxMs: 0, errors: new Map() };
      stats.set(method, s);
    }
    return s;
  };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = String(property);
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (!(PROFILED as readonly string[]).includes(method)) return bound;
      return async (...args: unknown[]) => {
        const started = performance.now();
        const s = statOf(method);
        try {
          return await (bound(...args) as Promise<unknown>);
        } catch (error) {
          const name = error instanceof ConcurrencyError ? 'ConcurrencyError' : (error as Error).name;
          s.errors.set(name, (s.errors.get(name) ?? 0) + 1);
          throw error;
        } finally {
          const ms = performance.now() - started;
          s.calls += 1;
          s.totalMs += ms;
          s.maxMs = Math.max(s.maxMs, ms);
        }
      };
    },
  });
  return {
    store,
    stats,
    reset: () => stats.clear(),
    describe: () =>
      [...stats].map(([method, s]) => {
        const errors = [...s.errors].map(([name, n]) => `${name}×${n}`).join(' ');
        const mean = s.calls === 0 ? 0 : s.totalMs / s.calls;
        return `${method.padEnd(10)} ${String(s.calls).padStart(8)} calls, mean ${mean.toFixed(2)} ms, max ${s.maxMs.toFixed(1)} ms${errors ? `, errors ${errors}` : ''}`;
      }),
  };
};

export interface DbProfile {
  readonly db: Kysely<SagaTables>;
  reset(): void;
  describe(): string[];
}

/** What a poller statement is, from its SQL. */
const statementKind = (text: string): string => {
  const t = text.trimStart().toLowerCase();
  if (t.startsWith('with first') || t.startsWith('with due')) return 'claim';
  if (t.startsWith('delete')) return 'delete';
  if (t.startsWith('update')) return 'record-failure';
  return t.split(/\s+/, 1)[0] ?? '?';
};

/**
 * A second kysely over the same pool whose every query is timed (for --profile): the pollers'
 * claim and delete statements. Never destroyed: that would end the shared pool.
 */
export const profileDb = (pool: pg.Pool): DbProfile => {
  const stats = new Map<string, { calls: number; totalMs: number; maxMs: number; errors: number }>();
  const db = new Kysely<SagaTables>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      const kind = statementKind(event.query.sql);
      const s = stats.get(kind) ?? { calls: 0, totalMs: 0, maxMs: 0, errors: 0 };
      s.calls += 1;
      s.totalMs += event.queryDurationMillis;
      s.maxMs = Math.max(s.maxMs, event.queryDurationMillis);
      if (event.level === 'error') s.errors += 1;
      stats.set(kind, s);
    },
  });
  return {
    db,
    reset: () => stats.clear(),
    describe: () =>
      [...stats].map(
        ([kind, s]) =>
          `${kind.padEnd(14)} ${String(s.calls).padStart(6)} calls, mean ${(s.totalMs / s.calls).toFixed(2)} ms, max ${s.maxMs.toFixed(1)} ms, total ${(s.totalMs / 1000).toFixed(1)} s${s.errors > 0 ? `, ${s.errors} errors` : ''}`,
      ),
  };
};
