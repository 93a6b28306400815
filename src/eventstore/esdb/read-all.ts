import { FORWARDS, START } from '@eventstore/db-client';
import type { EventStoreDBClient, Position } from '@eventstore/db-client';
import type { ReadAllOptions, ReadAllResult, RecordedEvent } from '../types.js';
import { comparePositions, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { toRecordedEvent } from './convert.js';
import { allStreamFilter } from './filter.js';
import { visit } from './streaming.js';

const PAGE_SIZE = 512;

/**
 * One page of $all after a checkpoint, in log order. The v6 client's readAll takes no
 * server-side filter (it always sends "no filter"; only subscriptions take one), so the
 * filter runs here, over pages of the unfiltered log, until `limit` events match or the log
 * ends: callers read an empty page as "caught up", so a page is never cut short. `next` is
 * the last event scanned, so skipped events are not scanned again.
 */
export const readAllPage = async (client: EventStoreDBClient, options: ReadAllOptions): Promise<ReadAllResult> => {
  const { limit } = options;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError('limit must be a positive integer');
  }
  const after = options.after ?? null;
  const matches = allStreamFilter(options);
  const events: RecordedEvent[] = [];
  let last: Position | null = after === null ? null : parseCheckpoint(after);

  for (;;) {
    const pageStart = last;
    const received = await visit(
      client.readAll({ direction: FORWARDS, fromPosition: pageStart ?? START, maxCount: PAGE_SIZE }),
      (resolved) => {
        const event = resolved.event;
        if (event === undefined) return true;
        // A forward read includes the event at its start position: never hand it out twice.
        if (pageStart !== null && comparePositions(event.position, pageStart) <= 0) return true;
        last = event.position;
        if (matches(event)) events.push(toRecordedEvent(event));
        return events.length < limit;
      },
    );
    const endOfLog = received < PAGE_SIZE;
    if (events.length >= limit || endOfLog || last === pageStart) break;
  }
  return { events, next: last === null ? after : formatCheckpoint(last) };
};
