/**
 * The event index read model: every event of the log, whatever its stream or type, as one row.
 * Set-based: a batch is one INSERT of all its rows (expanded from one JSON parameter), and an
 * event already indexed is left as it is (ON CONFLICT DO NOTHING on the event id), so a batch
 * applied twice, overlapping or split anywhere leaves the same rows as once.
 */
import { sql } from 'kysely';
import type { RecordedEvent } from '../../eventstore/types.js';
import { defineProjection } from '../projection.js';
import { EVENT_INDEX_TABLES, createEventIndexTables, type EventIndexTables } from './tables.js';

/** Rows per statement: one JSON parameter each, so only the statement's size bounds it. */
const CHUNK = 5000;

const rowOf = (event: RecordedEvent) => {
  const { metadata } = event;
  return {
    event_id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: event.type,
    correlation_id: metadata.correlationId ?? event.id,
    causation_id: metadata.causationId ?? metadata.correlationId ?? event.id,
    occurred_at: metadata.occurredAt,
    recorded_at: metadata.recordedAt,
    actor_id: metadata.actor?.id ?? '',
    actor_role: metadata.actor?.role ?? '',
  };
};

export const eventIndexProjection = defineProjection<EventIndexTables>({
  name: 'event_index',
  version: 1,
  eventTypes: [],
  allEventTypes: true,
  tables: EVENT_INDEX_TABLES,
  createTables: createEventIndexTables,
  apply: async (batch, { trx, schema }) => {
    const table = sql.id(schema, 'event_index');
    for (let i = 0; i < batch.length; i += CHUNK) {
      const rows = batch.slice(i, i + CHUNK).map(rowOf);
      await sql`INSERT INTO ${table}
                SELECT * FROM jsonb_populate_recordset(NULL::${table}, ${JSON.stringify(rows)}::jsonb)
                ON CONFLICT (event_id) DO NOTHING`.execute(trx);
    }
  },
});
