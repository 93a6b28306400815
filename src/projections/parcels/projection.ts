/**
 * The parcel read model: one row per parcel stream plus its instalments, payments, open
 * deadlines, inspections and idle cases. Per batch: one read of the stored states of the streams
 * it touches, the fold in memory (the domain's evolve), then per table one delete of the
 * touched parcels' child rows and one multi-row insert, and one upsert of the parcel rows.
 * Events at or below a parcel's stored revision are skipped, so a batch applied twice is once.
 */
import type { Kysely } from 'kysely';
import type { CalendarSource } from '../../domain/calendar/index.js';
import {
  PARCEL_EVENT_TYPES,
  evolveParcel,
  initialParcelState,
  type ParcelEvent,
  type ParcelState,
} from '../../domain/parcel/index.js';
import { toDomainEvent } from '../../eventstore/fold-stream.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { deleteWhereIn, freshEventsByStream, streamsOf, writeRows } from '../batch.js';
import { defineProjection } from '../projection.js';
import { parcelRows, type ParcelRows } from './rows.js';
import { PARCEL_TABLES, createParcelTables, type ParcelTables } from './tables.js';

const STREAM_PREFIX = 'parcel-';

const parcelIdOf = (stream: string): string => stream.slice(STREAM_PREFIX.length);

export const parcelsProjection = defineProjection<ParcelTables>({
  name: 'parcels',
  // 2: alerts (fired timers) on each parcel row. 3: dates on the parcel's calendar version, held deadlines.
  // 4: the stored states carry the supply-record draft and market transactions (T28, T39): rebuilt once.
  version: 4,
  eventTypes: PARCEL_EVENT_TYPES,
  tables: PARCEL_TABLES,
  createTables: createParcelTables,
  apply: async (batch, { trx, schema, calendars }) => {
    const events = batch.filter((e) => e.stream.startsWith(STREAM_PREFIX));
    if (events.length === 0) return;
    const ids = streamsOf(events).map(parcelIdOf);
    const stored = await trx
      .selectFrom('parcels')
      .select(['parcel_id', 'revision', 'state'])
      .where('parcel_id', 'in', ids)
      .execute();
    const known = new Map(stored.map((row) => [row.parcel_id, row]));
    const fresh = freshEventsByStream(events, (stream) => known.get(parcelIdOf(stream))?.revision ?? -1);
    if (fresh.size === 0) return;
    const rows: ParcelRows[] = [];
    for (const [stream, list] of fresh) {
      const parcelId = parcelIdOf(stream);
      const before = known.get(parcelId)?.state as ParcelState | undefined;
      rows.push(fold(parcelId, before ?? initialParcelState(), list, calendars));
    }
    await write(trx as unknown as Kysely<unknown>, schema, rows);
  },
});

const fold = (
  parcelId: string,
  from: ParcelState,
  events: readonly RecordedEvent[],
  calendars: CalendarSource,
): ParcelRows => {
  let state = from;
  for (const event of events) state = evolveParcel(state, toDomainEvent<ParcelEvent>(event));
  const last = events.at(-1) as RecordedEvent;
  return parcelRows(state, calendars, {
    parcelId,
    revision: last.revision,
    lastEventType: last.type,
    lastEventAt: last.metadata.recordedAt,
    position: last.position,
  });
};

const CHILD_TABLES = [
  ['parcel_instalments', 'instalments'],
  ['parcel_payments', 'payments'],
  ['deadlines', 'deadlines'],
  ['inspections', 'inspections'],
  ['idle_cases', 'idleCases'],
] as const;

const write = async (trx: Kysely<unknown>, schema: string, rows: readonly ParcelRows[]): Promise<void> => {
  const ids = rows.map((r) => r.parcel.parcel_id);
  await writeRows(
    trx,
    schema,
    'parcels',
    rows.map((r) => r.parcel),
    ['parcel_id'],
  );
  for (const [table, key] of CHILD_TABLES) {
    await deleteWhereIn(trx, schema, table, 'parcel_id', ids);
    await writeRows(
      trx,
      schema,
      table,
      rows.flatMap((r): readonly object[] => r[key]),
    );
  }
};
