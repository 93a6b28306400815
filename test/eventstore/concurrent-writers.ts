import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../../src/eventstore/errors.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/types.js';
import { newEvent } from '../helpers/events.js';

export interface TailResult {
  readonly committed: number;
  readonly seen: number;
  readonly missing: number;
  readonly duplicated: number;
  readonly outOfOrder: number;
}

/**
 * Writers append (some with expected revisions that race, some with 'any', some in batches)
 * to a shared set of streams while a consumer tails readAll from its checkpoint. Afterwards the
 * consumer's view is compared with what the writers were told was committed.
 */
export const tailConcurrentWriters = async (
  store: EventStore,
  {
    writers,
    appendsPerWriter,
    pageSize,
    seed,
  }: { writers: number; appendsPerWriter: number; pageSize: number; seed: number },
): Promise<TailResult> => {
  const random = mulberry32(seed);
  const prefix = `tail${randomUUID().slice(0, 8)}-`;
  const streams = Array.from({ length: writers * 2 }, (_, i) => `${prefix}${i}`);
  const committed = new Set<string>();
  let writing = true;

  const writer = async (w: number) => {
    for (let i = 0; i < appendsPerWriter; i++) {
      const stream = streams[Math.floor(random() * streams.length)] as string;
      const batch = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => newEvent('Written', { w, i, k }));
      const careless = random() < 0.25;
      for (;;) {
        const current = await store.readStream(stream, {});
        const expected = careless ? 'any' : current.length === 0 ? 'no_stream' : current.length - 1;
        try {
          await store.append(stream, batch, { expectedRevision: expected });
          batch.forEach((e) => committed.add(e.id));
          break;
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          // Lost a race: back off a little, at random, like a real client would.
          await new Promise((r) => setTimeout(r, Math.floor(random() * 5)));
        }
      }
    }
  };

  const seen: RecordedEvent[] = [];
  const seenIds = new Set<string>();
  // Once the writers are done the consumer reads on until it has every committed event, or gives
  // up 20 s later (then the test reports what is missing). Stopping at the first empty page
  // would be wrong: a transaction open elsewhere in the cluster (another test file) holds
  // readers below it for a while, which delays events but must never lose them.
  let doneAt: number | null = null;
  const consumer = async () => {
    let after: string | null = null;
    for (;;) {
      if (!writing) doneAt ??= Date.now();
      const page = await store.readAll({ after, limit: pageSize, streamPrefix: prefix });
      seen.push(...page.events);
      for (const e of page.events) seenIds.add(e.id);
      after = page.next;
      if (page.events.length === 0) {
        if (doneAt !== null && ([...committed].every((id) => seenIds.has(id)) || Date.now() - doneAt > 20_000)) return;
        await store.waitForEvents(after, { timeoutMs: 200 });
      }
    }
  };

  const tail = consumer();
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  writing = false;
  await tail;

  const ids = seen.map((e) => e.id);
  const unique = new Set(ids);
  const lastRevision = new Map<string, number>();
  let outOfOrder = 0;
  for (const event of seen) {
    const previous = lastRevision.get(event.stream) ?? -1;
    if (event.revision !== previous + 1) outOfOrder++;
    lastRevision.set(event.stream, event.revision);
  }
  return {
    committed: committed.size,
    seen: ids.length,
    missing: [...committed].filter((id) => !unique.has(id)).length,
    duplicated: ids.length - unique.size,
    outOfOrder,
  };
};

/** A small seeded PRNG, so a failing interleaving can be replayed with the printed seed. */
const mulberry32 = (seed: number) => () => {
  let a = (seed += 0x6d2b79f5);
  a = Math.imul(a ^ (a >>> 15), a | 1);
  a ^= a + Math.imul(a ^ (a >>> 7), a | 61);
  return ((a ^ (a >>> 14)) >>> 0) / 4294967296;
};
