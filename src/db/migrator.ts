import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { quoteIdent } from './identifiers.js';

/**
 * Migrations by name. Names are timestamps so that each owner of tables (the event store, later
 * each read model) appends its own without renumbering. Migrations are code rather than files on
 * disk so the schema name can be parameterised (tests run in schemas of their own). This module
 * runs and inspects migrations; it defines none (src/database.ts assembles them).
 */
export type MigrationList = Record<string, Migration>;

/** A migration step made of raw SQL statements run in order. */
export const sqlStatements =
  (list: readonly string[]): Migration['up'] =>
  async (db) => {
    for (const statement of list) await sql.raw(statement).execute(db);
  };

const migratorFor = <DB>(db: Kysely<DB>, schema: string, migrations: MigrationList): Migrator =>
  new Migrator({ db, migrationTableSchema: schema, provider: { getMigrations: async () => migrations } });

/**
 * kysely's migrator looks for its own tables by listing every table of the database, with their
 * columns; a schema dropped by someone else meanwhile (a test's, a read model's retired
 * generation) makes that listing fail with "schema … does not exist" (3F000) or "relation …
 * does not exist" (42P01). That is not our failure: list again.
 */
const retryingConcurrentDrops = async <T>(work: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '3F000' && code !== '42P01')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
};

/** Creates the schema if needed and runs every pending migration under kysely's migration lock. */
export const migrateToLatest = async <DB>(
  db: Kysely<DB>,
  schema: string,
  migrations: MigrationList,
): Promise<string[]> => {
  await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`).execute(db);
  return retryingConcurrentDrops(async () => {
    const { error, results } = await migratorFor(db, schema, migrations).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  });
};

/** The schema was never migrated, or not to the latest of the given migrations. */
export class SchemaNotMigratedError extends Error {
  override readonly name = 'SchemaNotMigratedError';
  readonly code = 'SCHEMA_NOT_MIGRATED';
  constructor(
    readonly schema: string,
    readonly pending: readonly string[],
  ) {
    super(`schema "${schema}" is not migrated (pending: ${pending.join(', ')}); run \`npm run migrate\` first`);
  }
}

/**
 * Read-only: names of the given migrations not yet run in `schema`. Creates nothing, not even
 * the schema or kysely's bookkeeping tables, so read-only tools can call it.
 */
export const pendingMigrations = async <DB>(
  db: Kysely<DB>,
  schema: string,
  migrations: MigrationList,
): Promise<string[]> => {
  quoteIdent(schema); // refuses an unsafe name before it reaches a query
  const infos = await retryingConcurrentDrops(() => migratorFor(db, schema, migrations).getMigrations());
  return infos.filter((m) => m.executedAt === undefined).map((m) => m.name);
};

/** Throws SchemaNotMigratedError unless every given migration has run; writes nothing. */
export const assertMigrated = async <DB>(db: Kysely<DB>, schema: string, migrations: MigrationList): Promise<void> => {
  const pending = await pendingMigrations(db, schema, migrations);
  if (pending.length > 0) throw new SchemaNotMigratedError(schema, pending);
};
