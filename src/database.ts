/**
 * The assembly point of the database: its kysely `Database` type and its migration list, put
 * together from the parts that own tables. Each owner keeps a `<table>.table.ts` row type and its
 * migrations beside its code (the event store in src/eventstore/postgres/; later each read model
 * in its src/projections/<model>/ folder) and adds one line to each list below. src/db knows none
 * of them: it connects, and runs whatever migrations it is handed.
 */
import type { Kysely } from 'kysely';
import { migrateToLatest, type MigrationList } from './db/migrator.js';
import type { EventsTable } from './eventstore/postgres/events.table.js';
import { eventStoreMigrations } from './eventstore/postgres/migrations.js';
import type { ProjectionBookkeeping } from './projections/bookkeeping.table.js';
import { projectionMigrations } from './projections/migrations.js';
import type { AccessLogTables } from './projections/access-log/tables.js';
import type { CreditTables } from './projections/credit/tables.js';
import type { DecisionTables } from './projections/decisions/tables.js';
import type { ParcelTables } from './projections/parcels/tables.js';
import type { SagaTables } from './sagas/bookkeeping.table.js';
import { sagaMigrations } from './sagas/migrations.js';

/**
 * The base schema as queries see it: the event log, the read side's bookkeeping, each read
 * model's tables (views over the generation being served, src/projections/generations.ts), and
 * the sagas' checkpoints, states and due timers (src/sagas).
 */
export interface Database
  extends ProjectionBookkeeping, ParcelTables, CreditTables, DecisionTables, AccessLogTables, SagaTables {
  events: EventsTable;
}

/** Every migration of one ledger schema; names are timestamps, so owners never renumber. */
export const databaseMigrations = (schema: string): MigrationList => ({
  ...eventStoreMigrations(schema),
  ...projectionMigrations(schema),
  ...sagaMigrations(schema),
});

/**
 * Brings `schema` to the latest migration. Only the service start-up (src/service.ts) and
 * `npm run migrate` (scripts/migrate.ts) call this; read-only tools never migrate (opening the
 * event store refuses an un-migrated schema instead).
 */
export const migrateDatabase = (db: Kysely<Database>, schema: string): Promise<string[]> =>
  migrateToLatest(db, schema, databaseMigrations(schema));
