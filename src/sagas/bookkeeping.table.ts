import type { ColumnType, Generated } from 'kysely';
import type { TimerStamp } from '../domain/timers/index.js';

/** Row types of the saga machinery's tables in the base schema (migrations.ts). */
export interface SagaCheckpointsTable {
  saga: string;
  version: number;
  position: string | null;
  events_handled: ColumnType<string, string | number | bigint | undefined, string | number | bigint>;
  status: Generated<'running' | 'stopped'>;
  updated_at: Generated<Date>;
  caught_up_at: Date | null;
}

export interface SagaStatesTable {
  saga: string;
  key: string;
  state: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}

export interface SagaTimersTable {
  timer_id: string;
  saga: string;
  owner: string;
  rule: string;
  due_at: ColumnType<Date, Date | string, Date | string>;
  timer: ColumnType<TimerStamp, string, string>;
  lease_owner: string | null;
  lease_until: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
  scheduled_by: string | null;
}

export interface SagaDeadLettersTable {
  saga: string;
  event_id: string;
  /** The idempotency key of the refused command; '' for a poison event (react threw). */
  command: string;
  kind: 'poison' | 'refused';
  stream: string;
  revision: number;
  event_type: string;
  position: string;
  error: string;
  attempts: Generated<number>;
  first_failed_at: Generated<Date>;
  last_failed_at: Generated<Date>;
}

export interface SagaTables {
  saga_checkpoints: SagaCheckpointsTable;
  saga_states: SagaStatesTable;
  saga_timers: SagaTimersTable;
  saga_dead_letters: SagaDeadLettersTable;
}
