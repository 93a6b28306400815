import type { ColumnType, Generated } from 'kysely';

/** Row types of the read side's bookkeeping tables (migrations.ts). */
export interface ProjectionGenerationsTable {
  projection: string;
  generation: number;
  version: number;
  schema_name: string;
  state: 'building' | 'active' | 'retired';
  status: Generated<'running' | 'stopped'>;
  position: string | null;
  events_applied: ColumnType<string, string | number | bigint | undefined, string | number | bigint>;
  last_event_recorded_at: Date | null;
  caught_up_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  activated_at: Date | null;
  deferred_indexes: Generated<string[]>;
}

export interface ProjectionDeadLettersTable {
  projection: string;
  generation: number;
  event_id: string;
  stream: string;
  revision: number;
  event_type: string;
  position: string;
  error: string;
  attempts: Generated<number>;
  skipped: boolean;
  first_failed_at: Generated<Date>;
  last_failed_at: Generated<Date>;
}

export interface ProjectionBookkeeping {
  projection_generations: ProjectionGenerationsTable;
  projection_dead_letters: ProjectionDeadLettersTable;
}
