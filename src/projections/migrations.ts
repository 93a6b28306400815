import { quoteIdent } from '../db/identifiers.js';
import { sqlStatements, type MigrationList } from '../db/migrator.js';

/**
 * The read side's bookkeeping in the base schema: one row per generation of each projection
 * (its schema, version, state and checkpoint) and the dead letters. The read models' own tables
 * are not migrated here: each generation creates them in a schema of its own (generations.ts).
 */
export const projectionMigrations = (schema: string): MigrationList => {
  const s = quoteIdent(schema);
  return {
    '2026-11-26T00-00-00_projections': {
      up: sqlStatements([
        `CREATE TABLE ${s}.projection_generations (
          projection text NOT NULL,
          generation integer NOT NULL,
          version integer NOT NULL,
          schema_name text NOT NULL UNIQUE,
          state text NOT NULL CHECK (state IN ('building', 'active', 'retired')),
          status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'stopped')),
          position text,
          events_applied bigint NOT NULL DEFAULT 0,
          last_event_recorded_at timestamptz,
          caught_up_at timestamptz,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          activated_at timestamptz,
          deferred_indexes text[] NOT NULL DEFAULT '{}',
          PRIMARY KEY (projection, generation)
        )`,
        `CREATE UNIQUE INDEX projection_generations_one_active ON ${s}.projection_generations (projection) WHERE state = 'active'`,
        `CREATE TABLE ${s}.projection_dead_letters (
          projection text NOT NULL,
          generation integer NOT NULL,
          event_id text NOT NULL,
          stream text NOT NULL,
          revision integer NOT NULL,
          event_type text NOT NULL,
          position text NOT NULL,
          error text NOT NULL,
          attempts integer NOT NULL DEFAULT 1,
          skipped boolean NOT NULL,
          first_failed_at timestamptz NOT NULL DEFAULT now(),
          last_failed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (projection, generation, event_id)
        )`,
      ]),
      down: sqlStatements([`DROP TABLE ${s}.projection_dead_letters`, `DROP TABLE ${s}.projection_generations`]),
    },
  };
};
