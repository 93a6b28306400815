/**
 * Queries of the credit read model. The bidding answer is the domain's `canBid` over the archives
 * the read model finds (one rule, written once); the list is keyset-paged (paging.ts).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { canBid, type CreditEntry, type CreditTrigger } from '../../domain/credit/index.js';
import { instantMillis } from '../../domain/instant.js';
import { decodeCursor, InvalidCursorError, toPage, type Page } from '../paging.js';
import type { CreditEntriesTable, CreditTables } from './tables.js';
import type { BiddingEligibilityView, CreditEntryView } from './views.js';

export { creditEntryView, biddingEligibilityView, blockingEntryView } from './views.js';
export type { CreditEntryView, BiddingEligibilityView } from './views.js';

export interface BiddingEligibilityQuery {
  readonly landUserId: string;
  readonly controllingShareholderIds: readonly string[];
  /** The bid instant (ISO 8601 with offset); past instants answer as of then. */
  readonly at: string;
}

/**
 * §7.2, E6: may `landUserId` bid at `at`? One query loads every archive that can block it — its
 * own, its controlling shareholders', and those whose entries name it as controlling shareholder
 * — and the domain's canBid judges them. Throws DomainError INVALID_INSTANT for a bad `at`.
 */
export const biddingEligibility = async (
  db: Kysely<CreditTables>,
  query: BiddingEligibilityQuery,
): Promise<BiddingEligibilityView> => {
  const { landUserId, controllingShareholderIds, at } = query;
  instantMillis(at, 'at');
  const naming = db
    .selectFrom('credit_entry_shareholders')
    .select('land_user_id')
    .where('shareholder_id', '=', landUserId)
    .union(
      db.selectNoFrom(sql<string>`unnest(${[landUserId, ...controllingShareholderIds]}::text[])`.as('land_user_id')),
    );
  const rows = await db
    .selectFrom('credit_archives')
    .select(['land_user_id', 'state'])
    .where('land_user_id', 'in', naming)
    .orderBy('land_user_id')
    .execute();
  const archives = rows.map((row) => row.state);
  const result = canBid(archives, landUserId, controllingShareholderIds, at);

  const entries = new Map<string, CreditEntry>();
  for (const archive of archives) {
    if (archive.status === 'CLEAN') continue;
    for (const entry of archive.entries) entries.set(JSON.stringify([archive.landUserId, entry.entryId]), entry);
  }
  return {
    allowed: result.allowed,
    blockingEntries: result.blockingEntries.map((blocking) => {
      const entry = entries.get(JSON.stringify([blocking.landUserId, blocking.entryId]));
      if (entry === undefined) throw new Error(`canBid named an entry it was not given: ${blocking.entryId}`);
      return {
        ...blocking,
        status: entry.status,
        addedAt: entry.addedAt,
        entryReason: entry.reason,
        evidenceRef: { ...entry.evidenceRef },
      };
    }),
  };
};

export interface CreditEntryFilter {
  readonly landUserId?: string;
  readonly trigger?: CreditTrigger;
  readonly status?: CreditEntry['status'];
  readonly parcelId?: string;
  /** Only entries in force at this instant (added, not lifted, not expired by then), as canBid counts them. */
  readonly activeAt?: string;
  readonly cursor?: string;
  readonly limit: number;
}

type EntryRow = Selectable<CreditEntriesTable> & { added_at_key: string };

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());

const toView = (row: EntryRow): CreditEntryView => ({
  landUserId: row.land_user_id,
  entryId: row.entry_id,
  trigger: row.trigger,
  status: row.status,
  evidenceRef: { parcelId: row.parcel_id, eventId: row.evidence_event_id, caseId: row.case_id },
  controllingShareholderIds: row.controlling_shareholder_ids,
  reason: row.reason,
  addedAt: iso(row.added_at),
  expiresAt: isoOrNull(row.expires_at),
  liftRequest:
    row.lift_requested_at === null
      ? null
      : {
          requestedAt: iso(row.lift_requested_at),
          requestedBy: row.lift_requested_by ?? '',
          rectification: row.rectification ?? '',
        },
  verification:
    row.verified_at === null
      ? null
      : {
          verifiedAt: iso(row.verified_at),
          verifiedBy: row.verified_by ?? '',
          documentNo: row.verification_document_no ?? '',
        },
  lift:
    row.lifted_at === null
      ? null
      : { liftedAt: iso(row.lifted_at), liftedBy: row.lifted_by ?? '', announcementRef: row.announcement_ref ?? '' },
  revision: row.revision,
  addedEventId: row.added_event_id,
});

/** The sort key at full (microsecond) precision: a Date would round it and make pages skip or repeat. */
const addedAtKey = sql<string>`to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Credit entries in a stable order (added_at, land_user_id, entry_id), keyset-paged. */
export const listCreditEntries = async (
  db: Kysely<CreditTables>,
  filter: CreditEntryFilter,
): Promise<Page<CreditEntryView>> => {
  const { landUserId, trigger, status, parcelId, activeAt, cursor, limit } = filter;
  if (activeAt !== undefined) instantMillis(activeAt, 'activeAt');
  let query = db.selectFrom('credit_entries').selectAll().select(addedAtKey.as('added_at_key'));
  if (landUserId !== undefined) query = query.where('land_user_id', '=', landUserId);
  if (trigger !== undefined) query = query.where('trigger', '=', trigger);
  if (status !== undefined) query = query.where('status', '=', status);
  if (parcelId !== undefined) query = query.where('parcel_id', '=', parcelId);
  if (activeAt !== undefined) {
    const at = sql<Date>`${activeAt}::timestamptz`;
    query = query
      .where('added_at', '<=', at)
      .where((eb) => eb.or([eb('lifted_at', 'is', null), eb('lifted_at', '>', at)]))
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));
  }
  if (cursor !== undefined) {
    const [at, user, entry] = decodeCursor(cursor, 3);
    if (
      typeof at !== 'string' ||
      typeof user !== 'string' ||
      typeof entry !== 'string' ||
      Number.isNaN(Date.parse(at))
    ) {
      throw new InvalidCursorError('cursor is not one this service issued');
    }
    query = query.where(sql<boolean>`(added_at, land_user_id, entry_id) > (${at}::timestamptz, ${user}, ${entry})`);
  }
  const rows = await query
    .orderBy('added_at')
    .orderBy('land_user_id')
    .orderBy('entry_id')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (row) => [row.added_at_key, row.land_user_id, row.entry_id], toView);
};
