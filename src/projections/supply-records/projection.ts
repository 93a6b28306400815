import type { SupplyRecordFiledData } from '../../domain/parcel/events.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { defineProjection } from '../projection.js';
import { divisionCodeColumn } from '../scope.js';
import { createSupplyRecordTables, SUPPLY_RECORD_TABLES, type SupplyRecordTables } from './tables.js';

const PARCEL_PREFIX = 'parcel-';

const rowOf = (event: RecordedEvent) => {
  const data = event.data as unknown as SupplyRecordFiledData;
  const { actor } = event.metadata;
  // Filings from before the form was kept name no jurisdiction: the filing officer's stands in.
  const jurisdiction = data.jurisdiction ?? actor.jurisdiction ?? null;
  return {
    parcel_id: event.stream.slice(PARCEL_PREFIX.length),
    jurisdiction,
    division_code: jurisdiction === null ? '?' : divisionCodeColumn(jurisdiction),
    filed_on: data.filedOn,
    filing_ref: data.filingRef,
    due_date: data.dueDate,
    late: data.late,
    preparer_id: data.preparer?.id ?? null,
    preparer_name: data.preparer?.name ?? null,
    reviewer_id: data.reviewer?.id ?? actor.id,
    reviewer_name: data.reviewer?.name ?? actor.name ?? null,
    record: data.record === undefined ? null : JSON.stringify(data.record),
    industry_catalogue_version: data.industryCatalogueVersion ?? null,
    event_id: event.id,
    revision: event.revision,
  };
};

export const supplyRecordsProjection = defineProjection<SupplyRecordTables>({
  name: 'supply_records',
  version: 1,
  eventTypes: ['SupplyRecordFiled'],
  tables: SUPPLY_RECORD_TABLES,
  createTables: createSupplyRecordTables,
  apply: async (batch, { trx }) => {
    const rows = batch.filter((e) => e.type === 'SupplyRecordFiled' && e.stream.startsWith(PARCEL_PREFIX)).map(rowOf);
    if (rows.length === 0) return;
    // A parcel is filed once (the decider refuses a second filing): a replayed batch changes nothing.
    await trx
      .insertInto('supply_records')
      .values(rows)
      .onConflict((oc) => oc.column('parcel_id').doNothing())
      .execute();
  },
});
