/**
 * A saga's bookkeeping rows: its checkpoint, its states by key, its dead letters. A batch commits
 * its states, its changes to the due-timer table, its refusals and its checkpoint in ONE
 * transaction, and the checkpoint moves by compare-and-set: a runner that lost its lock (another
 * took over) fails with FencedError and writes nothing. The commit waits for the disk (no
 * `synchronous_commit = off`, unlike projections): sagas drive effects, and the timer table must
 * not lose a row the log already holds.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordedEvent } from '../eventstore/types.js';
import { FencedError } from '../projections/runner.js';
import type { SagaCheckpointsTable, SagaTables } from './bookkeeping.table.js';
import type { Refusal } from './effects.js';
import type { Saga } from './saga.js';
import { applyTimerChanges, type TimerChanges } from './timer-table.js';

export type SagaCheckpoint = Pick<SagaCheckpointsTable, 'saga' | 'version' | 'position'> & {
  readonly status: 'running' | 'stopped';
};

/** The saga's checkpoint row, made (at the start of the log, running) if it has none. */
export const ensureSagaCheckpoint = async (
  db: Kysely<SagaTables>,
  schema: string,
  saga: Pick<Saga<unknown>, 'name' | 'version'>,
): Promise<SagaCheckpoint> => {
  await db
    .withSchema(schema)
    .insertInto('saga_checkpoints')
    .values({ saga: saga.name, version: saga.version, position: null, caught_up_at: null })
    .onConflict((oc) => oc.column('saga').doNothing())
    .execute();
  return db
    .withSchema(schema)
    .selectFrom('saga_checkpoints')
    .select(['saga', 'version', 'position', 'status'])
    .where('saga', '=', saga.name)
    .executeTakeFirstOrThrow();
};

/** A stopped saga (poison event) is retried once per start of a holder: the code may be fixed. */
export const resumeSaga = async (db: Kysely<SagaTables>, schema: string, saga: string): Promise<void> => {
  await db
    .withSchema(schema)
    .updateTable('saga_checkpoints')
    .set({ status: 'running', updated_at: new Date() })
    .where('saga', '=', saga)
    .execute();
};

/** The stored states of `keys` (one SELECT, outside any transaction). */
export const loadStates = async (
  db: Kysely<SagaTables>,
  schema: string,
  saga: string,
  keys: readonly string[],
): Promise<Map<string, unknown>> => {
  if (keys.length === 0) return new Map();
  const rows = await db
    .withSchema(schema)
    .selectFrom('saga_states')
    .select(['key', 'state'])
    .where('saga', '=', saga)
    .where('key', '=', sql<string>`ANY(${keys})`)
    .execute();
  return new Map(rows.map((r) => [r.key, r.state]));
};

export interface BatchCommit {
  readonly saga: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly handled: number;
  readonly states: ReadonlyMap<string, unknown>;
  readonly timerChanges: TimerChanges;
  readonly refusals: readonly Refusal[];
  readonly caughtUp: boolean;
  /** Also set the saga's version (a state rebuild for a new version ends with this). */
  readonly version?: number;
}

const deadLetterValues = (
  saga: string,
  event: RecordedEvent,
  command: string,
  kind: 'poison' | 'refused',
  error: string,
) => ({
  saga,
  event_id: event.id,
  command,
  kind,
  stream: event.stream,
  revision: event.revision,
  event_type: event.type,
  position: event.position,
  error: error.slice(0, 4000),
});

export const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** Writes states (plain JSON: a state must survive JSON.stringify/parse unchanged). */
export const upsertStates = async (
  db: Kysely<SagaTables>,
  schema: string,
  saga: string,
  states: ReadonlyMap<string, unknown>,
): Promise<void> => {
  if (states.size === 0) return;
  await db
    .withSchema(schema)
    .insertInto('saga_states')
    .values([...states].map(([key, state]) => ({ saga, key, state: JSON.stringify(state) })))
    .onConflict((oc) =>
      oc.columns(['saga', 'key']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), updated_at: new Date() })),
    )
    .execute();
};

/** States, timer rows, refusals and the checkpoint's compare-and-set, in one transaction. */
export const commitBatch = async (db: Kysely<SagaTables>, schema: string, batch: BatchCommit): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    await upsertStates(trx, schema, batch.saga, batch.states);
    await applyTimerChanges(trx, schema, batch.timerChanges);
    if (batch.refusals.length > 0) {
      // One row per refused command; a re-delivered batch refused again counts an attempt.
      const rows = new Map(
        batch.refusals.map((r) => [
          `${r.event.id}\n${r.command}`,
          deadLetterValues(batch.saga, r.event, r.command, 'refused', `${r.error.code}: ${r.error.message}`),
        ]),
      );
      await insertDeadLetters(trx, schema, [...rows.values()]);
    }
    const result = await trx
      .withSchema(schema)
      .updateTable('saga_checkpoints')
      .set({
        position: batch.to,
        events_handled: sql`events_handled + ${batch.handled}`,
        ...(batch.caughtUp ? { caught_up_at: new Date() } : {}),
        ...(batch.version === undefined ? {} : { version: batch.version }),
        updated_at: new Date(),
      })
      .where('saga', '=', batch.saga)
      .where('status', '=', 'running')
      .where(sql<boolean>`position IS NOT DISTINCT FROM ${batch.from}`)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n)
      throw new FencedError(`checkpoint of saga ${batch.saga} is no longer ${batch.from}`);
  });
};

/** Records dead letters; one already there counts another attempt with the latest error. */
const insertDeadLetters = async (
  trx: Transaction<SagaTables>,
  schema: string,
  rows: readonly ReturnType<typeof deadLetterValues>[],
): Promise<void> => {
  await trx
    .withSchema(schema)
    .insertInto('saga_dead_letters')
    .values([...rows])
    .onConflict((oc) =>
      oc.columns(['saga', 'event_id', 'command']).doUpdateSet((eb) => ({
        error: eb.ref('excluded.error'),
        attempts: sql`saga_dead_letters.attempts + 1`,
        last_failed_at: new Date(),
      })),
    )
    .execute();
};

/** Dead-letters a poison event and stops the saga with its checkpoint right before it. */
export const stopAtPoison = async (
  db: Kysely<SagaTables>,
  schema: string,
  saga: string,
  position: string | null,
  event: RecordedEvent,
  error: unknown,
): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    await insertDeadLetters(trx, schema, [deadLetterValues(saga, event, '', 'poison', errorText(error))]);
    const moved = await trx
      .withSchema(schema)
      .updateTable('saga_checkpoints')
      .set({ status: 'stopped', updated_at: new Date() })
      .where('saga', '=', saga)
      .where('status', '=', 'running')
      .where(sql<boolean>`position IS NOT DISTINCT FROM ${position}`)
      .executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) throw new FencedError('checkpoint moved while dead-lettering');
  });
};
