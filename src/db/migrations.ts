import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { eventsTableSql, quoteIdent } from '../eventstore/postgres/schema-sql.js';

/**
 * All migrations of one ledger schema, in order. Names are timestamps so that later issues
 * (read models, timers) append their own without renumbering. Migrations are code rather than
 * files on disk so the schema name can be parameterised (tests run in schemas of their own).
 */
export type MigrationList = Record<string, Migration>;

const statements = (list: string[]): Migration['up'] => async (db) => {
  for (const statement of list) await sql.raw(statement).execute(db);
};

export const eventStoreMigrations = (schema: string): MigrationList => ({
  '2026-11-21T00-00-00_events': {
    up: statements(eventsTableSql(schema)),
    down: statements([`DROP TABLE ${quoteIdent(schema)}.events`, `DROP FUNCTION ${quoteIdent(schema)}.events_are_immutable`]),
  },
});

/** Creates the schema if needed and runs every pending migration under kysely's migration lock. */
export const migrateToLatest = async (
  db: Kysely<unknown>,
  schema: string,
  extra: (schema: string) => MigrationList = () => ({}),
): Promise<string[]> => {
  await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`).execute(db);
  const migrations = { ...eventStoreMigrations(schema), ...extra(schema) };
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};
