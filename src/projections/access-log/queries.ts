/** `GET /access-log`: who read what, newest first, within the reader's jurisdiction. */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { ACCESS_OUTCOMES } from '../../domain/access-log/index.js';
import { decodeCursor, toPage, type Page } from '../paging.js';
import { likePrefix } from '../scope.js';
import type { AccessLogTables } from './tables.js';

export const accessLogEntryView = z.object({
  eventId: z.string(),
  accessedAt: z.string(),
  actor: z.object({
    id: z.string(),
    name: z.string().nullable(),
    role: z.string(),
    jurisdiction: z.string().nullable(),
  }),
  resource: z.string().describe("What was read: 'parcel-history', 'decision-trail', 'parcel-audit-bundle', …"),
  target: z.string(),
  targetJurisdiction: z.string().nullable(),
  outcome: z.enum(ACCESS_OUTCOMES),
  status: z.number().int(),
  method: z.string(),
  url: z.string(),
  requestId: z.string(),
  stream: z.string().describe('The access stream holding the record'),
  revision: z.number().int(),
});
export type AccessLogEntryView = z.infer<typeof accessLogEntryView>;

export interface AccessLogFilter {
  /** The reader's division prefix (null: national): rows whose actor or target lies within it. */
  readonly divisionPrefix: string | null;
  readonly actor?: string;
  readonly target?: string;
  readonly resource?: string;
  readonly outcome?: (typeof ACCESS_OUTCOMES)[number];
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export const listAccessLog = async (
  db: Kysely<AccessLogTables>,
  filter: AccessLogFilter,
): Promise<Page<AccessLogEntryView>> => {
  let query = db.selectFrom('access_log').selectAll();
  if (filter.divisionPrefix !== null) {
    const pattern = likePrefix(filter.divisionPrefix);
    query = query.where((eb) =>
      eb.or([eb('actor_jurisdiction', 'like', pattern), eb('target_division', 'like', pattern)]),
    );
  }
  if (filter.actor !== undefined) query = query.where('actor_id', '=', filter.actor);
  if (filter.target !== undefined) query = query.where('target', '=', filter.target);
  if (filter.resource !== undefined) query = query.where('resource', '=', filter.resource);
  if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
  if (filter.from !== undefined) query = query.where('accessed_at', '>=', new Date(filter.from));
  if (filter.to !== undefined) query = query.where('accessed_at', '<', new Date(filter.to));
  if (filter.cursor !== undefined) {
    const [at, id] = decodeCursor(filter.cursor, 2) as [string, string];
    query = query.where(sql<boolean>`(accessed_at, event_id) < (${new Date(at)}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('accessed_at', 'desc')
    .orderBy('event_id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (r) => [r.accessed_at.toISOString(), r.event_id],
    (r) => ({
      eventId: r.event_id,
      accessedAt: r.accessed_at.toISOString(),
      actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role, jurisdiction: r.actor_jurisdiction },
      resource: r.resource,
      target: r.target,
      targetJurisdiction: r.target_jurisdiction,
      outcome: r.outcome as AccessLogEntryView['outcome'],
      status: r.status,
      method: r.method,
      url: r.url,
      requestId: r.request_id,
      stream: r.stream,
      revision: r.revision,
    }),
  );
};
