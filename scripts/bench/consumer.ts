import { performance } from 'node:perf_hooks';
import { formatCheckpoint, parseCheckpoint } from '../../src/eventstore/postgres/checkpoint.js';
import { quoteIdent } from '../../src/db/identifiers.js';
import type { Bench } from './setup.js';
import { runWorkers } from './timing.js';
import { partition, type StreamWork } from './workload.js';
import { appendOneByOne } from './writes.js';

export interface ConsumerResult {
  readonly stored: number;
  readonly seen: number;
  /** Stored after the consumer's start but never delivered. */
  readonly skipped: number;
  /** Delivered more than once (counted once per event). */
  readonly duplicated: number;
  /** Delivered but not in the store (should be impossible). */
  readonly unknown: number;
  /** Delivered after a later revision of the same stream. */
  readonly outOfOrder: number;
  /** From the last writer finishing to the consumer having read everything. */
  readonly catchUpMs: number;
}

/**
 * `writers` writers append one event at a time while a consumer tails the whole log (unfiltered
 * readAll) from its current end, sleeping in waitForEvents when caught up. The consumer's view is
 * then compared with the rows the store holds after that starting point.
 */
export const tailWhileWriting = async (
  bench: Bench,
  work: readonly StreamWork[],
  writers: number,
  page: number,
): Promise<ConsumerResult> => {
  const start = await logEnd(bench);
  const seen = new Map<string, number>();
  const lastRevision = new Map<string, number>();
  let outOfOrder = 0;
  let writing = true;

  const consume = async () => {
    let after: string | null = start;
    for (;;) {
      // Decided before the read, so the final empty page is read after every writer committed.
      const done = !writing;
      const result = await bench.store.readAll({ after, limit: page });
      for (const event of result.events) {
        seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
        if (event.revision !== (lastRevision.get(event.stream) ?? -1) + 1) outOfOrder++;
        lastRevision.set(event.stream, event.revision);
      }
      after = result.next;
      if (result.events.length === 0) {
        if (done) return;
        await bench.store.waitForEvents(after, { timeoutMs: 1_000 });
      }
    }
  };

  const tail = consume();
  try {
    await runWorkers(partition(work, writers), appendOneByOne(bench.store));
  } finally {
    writing = false;
  }
  const writersDoneAt = performance.now();
  await tail;
  const catchUpMs = performance.now() - writersDoneAt;

  const stored = await storedAfter(bench, start);
  const storedSet = new Set(stored);
  return {
    stored: stored.length,
    seen: [...seen.values()].reduce((a, b) => a + b, 0),
    skipped: stored.filter((id) => !seen.has(id)).length,
    duplicated: [...seen.values()].filter((n) => n > 1).length,
    unknown: [...seen.keys()].filter((id) => !storedSet.has(id)).length,
    outOfOrder,
    catchUpMs,
  };
};

/** Checkpoint of the last event while nothing is being written (null for an empty log). */
const logEnd = async (bench: Bench): Promise<string | null> => {
  const { rows } = await bench.connection.pool.query<{ xid: string; position: string }>(
    `SELECT transaction_id::text AS xid, position::text AS position FROM ${quoteIdent(bench.schema)}.events
      ORDER BY transaction_id DESC, position DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? formatCheckpoint(row) : null;
};

const storedAfter = async (bench: Bench, start: string | null): Promise<string[]> => {
  const { xid, position } = parseCheckpoint(start);
  const { rows } = await bench.connection.pool.query<{ event_id: string }>(
    `SELECT event_id FROM ${quoteIdent(bench.schema)}.events WHERE (transaction_id, position) > ($1::xid8, $2::bigint)`,
    [xid, position],
  );
  return rows.map((r) => r.event_id);
};
