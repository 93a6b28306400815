import { createHash } from 'node:crypto';
import type { EventMetadata, JsonValue, NewEvent, RecordedEvent } from './types.js';

/**
 * Tamper evidence: each event's metadata carries `prevHash` and
 * `hash = sha256(prevHash ‖ canonical JSON of { type, data, metadata without hash, revision })`.
 * The command handler chains new events (it has just read the stream), so the chain is the same
 * on both stores, and a row edited behind the store's back no longer matches its hash.
 */

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export const canonicalJson = (value: JsonValue): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(',')}}`;
};

const withoutHash = (metadata: EventMetadata): JsonValue => {
  const { hash: _hash, ...rest } = metadata;
  return rest as unknown as JsonValue;
};

export const eventHash = (
  prevHash: string,
  event: Pick<NewEvent, 'type' | 'data' | 'metadata'>,
  revision: number,
): string =>
  createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ type: event.type, data: event.data, metadata: withoutHash(event.metadata), revision }))
    .digest('hex');

/** Adds prevHash/hash to events about to be appended after `prevHash` at `firstRevision`. */
export const chainEvents = (prevHash: string, firstRevision: number, events: readonly NewEvent[]): NewEvent[] => {
  let previous = prevHash;
  return events.map((event, i) => {
    const metadata = { ...event.metadata, prevHash: previous };
    const hash = eventHash(previous, { ...event, metadata }, firstRevision + i);
    previous = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
};

export type ChainBreak = 'missing-hash' | 'prev-hash-mismatch' | 'hash-mismatch' | 'revision-gap';

export type ChainVerdict =
  | { readonly intact: true; readonly events: number; readonly lastHash: string }
  | {
      readonly intact: false;
      readonly events: number;
      readonly brokenAt: { readonly revision: number; readonly eventId: string; readonly reason: ChainBreak };
    };

/** Checks one event against the hash the chain reached so far; null when it holds. */
export const chainBreakOf = (
  previousHash: string,
  expectedRevision: number,
  event: RecordedEvent,
): ChainBreak | null => {
  if (event.revision !== expectedRevision) return 'revision-gap';
  const { hash, prevHash } = event.metadata;
  if (typeof hash !== 'string' || typeof prevHash !== 'string') return 'missing-hash';
  if (prevHash !== previousHash) return 'prev-hash-mismatch';
  if (eventHash(prevHash, event, event.revision) !== hash) return 'hash-mismatch';
  return null;
};

/** Walks a whole stream from revision 0 and names the first event where the chain breaks. */
export const verifyStream = (events: readonly RecordedEvent[]): ChainVerdict => {
  let previous = '';
  for (const [i, event] of events.entries()) {
    const reason = chainBreakOf(previous, i, event);
    if (reason)
      return {
        intact: false,
        events: events.length,
        brokenAt: { revision: event.revision, eventId: event.id, reason },
      };
    previous = event.metadata.hash as string;
  }
  return { intact: true, events: events.length, lastHash: previous };
};

/** The hash the next event of a stream must chain to ('' for a new stream). */
export const lastHashOf = (events: readonly RecordedEvent[]): string => {
  const last = events.at(-1);
  return typeof last?.metadata.hash === 'string' ? last.metadata.hash : '';
};
