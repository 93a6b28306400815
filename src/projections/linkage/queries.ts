/** `GET /linkage-areas/{id}` and `GET /linkage-areas`: project areas within a division prefix. */
import { sql, type Kysely } from 'kysely';
import type { LinkageArea } from '../../domain/linkage/index.js';
import { decodeCursor, toPage, type Page } from '../paging.js';
import { likePrefix } from '../scope.js';
import type { LinkageTables } from './tables.js';
import {
  linkageSummaryOf,
  linkageViewOf,
  type LinkageAreaView,
  type LinkageBreachView,
  type LinkageSummaryView,
} from './views.js';

export interface LinkageFilter {
  /** The reader's division prefix (null: national). */
  readonly divisionPrefix: string | null;
  /** A narrower prefix asked for. */
  readonly jurisdiction?: string;
  readonly status?: string;
  /** true: only the areas with a missed deadline recorded; false: only those without. */
  readonly breached?: boolean;
  /** The day next-due flags are judged on. */
  readonly on: string;
  readonly limit: number;
  readonly cursor?: string;
}

export const getLinkageArea = async (
  db: Kysely<LinkageTables>,
  linkageId: string,
  scope: { readonly divisionPrefix: string | null; readonly on: string },
): Promise<LinkageAreaView | null> => {
  let query = db
    .selectFrom('linkage_areas')
    .select(['state', 'revision', 'breaches'])
    .where('linkage_id', '=', linkageId);
  if (scope.divisionPrefix !== null) query = query.where('division_code', 'like', likePrefix(scope.divisionPrefix));
  const row = await query.executeTakeFirst();
  return row === undefined
    ? null
    : linkageViewOf(row.state as LinkageArea, row.revision, scope.on, row.breaches as LinkageBreachView[]);
};

export const listLinkageAreas = async (
  db: Kysely<LinkageTables>,
  filter: LinkageFilter,
): Promise<Page<LinkageSummaryView>> => {
  let query = db.selectFrom('linkage_areas').select(['linkage_id', 'state', 'revision', 'breaches']);
  for (const prefix of [filter.divisionPrefix, filter.jurisdiction]) {
    if (prefix !== null && prefix !== undefined) query = query.where('division_code', 'like', likePrefix(prefix));
  }
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.breached !== undefined) {
    query = query.where(filter.breached ? sql<boolean>`breaches <> '[]'::jsonb` : sql<boolean>`breaches = '[]'::jsonb`);
  }
  if (filter.cursor !== undefined) {
    const [id] = decodeCursor(filter.cursor, 1) as [string];
    query = query.where('linkage_id', '>', id);
  }
  const rows = await query
    .orderBy('linkage_id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (r) => [r.linkage_id],
    (r) => linkageSummaryOf(r.state as LinkageArea, r.revision, filter.on, r.breaches as LinkageBreachView[]),
  );
};
