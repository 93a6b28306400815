import type pg from 'pg';
import { quoteIdent } from '../../src/db/identifiers.js';
import type { NewEvent } from '../../src/eventstore/types.js';

/**
 * The practical limit the store is measured against: a table with the store's columns and its two
 * unique constraints, written by plain INSERTs (no function, no trigger, no NOTIFY) and read by
 * keyset paging on its identity column.
 *
 * Differences from the store's table, deliberately: the primary key is (position) rather than
 * (transaction_id, position), and there is no (type, transaction_id, position) index. So the raw
 * side maintains 3 btree indexes per row and the store 4; that is part of what the store costs.
 */
export const rawTableSql = (schema: string): string => {
  const s = quoteIdent(schema);
  return `CREATE TABLE ${s}.raw_events (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id       uuid NOT NULL,
    stream         text NOT NULL,
    revision       integer NOT NULL CHECK (revision >= 0),
    type           text NOT NULL,
    data           jsonb NOT NULL,
    metadata       jsonb NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT raw_events_stream_revision_key UNIQUE (stream, revision),
    CONSTRAINT raw_events_event_id_key UNIQUE (event_id)
  )`;
};

export interface RawRow {
  readonly position: string;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

interface RawDbRow {
  xid: string;
  position: string;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: unknown;
}

const COLUMNS = 6;

/** Statements are named (prepared once per connection), as the store's are, so parse/plan cost is alike. */
export class RawTable {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.raw_events`;
  }

  async insert(stream: string, revision: number, event: NewEvent): Promise<void> {
    await this.pool.query({
      name: `raw_insert:${this.schema}`,
      text: `INSERT INTO ${this.table} (event_id, stream, revision, type, data, metadata) VALUES ${placeholders(1)}`,
      values: rowValues(stream, revision, event),
    });
  }

  /** One multi-row INSERT for consecutive revisions of one stream. */
  async insertMany(stream: string, firstRevision: number, events: readonly NewEvent[]): Promise<void> {
    await this.pool.query({
      name: `raw_insert_${events.length}:${this.schema}`,
      text: `INSERT INTO ${this.table} (event_id, stream, revision, type, data, metadata) VALUES ${placeholders(events.length)}`,
      values: events.flatMap((event, i) => rowValues(stream, firstRevision + i, event)),
    });
  }

  async readPage(after: string, limit: number): Promise<RawRow[]> {
    const { rows } = await this.pool.query<RawDbRow>({
      name: `raw_read:${this.schema}`,
      text: `SELECT transaction_id::text AS xid, position, event_id, stream, revision, type, data, metadata
               FROM ${this.table} WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [after, limit],
    });
    return rows.map((r) => ({
      position: r.position,
      id: r.event_id,
      stream: r.stream,
      revision: r.revision,
      type: r.type,
      data: r.data,
      metadata: r.metadata,
    }));
  }
}

const rowValues = (stream: string, revision: number, event: NewEvent): unknown[] => [
  event.id,
  stream,
  revision,
  event.type,
  JSON.stringify(event.data),
  JSON.stringify(event.metadata),
];

const placeholders = (rows: number): string =>
  Array.from({ length: rows }, (_, r) => {
    const p = Array.from({ length: COLUMNS }, (_, c) => `$${r * COLUMNS + c + 1}`);
    return `(${p[0]}, ${p[1]}, ${p[2]}, ${p[3]}, ${p[4]}::jsonb, ${p[5]}::jsonb)`;
  }).join(', ');
