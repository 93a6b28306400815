/**
 * The contract every read model implements (ARCHITECTURE.md "Read side"). A projection owns a set
 * of tables; each build of them (a *generation*) lives in a PostgreSQL schema of its own, and the
 * base schema holds one view per table that points at the generation being served. The runner
 * (runner.ts) feeds `apply` batches of events read from the log after the generation's
 * checkpoint and moves the checkpoint in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { CalendarSource } from '../domain/calendar/index.js';
import type { RecordedEvent } from '../eventstore/types.js';

export interface ApplyContext<DB> {
  /** The open transaction, scoped to the generation's schema (`withSchema`): unqualified tables are its own. */
  readonly trx: Kysely<DB>;
  /** The generation's schema, for raw SQL (`sql.id(schema, table)`); already applied to `trx`. */
  readonly schema: string;
  /** The calendars of the log, refreshed before the batch: every version an event of it names is there. */
  readonly calendars: CalendarSource;
}

export interface Projection<DB = unknown> {
  /** Stable name: the checkpoint key, the lock key, the generation schema's stem. */
  readonly name: string;
  /** Bump when the tables or what `apply` writes change; a new version is rebuilt from position zero. */
  readonly version: number;
  /** The event types `apply` needs (the read filter); other events are never delivered. */
  readonly eventTypes: readonly string[];
  /** Every event of the log is delivered, whatever its type (`eventTypes` is then ignored): an index of the log. */
  readonly allEventTypes?: boolean;
  /** The tables `createTables` makes; each is served through a view of the same name in the base schema. */
  readonly tables: readonly string[];
  /** Creates the projection's tables and indexes in `schema` (an empty schema of a new generation). */
  createTables(db: Kysely<unknown>, schema: string): Promise<void>;
  /**
   * Writes the effect of a batch of events (in log order), set-based: one multi-row statement per
   * table, not one per event. Must be idempotent: events it has already applied (same stream and a
   * revision it has seen) leave the rows as they are, so a batch applied twice equals once.
   * Throwing marks the batch as failed; the runner then finds the poison event one by one.
   */
  apply(batch: readonly RecordedEvent[], context: ApplyContext<DB>): Promise<void>;
  /** A poison event stops the projection (default) or is dead-lettered and skipped. */
  readonly onPoison?: 'stop' | 'skip';
}

/** The read filter of a projection (for readAll and backlog): its event types, or none when it takes every event. */
export const readFilterOf = (
  projection: Pick<Projection, 'eventTypes' | 'allEventTypes'>,
): { readonly types?: readonly string[] } =>
  projection.allEventTypes === true ? {} : { types: projection.eventTypes };

/**
 * A projection typed by its own tables, stored beside the others as a plain `Projection`: the
 * runner hands `apply` a transaction scoped to the generation's schema, which holds exactly those
 * tables, so the widening is sound.
 */
export const defineProjection = <DB>(projection: Projection<DB>): Projection => projection as unknown as Projection;
