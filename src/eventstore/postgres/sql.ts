import { quoteIdent } from './schema-sql.js';

/** The statements the adapter runs, built once per schema and sent as named prepared statements. */
export const statementsFor = (schema: string) => {
  const s = quoteIdent(schema);
  const columns = `e.transaction_id::text AS xid, e.position, e.event_id, e.stream, e.revision, e.type, e.data, e.metadata`;
  // The horizon and the rows come from the same statement, hence the same snapshot.
  const page = (filter: string) => `
    WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
    SELECT ${columns}, NULL::text AS tail
      FROM ${s}.events e, horizon h
     WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint) AND e.transaction_id < h.xmin ${filter}
     ORDER BY e.transaction_id, e.position
     LIMIT $3`;
  // With a filter, also return the last readable row, so a consumer can skip a long run of
  // non-matching events instead of rescanning it on every poll.
  const filteredPage = (filter: string) => `
    WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
    page AS (
      SELECT ${columns}
        FROM ${s}.events e, horizon h
       WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint) AND e.transaction_id < h.xmin ${filter}
       ORDER BY e.transaction_id, e.position
       LIMIT $3),
    tail AS (
      SELECT e.transaction_id::text || '/' || e.position AS tail
        FROM ${s}.events e, horizon h
       WHERE e.transaction_id < h.xmin
       ORDER BY e.transaction_id DESC, e.position DESC
       LIMIT 1)
    SELECT page.*, NULL::text AS tail FROM page
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, tail.tail FROM tail`;
  return {
    append: `SELECT status, revision, last_position::text AS last_position, xid
               FROM ${s}.append_events($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8)`,
    readStream: `SELECT ${columns} FROM ${s}.events e
                  WHERE e.stream = $1 AND e.revision >= $2 AND e.revision <= $3
                    AND ($4::timestamptz IS NULL OR (e.metadata->>'occurredAt')::timestamptz <= $4::timestamptz)
                  ORDER BY e.revision`,
    readAll: page(''),
    readAllByPrefix: filteredPage(`AND e.stream LIKE $4`),
    readAllByTypes: filteredPage(`AND e.type = ANY($4::text[])`),
    readAllByPrefixAndTypes: filteredPage(`AND e.stream LIKE $4 AND e.type = ANY($5::text[])`),
    // Is anything readable after the checkpoint, or only still in flight (above the horizon)?
    probe: `SELECT
              EXISTS (SELECT 1 FROM ${s}.events e WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
                        AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())) AS readable,
              EXISTS (SELECT 1 FROM ${s}.events e WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)) AS any`,
    // A restored dump carries transaction ids from another cluster; readers would stall or skip.
    xidSanity: `SELECT (SELECT max(transaction_id) FROM ${s}.events)::text AS max_xid,
                       pg_snapshot_xmax(pg_current_snapshot())::text AS xmax,
                       (SELECT max(transaction_id) FROM ${s}.events) >= pg_snapshot_xmax(pg_current_snapshot()) AS unsafe`,
  } as const;
};

export type Statements = ReturnType<typeof statementsFor>;

/** LIKE pattern for a literal prefix. */
export const prefixPattern = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
