import { quoteIdent } from '../../db/identifiers.js';

/**
 * DDL of the append-only event log, parameterised by schema so tests can run side by side.
 *
 * Global order is (transaction_id, position), read only below the oldest running transaction
 * (pg_snapshot_xmin): a transaction that took a lower position but commits later can then never
 * be skipped by a reader that already moved past it (the sequence-gap problem).
 */
export const eventsTableSql = (schema: string): string[] => {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.events (
       position       bigint GENERATED ALWAYS AS IDENTITY,
       transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
       event_id       uuid NOT NULL,
       stream         text NOT NULL,
       revision       integer NOT NULL CHECK (revision >= 0),
       type           text NOT NULL,
       data           jsonb NOT NULL,
       metadata       jsonb NOT NULL,
       recorded_at    timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT events_pkey PRIMARY KEY (transaction_id, position),
       CONSTRAINT events_stream_revision_key UNIQUE (stream, revision),
       CONSTRAINT events_event_id_key UNIQUE (event_id)
     )`,
    // Readers filtered by event type scan this instead of the whole log.
    `CREATE INDEX events_type_order_idx ON ${s}.events (type, transaction_id, position)`,
    `CREATE FUNCTION ${s}.events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'events are immutable: % on %.events is not allowed', TG_OP, TG_TABLE_SCHEMA
         USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON ${s}.events
       FOR EACH ROW EXECUTE FUNCTION ${s}.events_are_immutable()`,
    `CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
       FOR EACH STATEMENT EXECUTE FUNCTION ${s}.events_are_immutable()`,
    appendFunctionSql(schema),
  ];
};

/**
 * The careful path of an append (expected revision 'any', and every case where the fast insert
 * of sql.ts hit a unique index): the idempotency check, the revision check and the insert in one
 * round trip. It sends no NOTIFY: NOTIFY takes a database-wide lock held until the commit is
 * flushed, which would serialise every appending transaction. Outcomes:
 *   'appended'  rows inserted; revision = the stream's last revision, position/xid of the last row
 *   'conflict'  the stream is at `revision`, not at the expected revision; nothing written
 *   'duplicate' every id is already in this stream; revision/position/xid of the original append
 *   'foreign'   some ids exist but not as one earlier append of this stream; nothing written
 */
export const appendFunctionSql = (schema: string): string => {
  const s = quoteIdent(schema);
  return `CREATE OR REPLACE FUNCTION ${s}.append_events(
       p_stream text, p_expected bigint, p_any boolean,
       p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
     RETURNS TABLE (status text, revision integer, last_position bigint, xid text)
     LANGUAGE plpgsql AS $$
     DECLARE
       v_current integer;
       v_found integer;
     BEGIN
       -- A transaction that wrote before its append could commit stream events out of order.
       IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
         RAISE EXCEPTION 'append_events must be the first write of its transaction'
           USING ERRCODE = 'invalid_transaction_state';
       END IF;
       SELECT count(*)::integer INTO v_found FROM ${s}.events e WHERE e.event_id = ANY(p_ids);
       IF v_found > 0 THEN
         IF v_found = cardinality(p_ids) AND (SELECT count(DISTINCT e.stream) = 1 AND bool_and(e.stream = p_stream)
                                               FROM ${s}.events e WHERE e.event_id = ANY(p_ids)) THEN
           RETURN QUERY SELECT 'duplicate'::text, e.revision, e.position, e.transaction_id::text
             FROM ${s}.events e WHERE e.event_id = ANY(p_ids) ORDER BY e.revision DESC LIMIT 1;
         ELSE
           RETURN QUERY SELECT 'foreign'::text, NULL::integer, NULL::bigint, NULL::text;
         END IF;
         RETURN;
       END IF;
       -- Writers that do not care about the revision queue up on the stream instead of
       -- failing on the unique index and retrying (an advisory lock assigns no xid).
       IF p_any THEN
         PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
       END IF;
       SELECT e.revision INTO v_current FROM ${s}.events e
         WHERE e.stream = p_stream ORDER BY e.revision DESC LIMIT 1;
       v_current := coalesce(v_current, -1);
       IF NOT p_any AND v_current <> p_expected THEN
         RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint, NULL::text;
         RETURN;
       END IF;
       RETURN QUERY
         WITH inserted AS (
           INSERT INTO ${s}.events (event_id, stream, revision, type, data, metadata)
           SELECT u.id, p_stream, v_current + u.ord::integer, u.type, u.data, u.metadata
             FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, metadata, ord)
           RETURNING position
         )
         SELECT 'appended'::text, v_current + cardinality(p_ids), max(i.position), pg_current_xact_id()::text
           FROM inserted i;
     END $$`;
};
