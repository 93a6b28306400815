import { chainBreakOf, type ChainBreak } from './hash-chain.js';
import type { EventStore } from './types.js';

export interface LogVerdict {
  readonly streams: number;
  readonly events: number;
  readonly broken: ReadonlyArray<{
    readonly stream: string;
    readonly revision: number;
    readonly eventId: string;
    readonly reason: ChainBreak;
  }>;
}

/**
 * One pass over the whole log in global order, following every stream's hash chain as its
 * events arrive (streams come in revision order), so no stream is read twice.
 * Reports the first broken event of each stream.
 */
export const verifyLog = async (
  store: EventStore,
  options: { streamPrefix?: string; pageSize?: number } = {},
): Promise<LogVerdict> => {
  const chains = new Map<string, { hash: string; revision: number; broken: boolean }>();
  const broken: Array<LogVerdict['broken'][number]> = [];
  let events = 0;
  let after: string | null = null;
  for (;;) {
    const page = await store.readAll({
      after,
      limit: options.pageSize ?? 1000,
      ...(options.streamPrefix ? { streamPrefix: options.streamPrefix } : {}),
    });
    for (const event of page.events) {
      events++;
      const chain = chains.get(event.stream) ?? { hash: '', revision: 0, broken: false };
      chains.set(event.stream, chain);
      if (chain.broken) continue;
      const reason = chainBreakOf(chain.hash, chain.revision, event);
      if (reason) {
        chain.broken = true;
        broken.push({ stream: event.stream, revision: event.revision, eventId: event.id, reason });
        continue;
      }
      chain.hash = event.metadata.hash as string;
      chain.revision++;
    }
    after = page.next;
    if (page.events.length === 0) return { streams: chains.size, events, broken };
  }
};
