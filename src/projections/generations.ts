/**
 * Generations: each build of a projection's tables lives in a schema of its own
 * (`<base>_rm_<name>_<n>`), and the base schema serves the active one through a view per
 * table. A new generation is built from position zero while the active one keeps serving;
 * `activate` switches the views and the registry row in one transaction (so queries see the old
 * tables or the new, never a mix) and the old schema is dropped after.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { quoteIdent } from '../db/identifiers.js';
import type { ProjectionBookkeeping } from './bookkeeping.table.js';
import { buildDeferredIndexes, deferIndexes } from './deferred-indexes.js';
import type { Projection } from './projection.js';

export interface Generation {
  readonly projection: string;
  readonly generation: number;
  readonly version: number;
  readonly schemaName: string;
  readonly state: 'building' | 'active' | 'retired';
  readonly status: 'running' | 'stopped';
  readonly position: string | null;
  /** Events applied so far (a resumed rebuild's progress starts here). */
  readonly eventsApplied: number;
}

type Db = Kysely<ProjectionBookkeeping>;

export const generationSchema = (base: string, name: string, generation: number): string => {
  const plain = `${base}_rm_${name}_${generation}`;
  if (plain.length <= 63) return plain;
  const digest = createHash('sha256').update(base).digest('hex').slice(0, 12);
  return `rm_${digest}_${name}_${generation}`.slice(0, 63);
};

const select = (db: Db, schema: string) =>
  db
    .withSchema(schema)
    .selectFrom('projection_generations')
    .select(['projection', 'generation', 'version', 'schema_name as schemaName', 'state', 'status', 'position'])
    .select(sql<number>`events_applied::float8`.as('eventsApplied'));

export const listGenerations = async (db: Db, schema: string, projection: string): Promise<Generation[]> =>
  select(db, schema)
    .where('projection', '=', projection)
    .where('state', '<>', 'retired')
    .orderBy('generation')
    .execute();

export const getGeneration = async (
  db: Db,
  schema: string,
  projection: string,
  generation: number,
): Promise<Generation | undefined> =>
  select(db, schema).where('projection', '=', projection).where('generation', '=', generation).executeTakeFirst();

/** Serialises the creation and activation of one projection's generations across processes. */
const lockProjection = (trx: Transaction<ProjectionBookkeeping>, schema: string, projection: string) =>
  sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${schema}/${projection}/generations`}, 0))`.execute(trx);

/**
 * The generation to work on, made if needed. Decided under the projection's lock, so processes
 * starting together agree: 'serve' → the active generation (the first one ever is made active at
 * once: its views exist from the start, empty until it catches up); 'build' → a generation of the
 * code's version built beside the active one (the one being built, if any, is resumed; with no
 * active generation yet, the new one is the active one).
 */
export const ensureGeneration = async (
  db: Db,
  schema: string,
  projection: Projection,
  purpose: 'serve' | 'build',
): Promise<{ generation: Generation; created: boolean }> =>
  db.transaction().execute(async (trx) => {
    await lockProjection(trx, schema, projection.name);
    const existing = await listGenerations(trx, schema, projection.name);
    const active = existing.find((g) => g.state === 'active');
    if (purpose === 'serve' && active) return { generation: active, created: false };
    const building = existing.find((g) => g.state === 'building' && g.version === projection.version);
    if (purpose === 'build' && building) return { generation: building, created: false };
    const last = await trx
      .withSchema(schema)
      .selectFrom('projection_generations')
      .select((eb) => eb.fn.max('generation').as('max'))
      .where('projection', '=', projection.name)
      .executeTakeFirstOrThrow();
    const generation = (last.max ?? 0) + 1;
    const schemaName = generationSchema(schema, projection.name, generation);
    await sql.raw(`DROP SCHEMA IF EXISTS ${quoteIdent(schemaName)} CASCADE`).execute(trx);
    await sql.raw(`CREATE SCHEMA ${quoteIdent(schemaName)}`).execute(trx);
    await projection.createTables(trx as unknown as Kysely<unknown>, schemaName);
    const state = active === undefined ? 'active' : 'building';
    // Built beside the served one, from zero: its secondary indexes are built in bulk at the end.
    const deferred = state === 'building' ? await deferIndexes(trx, schemaName) : [];
    await trx
      .withSchema(schema)
      .insertInto('projection_generations')
      .values({
        projection: projection.name,
        generation,
        version: projection.version,
        schema_name: schemaName,
        state,
        position: null,
        activated_at: state === 'active' ? new Date() : null,
        deferred_indexes: deferred,
      })
      .execute();
    if (state === 'active') await replaceViews(trx, schema, projection, schemaName);
    return {
      generation: {
        projection: projection.name,
        generation,
        version: projection.version,
        schemaName,
        state,
        status: 'running',
        position: null,
        eventsApplied: 0,
      },
      created: true,
    };
  });

const replaceViews = async (
  trx: Transaction<ProjectionBookkeeping>,
  schema: string,
  projection: Projection,
  schemaName: string,
): Promise<void> => {
  for (const table of projection.tables) {
    const view = `${quoteIdent(schema)}.${quoteIdent(table)}`;
    await sql.raw(`DROP VIEW IF EXISTS ${view}`).execute(trx);
    await sql.raw(`CREATE VIEW ${view} AS SELECT * FROM ${quoteIdent(schemaName)}.${quoteIdent(table)}`).execute(trx);
  }
};

/**
 * Makes a caught-up building generation the one served: in one transaction its row becomes
 * active (only if its checkpoint is still `position`: a runner that moved it since must finish
 * first), the previous active one retired, and the views point at the new tables. The retired
 * schema is dropped afterwards (dropRetired). False when the compare-and-set failed.
 */
export const activate = async (
  db: Db,
  schema: string,
  projection: Projection,
  generation: Generation,
  position: string | null,
): Promise<boolean> =>
  db.transaction().execute(async (trx) => {
    await lockProjection(trx, schema, projection.name);
    const current = await trx
      .withSchema(schema)
      .selectFrom('projection_generations')
      .select(['state', 'position'])
      .where('projection', '=', projection.name)
      .where('generation', '=', generation.generation)
      .forUpdate()
      .executeTakeFirst();
    if (current?.state !== 'building' || current.position !== position) return false;
    await trx
      .withSchema(schema)
      .updateTable('projection_generations')
      .set({ state: 'retired', updated_at: new Date() })
      .where('projection', '=', projection.name)
      .where('state', '=', 'active')
      .execute();
    await trx
      .withSchema(schema)
      .updateTable('projection_generations')
      .set({ state: 'active', activated_at: new Date(), updated_at: new Date() })
      .where('projection', '=', projection.name)
      .where('generation', '=', generation.generation)
      .execute();
    await replaceViews(trx, schema, projection, generation.schemaName);
    return true;
  });

/** Drops the schemas of retired generations (their rows stay, as the history of rebuilds). */
export const dropRetired = async (db: Db, schema: string, projection: string): Promise<void> => {
  const retired = await db
    .withSchema(schema)
    .selectFrom('projection_generations')
    .select('schema_name')
    .where('projection', '=', projection)
    .where('state', '=', 'retired')
    .execute();
  for (const { schema_name } of retired)
    await sql.raw(`DROP SCHEMA IF EXISTS ${quoteIdent(schema_name)} CASCADE`).execute(db);
};

/** Drops every generation schema of the base schema (tests, and a full reset). */
export const dropAllGenerations = async (db: Db, schema: string): Promise<void> => {
  const all = await db.withSchema(schema).selectFrom('projection_generations').select('schema_name').execute();
  for (const { schema_name } of all)
    await sql.raw(`DROP SCHEMA IF EXISTS ${quoteIdent(schema_name)} CASCADE`).execute(db);
};

/**
 * Called each time a building generation has caught up: the first time it builds the deferred
 * indexes and asks to read again (events arrived meanwhile); afterwards it switches the
 * generation in (activate), or waits if another runner moved its checkpoint.
 */
export const completeBuild = async (
  db: Db,
  schema: string,
  projection: Projection,
  generation: Generation,
  position: string | null,
): Promise<'switched' | 'read-again' | 'wait'> => {
  if (await buildDeferredIndexes(db, schema, generation)) return 'read-again';
  return (await activate(db, schema, projection, generation, position)) ? 'switched' : 'wait';
};
