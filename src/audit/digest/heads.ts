/**
 * Every stream's head (last revision and its hash) at a cut of the log, followed by one pass over
 * readAll in global order. The digester keeps one of these in memory and continues it after the
 * last position it read; verify-chain and the bundle routes build one from the start of the log up
 * to a digest's cut. Optionally it checks every hash chain on the way (verify-chain).
 */
import { chainBreakOf, type ChainBreak } from '../../eventstore/hash-chain.js';
import type { Checkpoint, EventStore, RecordedEvent } from '../../eventstore/types.js';
import { DIGEST_STREAM } from '../../domain/streams.js';
import { merkleRootOfSorted, sortHeads, type StreamHead } from './merkle.js';

export interface ChainBreakAt {
  readonly stream: string;
  readonly revision: number;
  readonly eventId: string;
  readonly reason: ChainBreak;
}

export interface ScanOptions {
  /** Stop after the event at this position (a digest's cut); default: the end of the log. */
  readonly upTo?: Checkpoint | null;
  readonly pageSize?: number;
  /** Called after each page with the number of events read so far. */
  readonly onProgress?: (events: number) => void;
  readonly signal?: AbortSignal;
}

interface Head {
  revision: number;
  hash: string;
  /** For chain checking: the next revision expected and whether the chain already broke. */
  broken: boolean;
}

export class HeadTracker {
  private readonly heads = new Map<string, Head>();
  private readonly breaks: ChainBreakAt[] = [];
  /** Position of the last event taken in (the cut so far); null before the first. */
  private lastPosition: Checkpoint | null = null;
  /** Position of the last event taken in that is not on the digest stream. */
  private lastOtherPosition: Checkpoint | null = null;
  private count = 0;

  constructor(private readonly options: { readonly verifyChains?: boolean } = {}) {}

  get position(): Checkpoint | null {
    return this.lastPosition;
  }

  /** Position of the newest event outside the digest stream: has the log moved since a digest? */
  get lastOtherEventPosition(): Checkpoint | null {
    return this.lastOtherPosition;
  }

  get events(): number {
    return this.count;
  }

  get streams(): number {
    return this.heads.size;
  }

  get broken(): readonly ChainBreakAt[] {
    return this.breaks;
  }

  private take(event: RecordedEvent): void {
    const hash = typeof event.metadata.hash === 'string' ? event.metadata.hash : '';
    const head = this.heads.get(event.stream);
    if (this.options.verifyChains && !head?.broken) {
      const reason = chainBreakOf(head?.hash ?? '', head === undefined ? 0 : head.revision + 1, event);
      if (reason) this.breaks.push({ stream: event.stream, revision: event.revision, eventId: event.id, reason });
      if (reason) {
        this.heads.set(event.stream, { revision: event.revision, hash, broken: true });
        this.advance(event);
        return;
      }
    }
    if (head === undefined) this.heads.set(event.stream, { revision: event.revision, hash, broken: false });
    else {
      head.revision = event.revision;
      head.hash = hash;
    }
    this.advance(event);
  }

  private advance(event: RecordedEvent): void {
    this.count++;
    this.lastPosition = event.position;
    if (event.stream !== DIGEST_STREAM) this.lastOtherPosition = event.position;
  }

  /**
   * Reads on from the last position to the end of the log, or to `upTo` included. Returns true
   * when it reached `upTo` (or the end, without upTo).
   */
  async catchUp(store: EventStore, options: ScanOptions = {}): Promise<boolean> {
    const upTo = options.upTo ?? null;
    if (upTo !== null && this.lastPosition !== null && store.compareCheckpoints(this.lastPosition, upTo) >= 0) {
      return store.compareCheckpoints(this.lastPosition, upTo) === 0;
    }
    let after = this.lastPosition;
    for (;;) {
      if (options.signal?.aborted) return false;
      const page = await store.readAll({ after, limit: options.pageSize ?? 2000 });
      for (const event of page.events) {
        if (upTo !== null && store.compareCheckpoints(event.position, upTo) > 0) {
          options.onProgress?.(this.count);
          return false;
        }
        this.take(event);
        if (upTo !== null && store.compareCheckpoints(event.position, upTo) === 0) {
          options.onProgress?.(this.count);
          return true;
        }
      }
      options.onProgress?.(this.count);
      if (page.events.length === 0) return upTo === null;
      after = page.events.at(-1)?.position ?? after;
    }
  }

  /** The heads in leaf order. */
  sortedHeads(): StreamHead[] {
    return sortHeads([...this.heads].map(([stream, h]) => ({ stream, revision: h.revision, hash: h.hash })));
  }

  head(stream: string): StreamHead | null {
    const h = this.heads.get(stream);
    return h === undefined ? null : { stream, revision: h.revision, hash: h.hash };
  }

  root(): string {
    return merkleRootOfSorted(this.sortedHeads());
  }
}

/** Every stream's head at `upTo` (included), read from the start of the log: O(events up to upTo). */
export const headsAt = async (
  store: EventStore,
  upTo: Checkpoint,
  options: Omit<ScanOptions, 'upTo'> & { readonly verifyChains?: boolean } = {},
): Promise<{ tracker: HeadTracker; reached: boolean }> => {
  const tracker = new HeadTracker({ verifyChains: options.verifyChains ?? false });
  const reached = await tracker.catchUp(store, { ...options, upTo });
  return { tracker, reached };
};
