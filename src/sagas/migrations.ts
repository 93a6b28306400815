import { quoteIdent } from '../db/identifiers.js';
import { sqlStatements, type MigrationList } from '../db/migrator.js';

/**
 * The saga machinery's tables in the base schema: each saga's checkpoint, its per-key state, the
 * due-timer table the poller claims from, and the dead letters (poison events and refused
 * commands). The timer table is derived from the log (timer-table.ts rebuilds it).
 */
export const sagaMigrations = (schema: string): MigrationList => {
  const s = quoteIdent(schema);
  return {
    '2026-12-01T00-00-00_sagas': {
      up: sqlStatements([
        `CREATE TABLE ${s}.saga_checkpoints (
          saga text PRIMARY KEY,
          version integer NOT NULL,
          position text,
          events_handled bigint NOT NULL DEFAULT 0,
          status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'stopped')),
          updated_at timestamptz NOT NULL DEFAULT now(),
          caught_up_at timestamptz
        )`,
        `CREATE TABLE ${s}.saga_states (
          saga text NOT NULL,
          key text NOT NULL,
          state jsonb NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (saga, key)
        )`,
        `CREATE TABLE ${s}.saga_timers (
          timer_id text PRIMARY KEY,
          saga text NOT NULL,
          owner text NOT NULL,
          rule text NOT NULL,
          due_at timestamptz NOT NULL,
          timer jsonb NOT NULL,
          lease_owner text,
          lease_until timestamptz,
          attempts integer NOT NULL DEFAULT 0,
          last_error text,
          scheduled_by text
        )`,
        `CREATE INDEX saga_timers_due_at ON ${s}.saga_timers (due_at)`,
        `CREATE INDEX saga_timers_owner ON ${s}.saga_timers (owner)`,
        `CREATE TABLE ${s}.saga_dead_letters (
          saga text NOT NULL,
          event_id text NOT NULL,
          command text NOT NULL DEFAULT '',
          kind text NOT NULL CHECK (kind IN ('poison', 'refused')),
          stream text NOT NULL,
          revision integer NOT NULL,
          event_type text NOT NULL,
          position text NOT NULL,
          error text NOT NULL,
          attempts integer NOT NULL DEFAULT 1,
          first_failed_at timestamptz NOT NULL DEFAULT now(),
          last_failed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (saga, event_id, command)
        )`,
      ]),
      down: sqlStatements([
        `DROP TABLE ${s}.saga_dead_letters`,
        `DROP TABLE ${s}.saga_timers`,
        `DROP TABLE ${s}.saga_states`,
        `DROP TABLE ${s}.saga_checkpoints`,
      ]),
    },
  };
};
