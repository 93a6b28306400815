/**
 * Helpers every set-based projection uses: group a batch by stream, keep only the events a
 * stored revision has not seen (the idempotency guard), and upsert many rows in one statement.
 */
import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../eventstore/types.js';

/** Events per stream, in log order, keeping only those after `seen(stream)` (-1 = none seen). */
export const freshEventsByStream = (
  batch: readonly RecordedEvent[],
  seen: (stream: string) => number,
): Map<string, RecordedEvent[]> => {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of batch) {
    if (event.revision <= seen(event.stream)) continue;
    const list = byStream.get(event.stream);
    const last = list?.at(-1);
    // A batch read twice (or overlapping) can hold an event again: keep each revision once.
    if (last !== undefined && event.revision <= last.revision) continue;
    if (list) list.push(event);
    else byStream.set(event.stream, [event]);
  }
  return byStream;
};

/** Distinct stream names of a batch, in first-seen order. */
export const streamsOf = (batch: readonly RecordedEvent[]): string[] => [...new Set(batch.map((e) => e.stream))];

/**
 * Writes many rows in one statement with one parameter: the rows as a JSON array, expanded by
 * PostgreSQL into the table's own row type (`jsonb_populate_recordset`). Binding thousands of
 * values one by one costs more than the insert itself. Row keys are column names; a missing key
 * is NULL. With `conflictKey`, an existing row is replaced (every other column updated).
 */
export const writeRows = async (
  trx: Kysely<unknown>,
  schema: string,
  table: string,
  rows: readonly object[],
  conflictKey?: readonly string[],
): Promise<void> => {
  const first = rows[0];
  if (first === undefined) return;
  const target = sql.id(schema, table);
  const update =
    conflictKey === undefined
      ? sql``
      : sql` ON CONFLICT (${sql.join(conflictKey.map((c) => sql.id(c)))}) DO UPDATE SET ${sql.join(
          Object.keys(first)
            .filter((c) => !conflictKey.includes(c))
            .map((c) => sql`${sql.id(c)} = EXCLUDED.${sql.id(c)}`),
        )}`;
  await sql`INSERT INTO ${target} SELECT * FROM jsonb_populate_recordset(NULL::${target}, ${JSON.stringify(rows)}::jsonb)${update}`.execute(
    trx,
  );
};

/** Deletes the rows whose `column` is one of `values`, with one array parameter. */
export const deleteWhereIn = async (
  trx: Kysely<unknown>,
  schema: string,
  table: string,
  column: string,
  values: readonly string[],
): Promise<void> => {
  if (values.length === 0) return;
  await sql`DELETE FROM ${sql.id(schema, table)} WHERE ${sql.id(column)} = ANY(${values}::text[])`.execute(trx);
};
