/**
 * One parcel's supply record as GET /parcels/{id}/supply-record shows it (issue 10, §8): its
 * state in the two-person filing, the record (as filed, or as the draft would be filed now), the
 * V1–V14 failures, and the T03 due date. Folded from the parcel stream, not the read model, so a
 * reviewer sees exactly what FileSupplyRecord would build. Coordinates never leave (S1 §二).
 */
import { z } from 'zod';
import { foldParcel, type FoldedParcel } from '../../audit/as-of.js';
import { parcelJurisdiction } from '../../domain/parcel/index.js';
import { policyFor } from '../../domain/policy/index.js';
import { DomainError } from '../../domain/errors.js';
import { parcelStream } from '../../domain/streams.js';
import { isGranted } from '../../domain/parcel/state.js';
import type { SupplyRecordFiledData } from '../../domain/parcel/events.js';
import { supplyRecordOf } from '../../domain/parcel/records/supply-record.js';
import type { SupplyRecord, SupplyRecordFailure } from '../../domain/filing/index.js';
import type { EventStore, RecordedEvent } from '../../eventstore/types.js';
import { SUPPLY_RECORD_COLUMNS, supplyRecordRow, withoutCoordinates } from '../../filing/columns.js';

const signatory = z.object({ id: z.string(), name: z.string().nullable() });
const failureView = z.object({ rule: z.string(), field: z.string(), message: z.string() });

export const supplyRecordView = z
  .object({
    parcelId: z.string(),
    status: z
      .enum(['NOT_PREPARED', 'PREPARED', 'FILED'])
      .describe('NOT_PREPARED: nobody has prepared the form; PREPARED: a draft awaits review; FILED'),
    dueDate: z.string().nullable().describe('T03: the filing is due by this day (10 cd after the grant)'),
    late: z.boolean().nullable().describe('Filed after the due date (null until filed)'),
    preparedOn: z.string().nullable(),
    preparer: signatory.nullable().describe('填表责任人'),
    reviewer: signatory.nullable().describe('审核责任人 (set on filing)'),
    filedOn: z.string().nullable(),
    filingRef: z.string().nullable(),
    record: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe(
        'The Attachment-3 record (SupplyRecord), as filed or as the draft would be filed; corner coordinates withheld',
      ),
    coordinatesWithheld: z.number().int().describe('Corner points on the record, never sent (S1 §二)'),
    failures: z.array(failureView).describe('Every V1–V14 failure, in rule order; empty: the record may be filed'),
    fileable: z.boolean().describe('A reviewer may file it now (prepared, not filed, no failure)'),
    row: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .nullable()
      .describe('The record as one row of the filing list (keys as in GET /supply-records columns)'),
  })
  .describe('A parcel’s Attachment-3 supply record and where it stands in the two-person filing');
export type SupplyRecordView = z.infer<typeof supplyRecordView>;

const base = (parcelId: string, dueDate: string | null): SupplyRecordView => ({
  parcelId,
  status: 'NOT_PREPARED',
  dueDate,
  late: null,
  preparedOn: null,
  preparer: null,
  reviewer: null,
  filedOn: null,
  filingRef: null,
  record: null,
  coordinatesWithheld: 0,
  failures: [],
  fileable: false,
  row: null,
});

const shown = (record: SupplyRecord, meta: { parcelId: string; filingRef: string; filedOn: string }) => ({
  record: withoutCoordinates(record) as unknown as Record<string, unknown>,
  coordinatesWithheld: record.land.coordinates.length,
  row: supplyRecordRow({ ...meta, record }),
});

/** The parcel's jurisdiction ('CN-JS-3201') as its stream says, and a way to its record view. */
export interface ParcelFiling {
  readonly jurisdiction: string | null;
  readonly view: () => SupplyRecordView;
}

/** Null when the parcel has no stream; a deal not yet granted has no record (NOT_PREPARED). */
export const supplyRecordOfParcel = async (
  store: EventStore,
  parcelId: string,
  today: string,
): Promise<ParcelFiling | null> => {
  const events = await store.readStream(parcelStream(parcelId));
  if (events.length === 0) return null;
  const folded = await foldParcel(store, events);
  return { jurisdiction: parcelJurisdiction(folded.state), view: () => viewOf(parcelId, events, folded, today) };
};

const viewOf = (
  parcelId: string,
  events: readonly RecordedEvent[],
  { state, obligations }: FoldedParcel,
  today: string,
): SupplyRecordView => {
  // T03 is open until filed: its due date is the deadline engine's.
  const dueDate = obligations.find((o) => o.ruleId === 'T03')?.dueDate ?? null;
  if (!isGranted(state)) return base(parcelId, null);
  const { facts } = state;
  if (facts.supplyRecordFiledOn !== null) {
    const filed = events.find((e) => e.id === facts.supplyRecordEventId)?.data as SupplyRecordFiledData | undefined;
    const view: SupplyRecordView = {
      ...base(parcelId, filed?.dueDate ?? null),
      status: 'FILED',
      late: filed?.late ?? null,
      preparer: filed?.preparer ?? null,
      reviewer: filed?.reviewer ?? null,
      filedOn: facts.supplyRecordFiledOn,
      filingRef: facts.supplyRecordFilingRef,
    };
    if (filed?.record === undefined) return view;
    const meta = { parcelId, filingRef: filed.filingRef, filedOn: filed.filedOn };
    return { ...view, ...shown(filed.record, meta) };
  }
  const draft = facts.supplyRecordDraft;
  if (draft === null) return base(parcelId, dueDate);
  // As the reviewer would file it today; V12 then compares with the reviewer's own reading.
  let built;
  try {
    built = supplyRecordOf(
      state,
      draft,
      { filedOn: today, reviewer: null, landUserNameOnSourceDocument: draft.landUserName },
      policyFor(facts.jurisdiction),
    );
  } catch (error) {
    // A draft the form cannot even be built from (a transfer without its method, V5).
    if (!(error instanceof DomainError)) throw error;
    const failure = {
      rule: error.details.rule ?? error.code,
      field: error.details.field ?? '',
      message: error.message,
    };
    return {
      ...base(parcelId, dueDate),
      status: 'PREPARED',
      preparedOn: draft.preparedOn,
      preparer: draft.preparer,
      failures: [failure],
    };
  }
  const { record, failures } = built;
  return {
    ...base(parcelId, dueDate),
    status: 'PREPARED',
    preparedOn: draft.preparedOn,
    preparer: draft.preparer,
    ...shown(record, { parcelId, filingRef: '', filedOn: today }),
    failures: failures as SupplyRecordFailure[],
    fileable: failures.length === 0,
  };
};

export const SUPPLY_RECORD_COLUMN_LIST = SUPPLY_RECORD_COLUMNS.map(({ key, header }) => ({ key, header }));
