/**
 * Parcels for the saga benchmark: each one a transfer contract signed on 2026-03-20 through the
 * real command handler, and nothing after (never paid, never delivered), so the parcel-timers
 * saga schedules its whole plan and most of it is due by 2029-06-01. The contract is the default
 * scenario's P-3201-2026-101 (scripts/simulate/default-scenario.json) with its own ids.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ParcelCommand } from '../../src/domain/parcel/index.js';
import { handleParcelCommand } from '../../src/eventstore/aggregate-handlers.js';
import type { EventStore } from '../../src/eventstore/types.js';
import type { SagaTables } from '../../src/sagas/bookkeeping.table.js';
import type { Clock } from '../../src/sagas/clock.js';
import { runSagaUntilCaughtUp } from '../../src/sagas/runner.js';
import type { Saga } from '../../src/sagas/saga.js';
import { countDue } from '../../src/sagas/timer-table.js';

/** When the contracts are signed (business time of the seeding commands). */
export const SIGNED_AT = new Date('2026-03-20T10:00:00+08:00');

const pad = (n: number): string => String(n).padStart(6, '0');

export const parcelIdOf = (n: number): string => `P-3201-2026-B${pad(n)}`;

/** The signed contract of parcel `n`: same dates and money as the scenario, own ids. */
export const contractOf = (n: number) => ({
  parcelId: parcelIdOf(n),
  jurisdiction: 'CN-JS-3201',
  supervisionNo: `3201002026B${pad(n)}`,
  areaHa: '3.2000',
  deliveryDate: '2026-05-06',
  agreedStart: '2026-11-02',
  agreedCompletion: '2028-11-01',
  totalInvestmentFen: 500000000,
  controllingShareholderIds: [`LU-91320100BHOLD${pad(n)}`],
  documentNo: `3201-2026-B${pad(n)}`,
  signedOn: '2026-03-20',
  landUse: { code: '07', residentialSubclass: 3 },
  termYears: 70,
  priceFen: 231000000,
  depositFen: 46200000,
  instalments: [
    { no: 1, dueDate: '2026-04-17', amountFen: 115500000 },
    { no: 2, dueDate: '2027-03-19', amountFen: 115500000 },
  ],
  farMin: '1.5',
  farMax: '2.5',
  greenRatio: '0.30',
  buildingDensity: '0.25',
  decisionId: 'D-3201-2026-009',
  landUserId: `LU-91320100BENCH${pad(n)}`,
  contractTemplateVersion: 'GF-2008-2601',
});

const ACTOR = { id: 'bench', role: 'GRANTOR_ADMIN', jurisdiction: 'CN-JS-3201' } as const;

/** Signs parcel `n`'s contract (idempotent: a re-run appends nothing). */
export const signParcel = async (store: EventStore, n: number): Promise<void> => {
  const id = parcelIdOf(n);
  const result = await handleParcelCommand({
    store,
    id,
    command: {
      type: 'SignTransferContract',
      data: contractOf(n),
      context: { now: SIGNED_AT.toISOString(), actor: ACTOR },
    } as unknown as ParcelCommand,
    envelope: { correlationId: `bench:${id}` },
    idempotencyKey: 'bench-sign',
    clock: () => SIGNED_AT,
  });
  if (result.events.length === 0) throw new Error(`SignTransferContract on ${id} appended nothing`);
};

/** Runs `work` on every item, at most `limit` at a time; rejects with the first failure. */
export const mapBounded = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/** Signs parcels `from`..`to` (inclusive) with bounded concurrency; returns the elapsed ms. */
export const seedParcels = async (
  store: EventStore,
  range: { readonly from: number; readonly to: number },
  concurrency: number,
  onProgress: (done: number) => void,
): Promise<number> => {
  const numbers = Array.from({ length: Math.max(0, range.to - range.from + 1) }, (_, i) => range.from + i);
  let done = 0;
  const started = performance.now();
  await mapBounded(numbers, concurrency, async (n) => {
    await signParcel(store, n);
    if (++done % 2000 === 0) onProgress(done);
  });
  return performance.now() - started;
};

export interface ProbeOptions {
  readonly store: EventStore;
  readonly db: Kysely<SagaTables>;
  readonly schema: string;
  readonly saga: Saga<unknown>;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The instant the timers must be due by. */
  readonly dueBy: Date;
}

/**
 * How many timers the saga schedules for one parcel that are due by `dueBy`: runs the saga for
 * real over the log (which holds only the first parcel yet), counts the due rows, then wipes the
 * saga's bookkeeping (checkpoint, states, timer rows) so the timed catch-up starts from position
 * zero. The probe parcel's timer command is replayed then (same idempotency key): no new events.
 */
export const probeTimersPerParcel = async (options: ProbeOptions): Promise<number> => {
  const { db, schema, saga, dueBy } = options;
  await runSagaUntilCaughtUp(options);
  const due = await countDue(db, schema, dueBy);
  await db.transaction().execute(async (trx) => {
    const s = trx.withSchema(schema);
    await s.deleteFrom('saga_timers').where('saga', '=', saga.name).execute();
    await s.deleteFrom('saga_states').where('saga', '=', saga.name).execute();
    await s.deleteFrom('saga_dead_letters').where('saga', '=', saga.name).execute();
    await s.deleteFrom('saga_checkpoints').where('saga', '=', saga.name).execute();
  });
  const left = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.id(schema, 'saga_timers')}`.execute(db);
  if (Number(left.rows[0]?.n ?? 0) !== 0) throw new Error('the probe left rows in saga_timers');
  return due;
};
