/**
 * A stream's history for auditors: every event as stored, in revision order, a page at a time
 * (`cursor` = the revision to continue at), optionally only some event types, with the hash
 * chain verified over the whole stream whatever the page shows.
 */
import { verifyStream } from '../eventstore/hash-chain.js';
import type { EventStore } from '../eventstore/types.js';
import { chainViewOf, eventViewOf, type ChainView, type EventView } from './views.js';

export interface HistoryOptions {
  readonly limit: number;
  /** First revision of the page (default 0). */
  readonly cursor?: number;
  /** Only these event types (default: all). */
  readonly types?: readonly string[];
}

export interface HistoryPage {
  readonly stream: string;
  /** Revision of the stream's last event. */
  readonly revision: number;
  readonly chain: ChainView;
  readonly items: EventView[];
  /** The revision the next page starts at, or null when this page is the last. */
  readonly nextCursor: string | null;
}

/** The page of `stream`'s history, or null when the stream has no events. */
export const readHistory = async (
  store: EventStore,
  stream: string,
  options: HistoryOptions,
): Promise<HistoryPage | null> => {
  // The verdict needs the whole stream from revision 0, so the page is cut from the same read.
  const events = await store.readStream(stream);
  const last = events.at(-1);
  if (last === undefined) return null;
  const from = options.cursor ?? 0;
  const types = options.types === undefined || options.types.length === 0 ? null : new Set(options.types);
  const matching = events.filter((e) => e.revision >= from && (types === null || types.has(e.type)));
  const page = matching.slice(0, options.limit);
  const next = matching[options.limit];
  return {
    stream,
    revision: last.revision,
    chain: chainViewOf(verifyStream(events)),
    items: page.map(eventViewOf),
    nextCursor: next === undefined ? null : String(next.revision),
  };
};
