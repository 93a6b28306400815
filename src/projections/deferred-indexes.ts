/**
 * A generation built beside the served one is written in bulk from position zero; its secondary
 * indexes would be maintained row by row for every batch. So a building generation's secondary
 * indexes are dropped after its tables are made (their definitions kept in its bookkeeping row)
 * and built once, in bulk, when it first catches up, before it is switched in. Primary keys and
 * unique indexes stay: the batches' upserts and deletes need them.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { quoteIdent } from '../db/identifiers.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';
import type { Generation } from './generations.js';

/** Drops `schemaName`'s secondary indexes and returns their definitions (CREATE INDEX statements). */
export const deferIndexes = async (trx: Transaction<ProjectionBookkeeping>, schemaName: string): Promise<string[]> => {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ${schemaName} AND NOT i.indisunique AND NOT i.indisprimary
     ORDER BY c.relname`.execute(trx);
  for (const { name } of rows) await sql.raw(`DROP INDEX ${quoteIdent(schemaName)}.${quoteIdent(name)}`).execute(trx);
  return rows.map((r) => r.definition);
};

/**
 * Builds the deferred indexes of a generation (idempotent: a crash half-way resumes) and clears
 * the list. True when there was something to build (the caller should catch up again after).
 */
export const buildDeferredIndexes = async (
  db: Kysely<ProjectionBookkeeping>,
  schema: string,
  generation: Pick<Generation, 'projection' | 'generation' | 'schemaName'>,
): Promise<boolean> => {
  const row = await db
    .withSchema(schema)
    .selectFrom('projection_generations')
    .select('deferred_indexes')
    .where('projection', '=', generation.projection)
    .where('generation', '=', generation.generation)
    .executeTakeFirst();
  const definitions = row?.deferred_indexes ?? [];
  if (definitions.length === 0) return false;
  for (const definition of definitions) {
    await sql.raw(definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')).execute(db);
  }
  await db
    .withSchema(schema)
    .updateTable('projection_generations')
    .set({ deferred_indexes: [] })
    .where('projection', '=', generation.projection)
    .where('generation', '=', generation.generation)
    .execute();
  // Fresh statistics before it serves, as autovacuum would give them later: the plans depend on them.
  const { rows } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = ${generation.schemaName}`.execute(db);
  for (const { name } of rows) {
    await sql.raw(`ANALYZE ${quoteIdent(generation.schemaName)}.${quoteIdent(name)}`).execute(db);
  }
  return true;
};
