import { quoteIdent } from '../../db/identifiers.js';
import { sqlStatements, type MigrationList } from '../../db/migrator.js';
import { eventsTableSql } from './schema-sql.js';

/** The event log's migrations, in order; src/database.ts adds them to the database's list. */
export const eventStoreMigrations = (schema: string): MigrationList => ({
  '2026-11-21T00-00-00_events': {
    up: sqlStatements(eventsTableSql(schema)),
    down: sqlStatements([
      `DROP TABLE ${quoteIdent(schema)}.events`,
      `DROP FUNCTION ${quoteIdent(schema)}.events_are_immutable`,
    ]),
  },
});
