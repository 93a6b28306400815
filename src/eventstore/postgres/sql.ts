import { quoteIdent } from '../../db/identifiers.js';

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
  // Append at an exact revision: one row from scalar parameters, or a batch from one JSON array
  // (cheaper for the server than jsonb[] literals). `guarded` adds checks that make a taken slot
  // or an existing id insert nothing instead of raising 23505 (see the WithoutErrors variants).
  const appendAt = (batch: boolean, guarded: boolean) => {
    const source = batch
      ? `SELECT u.id, $1, $2::integer + u.ord::integer - 1, u.type, u.data, u.metadata
           FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS (id uuid, type text, data jsonb, metadata jsonb))
                WITH ORDINALITY AS u(id, type, data, metadata, ord)`
      : `SELECT $3::uuid, $1, $2::integer, $4::text, $5::jsonb, $6::jsonb`;
    const ids = batch ? `SELECT r.id FROM jsonb_to_recordset($3::jsonb) AS r(id uuid)` : `SELECT $3::uuid`;
    const guards = guarded
      ? `AND NOT EXISTS (SELECT 1 FROM ${s}.events e WHERE e.stream = $1 AND e.revision = $2::integer)
         AND NOT EXISTS (SELECT 1 FROM ${s}.events e WHERE e.event_id IN (${ids}))`
      : '';
    return `INSERT INTO ${s}.events (event_id, stream, revision, type, data, metadata)
      ${source}
      WHERE ($2::integer = 0 OR EXISTS (SELECT 1 FROM ${s}.events e WHERE e.stream = $1 AND e.revision = $2::integer - 1))
      ${guards}
      RETURNING transaction_id::text AS xid, position::text AS position`;
  };
  return {
    // Fast path for an exact expected revision: a plain insert at the next revisions, provided
    // the previous revision exists. A taken slot or an existing id raises 23505 on the unique
    // indexes; then append_events classifies the outcome (conflict, duplicate, foreign).
    appendOneAt: appendAt(false, false),
    appendManyAt: appendAt(true, false),
    // The same, inserting nothing instead of raising: pglite-socket drops the connection on an
    // error inside a prepared statement, so the embedded store must not rely on 23505.
    appendOneAtWithoutErrors: appendAt(false, true),
    appendManyAtWithoutErrors: appendAt(true, true),
    append: `SELECT status, revision, last_position::text AS last_position, xid
               FROM ${s}.append_events($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])`,
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
    // Committed events after a checkpoint, visible or not yet readable (behind an open transaction).
    backlog: `SELECT count(*)::integer AS events, min(b.metadata->>'recordedAt') AS oldest FROM (
                SELECT e.metadata FROM ${s}.events e
                 WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
                   AND ($3::text[] IS NULL OR e.type = ANY($3::text[]))
                 ORDER BY e.transaction_id, e.position LIMIT $4) b`,
    // A restored dump carries transaction ids from another cluster; readers would stall or skip.
    xidSanity: `SELECT (SELECT max(transaction_id) FROM ${s}.events)::text AS max_xid,
                       pg_snapshot_xmax(pg_current_snapshot())::text AS xmax,
                       (SELECT max(transaction_id) FROM ${s}.events) >= pg_snapshot_xmax(pg_current_snapshot()) AS unsafe`,
  } as const;
};

export type Statements = ReturnType<typeof statementsFor>;

/** LIKE pattern for a literal prefix. */
export const prefixPattern = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
