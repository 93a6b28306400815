/**
 * Helpers every set-based projection uses: group a batch by stream, keep only the events a
 * stored revision has not seen (the idempotency guard), and upsert many rows in one statement.
 */
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

/** Splits rows into chunks that keep a statement under PostgreSQL's 65,535 bind parameters. */
export const chunksFor = <T extends object>(rows: readonly T[]): T[][] => {
  const first = rows[0];
  if (first === undefined) return [];
  const perRow = Math.max(1, Object.keys(first).length);
  const size = Math.max(1, Math.floor(60_000 / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
};
