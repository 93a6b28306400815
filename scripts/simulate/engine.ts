/**
 * Runs the whole write side and the sagas in-process on a virtual clock: the clock jumps to the
 * next scenario step or the next due timer, whichever comes first; at each stop the step's command
 * goes through the ordinary command handler, then the sagas catch up and the poller fires what is
 * due, until nothing moves. Timers are due at 00:00, steps happen at 09:00 (Asia/Shanghai), so on
 * a given day the timers of the night come first.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ParcelCommand } from '../../src/domain/parcel/index.js';
import { handleParcelCommand } from '../../src/eventstore/aggregate-handlers.js';
import type { EventStore } from '../../src/eventstore/types.js';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import { VirtualClock } from '../../src/sagas/clock.js';
import { createTimerPoller } from '../../src/sagas/poller.js';
import { SAGAS } from '../../src/sagas/registry.js';
import { runSagaUntilCaughtUp } from '../../src/sagas/runner.js';
import type { Saga } from '../../src/sagas/saga.js';
import { nextDueAt } from '../../src/sagas/timer-table.js';
import type { Scenario, ScenarioStep } from './scenario.js';
import { lineOf, type TimelineLine } from './timeline.js';

export interface SimulationOptions {
  readonly store: EventStore;
  readonly db: Kysely<SagaTables>;
  readonly schema: string;
  readonly scenario: Scenario;
  /** Overrides the scenario's end. */
  readonly until?: string;
  readonly logger: Logger;
  readonly verbose?: boolean;
  /** Called with each line as it happens. */
  readonly onLine?: (line: TimelineLine) => void;
  readonly sagas?: readonly Saga<unknown>[];
  /** The poller's lease; a restarted run waits this long for a timer its killed predecessor held. */
  readonly leaseMs?: number;
}

export interface SimulationResult {
  readonly lines: readonly TimelineLine[];
  readonly steps: number;
  readonly timersFired: number;
  readonly timersObsolete: number;
  readonly events: number;
}

const dayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);
const stepTime = (step: ScenarioStep): Date => new Date(`${step.on}T09:00:00+08:00`);

export const runSimulation = async (options: SimulationOptions): Promise<SimulationResult> => {
  const { store, db, schema, scenario, logger } = options;
  const sagas = options.sagas ?? SAGAS;
  const end = new Date(`${options.until ?? scenario.until}T23:59:59.999+08:00`);
  // A run restarted after a crash goes on from the business time of the last fact in the log,
  // so nothing fires "earlier" against facts that already happened later.
  const resumed = await lastFact(store);
  const clock = new VirtualClock(new Date(Math.max(dayStart(scenario.start).getTime(), resumed.at?.getTime() ?? 0)));
  const poller = createTimerPoller({
    store,
    db,
    schema,
    clock,
    logger,
    concurrency: 4,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
  });
  const steps = [...scenario.steps].sort((a, b) => stepTime(a).getTime() - stepTime(b).getTime());
  const lines: TimelineLine[] = [];
  let position: string | null = resumed.position;
  let fired = 0;
  let obsolete = 0;
  let events = 0;

  /** Sagas catch up and due timers fire, again and again, until neither has anything left. */
  const settle = async (): Promise<void> => {
    for (;;) {
      let handled = 0;
      for (const saga of sagas) handled += await runSagaUntilCaughtUp({ store, db, schema, saga, logger, clock });
      const result = await poller.fireDue();
      fired += result.fired;
      obsolete += result.obsolete;
      if (result.failed > 0) throw new Error(`${result.failed} timer(s) failed to fire; see the log`);
      if (handled === 0 && result.fired + result.obsolete === 0) return;
    }
  };

  const printNew = async (): Promise<void> => {
    for (;;) {
      const page = await store.readAll({ after: position, limit: 1000 });
      for (const event of page.events) {
        events++;
        const line = lineOf(event, options.verbose ?? false);
        if (line === null) continue;
        lines.push(line);
        options.onLine?.(line);
      }
      position = page.next ?? position;
      if (page.events.length < 1000) return;
    }
  };

  let next = 0;
  for (;;) {
    const step = steps[next];
    const due = await nextDueAt(db, schema);
    const candidates = [step === undefined ? null : stepTime(step), due].filter((d): d is Date => d !== null);
    if (candidates.length === 0) break;
    const at = new Date(Math.max(clock.now().getTime(), Math.min(...candidates.map((d) => d.getTime()))));
    if (at > end) break;
    clock.set(at);
    if (step !== undefined && stepTime(step).getTime() <= at.getTime()) {
      next++;
      await send(store, scenario, step, next, clock.now());
    }
    const before = fired + obsolete;
    await settle();
    // A timer due but leased by a poller that died: wait for its lease to run out.
    if (due !== null && due.getTime() <= at.getTime() && fired + obsolete === before) await sleep(200);
    await printNew();
  }
  return { lines, steps: next, timersFired: fired, timersObsolete: obsolete, events };
};

/** The position and business time of the last event in the log (none on a fresh run). */
const lastFact = async (store: EventStore): Promise<{ position: string | null; at: Date | null }> => {
  let position: string | null = null;
  let at: Date | null = null;
  for (;;) {
    const page = await store.readAll({ after: position, limit: 1000 });
    for (const event of page.events) {
      const occurred = new Date(event.metadata.occurredAt);
      if (at === null || occurred > at) at = occurred;
    }
    position = page.next ?? position;
    if (page.events.length < 1000) return { position, at };
  }
};

/** Step `n` (1-based) is sent with an idempotency key: a simulation restarted after a crash re-sends it as a no-op. */
const send = async (store: EventStore, scenario: Scenario, step: ScenarioStep, n: number, now: Date): Promise<void> => {
  const command = {
    type: step.command,
    data: step.data,
    context: {
      now: now.toISOString(),
      // One simulated person per role, so two-person acts (the supply filing, §12) can be walked.
      actor: {
        id: `sim:${(step.role ?? 'GRANTOR_ADMIN').toLowerCase()}`,
        role: step.role ?? 'GRANTOR_ADMIN',
        jurisdiction: scenario.jurisdiction,
      },
    },
  } as unknown as ParcelCommand;
  try {
    await handleParcelCommand({
      store,
      id: step.parcel,
      command,
      envelope: { correlationId: `sim:${step.parcel}:${step.command}:${step.on}`, reason: step.note },
      idempotencyKey: `simulate-step-${n}`,
      clock: () => now,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`step ${step.command} on ${step.parcel} (${step.on}) was refused: ${message}`, { cause: error });
  }
};
