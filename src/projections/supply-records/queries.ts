/** `GET /supply-records`: the filed records of a period, in filing order, within a division prefix. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { SupplyRecord } from '../../domain/filing/index.js';
import type { FiledSupplyRecord } from '../../filing/columns.js';
import { decodeCursor, toPage, type Page } from '../paging.js';
import { likePrefix } from '../scope.js';
import type { SupplyRecordTables, SupplyRecordsTable } from './tables.js';

export interface SupplyRecordFilter {
  /** The reader's division prefix (null: national). */
  readonly divisionPrefix: string | null;
  /** A narrower prefix asked for. */
  readonly jurisdiction?: string;
  /** Filed on or after / on or before (inclusive ISO dates). */
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface FiledSupplyRecordRow extends FiledSupplyRecord {
  readonly dueDate: string;
  readonly late: boolean;
  readonly jurisdiction: string | null;
  readonly preparer: { readonly id: string; readonly name: string | null } | null;
  readonly reviewer: { readonly id: string; readonly name: string | null };
  readonly industryCatalogueVersion: string | null;
  readonly eventId: string;
}

type Row = Selectable<SupplyRecordsTable>;

const toFiling = (r: Row): FiledSupplyRecordRow => ({
  parcelId: r.parcel_id,
  filingRef: r.filing_ref,
  filedOn: r.filed_on,
  dueDate: r.due_date,
  late: r.late,
  record: (r.record ?? null) as SupplyRecord | null,
  jurisdiction: r.jurisdiction,
  preparer: r.preparer_id === null ? null : { id: r.preparer_id, name: r.preparer_name },
  reviewer: { id: r.reviewer_id, name: r.reviewer_name },
  industryCatalogueVersion: r.industry_catalogue_version,
  eventId: r.event_id,
});

export const listSupplyRecords = async (
  db: Kysely<SupplyRecordTables>,
  filter: SupplyRecordFilter,
): Promise<Page<FiledSupplyRecordRow>> => {
  let query = db.selectFrom('supply_records').selectAll();
  for (const prefix of [filter.divisionPrefix, filter.jurisdiction]) {
    if (prefix !== null && prefix !== undefined) query = query.where('division_code', 'like', likePrefix(prefix));
  }
  if (filter.from !== undefined) query = query.where('filed_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('filed_on', '<=', filter.to);
  if (filter.cursor !== undefined) {
    const [on, id] = decodeCursor(filter.cursor, 2) as [string, string];
    query = query.where(sql<boolean>`(filed_on, parcel_id) > (${on}::date, ${id})`);
  }
  const rows = await query
    .orderBy('filed_on')
    .orderBy('parcel_id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows as Row[], filter.limit, (r) => [r.filed_on, r.parcel_id], toFiling);
};

/** Every filing the filter selects, page by page: an export never holds more than one page. */
export async function* eachSupplyRecord(
  db: Kysely<SupplyRecordTables>,
  filter: Omit<SupplyRecordFilter, 'limit' | 'cursor'>,
  pageSize = 500,
): AsyncGenerator<FiledSupplyRecordRow> {
  let cursor: string | undefined;
  do {
    const page = await listSupplyRecords(db, {
      ...filter,
      limit: pageSize,
      ...(cursor === undefined ? {} : { cursor }),
    });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
