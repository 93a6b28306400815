/** `GET /report-obligations`: obligations within a division prefix, earliest due first. */
import { sql, type Kysely } from 'kysely';
import type { ReportObligation } from '../../domain/reporting/index.js';
import { decodeCursor, toPage, type Page } from '../paging.js';
import { likePrefix } from '../scope.js';
import type { ReportObligationTables } from './tables.js';
import { reportObligationViewOf, type ReportObligationView } from './views.js';

export interface ReportObligationFilter {
  /** The reader's division prefix (null: national). */
  readonly divisionPrefix: string | null;
  /** A narrower prefix asked for. */
  readonly jurisdiction?: string;
  readonly status?: 'due' | 'overdue' | 'submitted';
  readonly type?: string;
  readonly period?: string;
  /** The day the status is judged on. */
  readonly on: string;
  readonly limit: number;
  readonly cursor?: string;
}

export const listReportObligations = async (
  db: Kysely<ReportObligationTables>,
  filter: ReportObligationFilter,
): Promise<Page<ReportObligationView>> => {
  let query = db.selectFrom('report_obligations').select(['obligation_id', 'due_date', 'state', 'revision']);
  for (const prefix of [filter.divisionPrefix, filter.jurisdiction]) {
    if (prefix !== null && prefix !== undefined) query = query.where('division_code', 'like', likePrefix(prefix));
  }
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.period !== undefined) query = query.where('period', '=', filter.period);
  switch (filter.status) {
    case 'submitted':
      query = query.where('status', '=', 'SUBMITTED');
      break;
    case 'overdue':
      query = query
        .where('status', '<>', 'SUBMITTED')
        .where((eb) => eb.or([eb('status', '=', 'OVERDUE'), eb('due_date', '<', filter.on)]));
      break;
    case 'due':
      query = query.where('status', '=', 'DUE').where('due_date', '>=', filter.on);
      break;
    case undefined:
      break;
  }
  if (filter.cursor !== undefined) {
    const [due, id] = decodeCursor(filter.cursor, 2) as [string, string];
    query = query.where(sql<boolean>`(due_date, obligation_id) > (${due}, ${id})`);
  }
  const rows = await query
    .orderBy('due_date')
    .orderBy('obligation_id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (r) => [r.due_date, r.obligation_id],
    (r) => reportObligationViewOf(r.state as ReportObligation, r.revision, filter.on),
  );
};
