/**
 * The calendar reconciler (DOMAIN.md §11.4.3): brings every parcel with open deadlines onto the
 * newest calendar of its jurisdiction, one ReconcileCalendar command per parcel; the parcel
 * decides what moves, what is held for review, and records it (CalendarReconciled). The timers
 * saga and the read model follow that event like any other.
 *
 * Level-triggered, not event-triggered: each pass asks the read model which parcels' deadlines
 * are on another calendar version than their jurisdiction's newest, so a parcel granted on the
 * old calendar while a notice was being published, or a pass cut short by a crash, is simply
 * found by the next pass. Commands carry the idempotency key `reconcile:<version>`: sent twice,
 * appended once. A parcel whose read-model rows lag behind its stream costs a no-op command.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { calendarBookOf } from '../calendar/book.js';
import { scopesFor } from '../domain/calendar/index.js';
import { handleParcelCommand } from '../eventstore/aggregate-handlers.js';
import type { EventStore } from '../eventstore/types.js';
import type { Clock } from './clock.js';

export const CALENDAR_ACTOR = { id: 'system:calendar', role: 'SYSTEM' } as const;

export interface ReconcileOptions {
  readonly store: EventStore;
  readonly db: Kysely<unknown>;
  /** The schema whose read-model views (`deadlines`) the pass reads. */
  readonly schema: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Parcels per pass (default 500); the next pass takes the rest. */
  readonly limit?: number;
  readonly concurrency?: number;
}

export interface ReconcileResult {
  /** Parcels sent a ReconcileCalendar command. */
  readonly parcels: number;
  /** Of them, parcels that recorded a CalendarReconciled event. */
  readonly reconciled: number;
  readonly failed: number;
}

const mapBounded = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/**
 * Sends one parcel its ReconcileCalendar for `version` (the newest of its jurisdiction): true when
 * the parcel recorded a CalendarReconciled event now, false when it was on that version already.
 */
export const reconcileParcel = async (
  store: EventStore,
  parcelId: string,
  version: string,
  clock: Clock,
): Promise<boolean> => {
  const result = await handleParcelCommand({
    store,
    id: parcelId,
    command: {
      type: 'ReconcileCalendar',
      data: {},
      context: { now: clock.now().toISOString(), actor: CALENDAR_ACTOR },
    },
    envelope: { correlationId: `calendar:${version}` },
    idempotencyKey: `reconcile:${version}`,
    clock: () => clock.now(),
  });
  return result.events.length > 0 && !result.replayed;
};

/** One pass: every stale parcel (up to `limit`) gets its ReconcileCalendar command. */
export const reconcileCalendars = async (options: ReconcileOptions): Promise<ReconcileResult> => {
  const { store, db, schema, clock, logger } = options;
  const limit = options.limit ?? 500;
  const deadlines = sql.id(schema, 'deadlines');
  const jurisdictions = (
    await sql<{ jurisdiction: string }>`SELECT DISTINCT jurisdiction FROM ${deadlines}`.execute(db)
  ).rows.map((r) => r.jurisdiction);
  const book = calendarBookOf(store);
  await book.refresh([...new Set(jurisdictions.flatMap(scopesFor))]);
  const stale: { parcelId: string; version: string }[] = [];
  for (const jurisdiction of jurisdictions) {
    if (stale.length >= limit) break;
    const version = book.current(jurisdiction).version;
    const rows = await sql<{ parcel_id: string }>`
      SELECT DISTINCT parcel_id FROM ${deadlines}
      WHERE jurisdiction = ${jurisdiction} AND calendar_version <> ${version}
      ORDER BY parcel_id LIMIT ${limit - stale.length}`.execute(db);
    stale.push(...rows.rows.map((r) => ({ parcelId: r.parcel_id, version })));
  }
  let reconciled = 0;
  let failed = 0;
  await mapBounded(stale, options.concurrency ?? 8, async ({ parcelId, version }) => {
    try {
      if (await reconcileParcel(store, parcelId, version, clock)) reconciled += 1;
    } catch (error) {
      failed += 1;
      logger.error({ err: error, parcelId, version }, 'calendar reconciliation of a parcel failed; next pass retries');
    }
  });
  if (stale.length > 0) logger.info({ parcels: stale.length, reconciled, failed }, 'calendar reconciliation pass');
  return { parcels: stale.length, reconciled, failed };
};

export interface CalendarReconciler {
  stop(): Promise<void>;
}

/** Runs a pass every `intervalMs` (default 5 s) until stopped. */
export const startCalendarReconciler = (
  options: ReconcileOptions & { readonly intervalMs?: number },
): CalendarReconciler => {
  const controller = new AbortController();
  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const result = await reconcileCalendars(options);
        // A full pass means more may be waiting: go on at once.
        if (result.parcels >= (options.limit ?? 500)) continue;
      } catch (error) {
        if (controller.signal.aborted) break;
        options.logger.error({ err: error }, 'calendar reconciliation pass failed; retrying');
      }
      await sleep(options.intervalMs ?? 5000, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  };
  const done = loop();
  return {
    stop: async () => {
      controller.abort();
      await done;
    },
  };
};
