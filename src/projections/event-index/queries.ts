/**
 * Lookups in the event index: where an event is (stream and revision), which events name it as
 * their cause, which share its correlation id. Only addresses: the events themselves are read
 * from the log by the caller.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { EventIndexTable, EventIndexTables } from './tables.js';

export type IndexedEvent = Selectable<EventIndexTable>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` can be an event id (a UUID); causation ids may also be request or timer ids. */
export const isEventId = (id: string): boolean => UUID.test(id);

export const indexedEvent = async (db: Kysely<EventIndexTables>, eventId: string): Promise<IndexedEvent | null> => {
  if (!isEventId(eventId)) return null;
  const row = await db.selectFrom('event_index').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  return row ?? null;
};

/** The events whose causation id is `causationId`, oldest first (at most `limit`). */
export const eventsCausedBy = (
  db: Kysely<EventIndexTables>,
  causationId: string,
  limit: number,
): Promise<IndexedEvent[]> =>
  db
    .selectFrom('event_index')
    .selectAll()
    .where('causation_id', '=', causationId)
    .orderBy('occurred_at')
    .orderBy('event_id')
    .limit(limit)
    .execute();

/** The events with correlation id `correlationId` other than `except`, oldest first (at most `limit`). */
export const eventsCorrelatedWith = (
  db: Kysely<EventIndexTables>,
  correlationId: string,
  except: string,
  limit: number,
): Promise<IndexedEvent[]> =>
  db
    .selectFrom('event_index')
    .selectAll()
    .where('correlation_id', '=', correlationId)
    .where(sql<boolean>`event_id <> ${except}::uuid`)
    .orderBy('occurred_at')
    .orderBy('event_id')
    .limit(limit)
    .execute();
