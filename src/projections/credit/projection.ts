/**
 * The credit read model (DOMAIN.md §7). Set-based: a batch is grouped by stream, the stored
 * archives of those streams are read in one SELECT, the events are folded in memory with the
 * domain's own evolve, and each table gets one multi-row write. Idempotent by stream revision:
 * an event at or below the archive's stored revision has been applied and is skipped.
 */
import { isDeepStrictEqual } from 'node:util';
import { sql, type Insertable, type Kysely } from 'kysely';
import {
  creditDecider,
  type CreditArchiveState,
  type CreditEntry,
  type CreditEvent,
} from '../../domain/credit/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { toDomainEvent } from '../../eventstore/fold-stream.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { defineProjection } from '../projection.js';
import {
  CREDIT_TABLES,
  createCreditTables,
  type CreditArchivesTable,
  type CreditEntriesTable,
  type CreditTables,
  type EntryMeta,
} from './tables.js';

/**
 * The archive's event types. The domain exports them as a type only; the mapped type makes the
 * compiler reject a missing or an unknown name, so this list cannot drift from `CreditEvent`.
 */
const EVENT_TYPE_SET: { readonly [T in CreditEvent['type']]: true } = {
  CreditEntryAdded: true,
  CreditEntryLiftRequested: true,
  RectificationVerified: true,
  CreditEntryLifted: true,
};
export const CREDIT_EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as readonly CreditEvent['type'][];

/** `credit-<landUserId>` → landUserId. */
const landUserIdOf = (stream: string): string => {
  if (!stream.startsWith(STREAM_CATEGORIES.credit)) throw new Error(`'${stream}' is not a credit archive stream`);
  return stream.slice(STREAM_CATEGORIES.credit.length);
};

interface Archive {
  readonly landUserId: string;
  revision: number;
  state: CreditArchiveState;
  /** A copy of the stored entry_meta, updated in place by the fold. */
  readonly meta: Record<string, EntryMeta>;
  /** Entries changed by this batch. */
  readonly touched: Set<string>;
}

const entriesOf = (state: CreditArchiveState): readonly CreditEntry[] =>
  state.status === 'CLEAN' ? [] : state.entries;

/** Folds one stream's events of the batch onto its stored archive; already-applied revisions are skipped. */
const foldBatch = (archive: Archive, events: readonly RecordedEvent[]): boolean => {
  let applied = false;
  for (const event of events) {
    if (event.revision <= archive.revision) continue;
    applied = true;
    const before = archive.state;
    const after = creditDecider.evolve(before, toDomainEvent<CreditEvent>(event));
    archive.revision = event.revision;
    if (after === before) continue;
    const previous = new Map(entriesOf(before).map((entry) => [entry.entryId, entry]));
    for (const entry of entriesOf(after)) {
      const old = previous.get(entry.entryId);
      if (old === entry || (old !== undefined && isDeepStrictEqual(old, entry))) continue;
      const addedEventId = archive.meta[entry.entryId]?.addedEventId ?? event.id;
      archive.meta[entry.entryId] = { addedEventId, revision: event.revision };
      archive.touched.add(entry.entryId);
    }
    archive.state = after;
  }
  return applied;
};

const entryRow = (landUserId: string, entry: CreditEntry, meta: EntryMeta): Insertable<CreditEntriesTable> => {
  const liftRequest = entry.status === 'ACTIVE' ? null : entry.liftRequest;
  const verification =
    entry.status === 'RECTIFICATION_VERIFIED' || entry.status === 'LIFTED' ? entry.verification : null;
  const lift = entry.status === 'LIFTED' ? entry.lift : null;
  return {
    land_user_id: landUserId,
    entry_id: entry.entryId,
    trigger: entry.trigger,
    status: entry.status,
    parcel_id: entry.evidenceRef.parcelId,
    evidence_event_id: entry.evidenceRef.eventId,
    case_id: entry.evidenceRef.caseId,
    controlling_shareholder_ids: [...entry.controllingShareholderIds],
    reason: entry.reason,
    added_at: entry.addedAt,
    expires_at: entry.expiresAt,
    lift_requested_at: liftRequest?.requestedAt ?? null,
    lift_requested_by: liftRequest?.requestedBy ?? null,
    rectification: liftRequest?.rectification ?? null,
    verified_at: verification?.verifiedAt ?? null,
    verified_by: verification?.verifiedBy ?? null,
    verification_document_no: verification?.documentNo ?? null,
    lifted_at: lift?.liftedAt ?? null,
    lifted_by: lift?.liftedBy ?? null,
    announcement_ref: lift?.announcementRef ?? null,
    revision: meta.revision,
    added_event_id: meta.addedEventId,
  };
};

/** PostgreSQL binds at most 65535 parameters per statement; bigger writes are cut into pieces. */
const MAX_PARAMETERS = 65_535;
const chunks = <T extends object>(rows: readonly T[]): T[][] => {
  const first = rows[0];
  if (first === undefined) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

const loadArchives = async (trx: Kysely<CreditTables>, landUserIds: readonly string[]) => {
  const rows = await trx
    .selectFrom('credit_archives')
    .select(['land_user_id', 'revision', 'state', 'entry_meta'])
    .where(sql<boolean>`land_user_id = any(${[...landUserIds]}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.land_user_id, row]));
};

export const applyCreditBatch = async (batch: readonly RecordedEvent[], trx: Kysely<CreditTables>): Promise<void> => {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of batch) {
    const landUserId = landUserIdOf(event.stream);
    const events = byStream.get(landUserId);
    if (events === undefined) byStream.set(landUserId, [event]);
    else events.push(event);
  }
  if (byStream.size === 0) return;

  const stored = await loadArchives(trx, [...byStream.keys()]);
  const changed: Archive[] = [];
  for (const [landUserId, events] of byStream) {
    const row = stored.get(landUserId);
    const archive: Archive = {
      landUserId,
      revision: row?.revision ?? -1,
      state: row?.state ?? creditDecider.initialState(),
      meta: { ...row?.entry_meta },
      touched: new Set(),
    };
    if (foldBatch(archive, events)) changed.push(archive);
  }
  if (changed.length === 0) return;

  const archiveRows: Insertable<CreditArchivesTable>[] = changed.map((archive) => ({
    land_user_id: archive.landUserId,
    revision: archive.revision,
    state: JSON.stringify(archive.state),
    entry_meta: JSON.stringify(archive.meta),
  }));
  for (const rows of chunks(archiveRows)) {
    await trx
      .insertInto('credit_archives')
      .values(rows)
      .onConflict((oc) =>
        oc.column('land_user_id').doUpdateSet((eb) => ({
          revision: eb.ref('excluded.revision'),
          state: eb.ref('excluded.state'),
          entry_meta: eb.ref('excluded.entry_meta'),
        })),
      )
      .execute();
  }

  const affected = changed.filter((archive) => archive.touched.size > 0);
  const entryRows = affected.flatMap((archive) =>
    entriesOf(archive.state)
      .filter((entry) => archive.touched.has(entry.entryId))
      .map((entry) => entryRow(archive.landUserId, entry, archive.meta[entry.entryId] as EntryMeta)),
  );
  for (const rows of chunks(entryRows)) {
    await trx
      .insertInto('credit_entries')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['land_user_id', 'entry_id']).doUpdateSet((eb) => ({
          trigger: eb.ref('excluded.trigger'),
          status: eb.ref('excluded.status'),
          parcel_id: eb.ref('excluded.parcel_id'),
          evidence_event_id: eb.ref('excluded.evidence_event_id'),
          case_id: eb.ref('excluded.case_id'),
          controlling_shareholder_ids: eb.ref('excluded.controlling_shareholder_ids'),
          reason: eb.ref('excluded.reason'),
          added_at: eb.ref('excluded.added_at'),
          expires_at: eb.ref('excluded.expires_at'),
          lift_requested_at: eb.ref('excluded.lift_requested_at'),
          lift_requested_by: eb.ref('excluded.lift_requested_by'),
          rectification: eb.ref('excluded.rectification'),
          verified_at: eb.ref('excluded.verified_at'),
          verified_by: eb.ref('excluded.verified_by'),
          verification_document_no: eb.ref('excluded.verification_document_no'),
          lifted_at: eb.ref('excluded.lifted_at'),
          lifted_by: eb.ref('excluded.lifted_by'),
          announcement_ref: eb.ref('excluded.announcement_ref'),
          revision: eb.ref('excluded.revision'),
          added_event_id: eb.ref('excluded.added_event_id'),
        })),
      )
      .execute();
  }

  // The shareholder rows of every affected archive are rewritten whole from its folded state.
  if (affected.length === 0) return;
  await trx
    .deleteFrom('credit_entry_shareholders')
    .where(sql<boolean>`land_user_id = any(${affected.map((archive) => archive.landUserId)}::text[])`)
    .execute();
  const shareholderRows = affected.flatMap((archive) =>
    entriesOf(archive.state).flatMap((entry) =>
      [...new Set(entry.controllingShareholderIds)].map((shareholderId) => ({
        land_user_id: archive.landUserId,
        entry_id: entry.entryId,
        shareholder_id: shareholderId,
      })),
    ),
  );
  for (const rows of chunks(shareholderRows)) {
    await trx.insertInto('credit_entry_shareholders').values(rows).execute();
  }
};

export const creditProjection = defineProjection<CreditTables>({
  name: 'credit',
  version: 1,
  eventTypes: CREDIT_EVENT_TYPES,
  tables: CREDIT_TABLES,
  createTables: createCreditTables,
  apply: (batch, { trx }) => applyCreditBatch(batch, trx),
});
