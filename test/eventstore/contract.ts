import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import { ConcurrencyError, DuplicateEventIdError, InvalidEventError } from '../../src/eventstore/errors.js';
import type { EventStore, NewEvent } from '../../src/eventstore/types.js';
import { newEvent, uniqueStream } from '../helpers/events.js';
import { tailConcurrentWriters } from './concurrent-writers.js';

export interface ContractTarget {
  readonly store: EventStore;
  close(): Promise<void>;
}

/** Where adapters may differ; each difference is documented in src/eventstore/README.md. */
export interface AdapterCapabilities {
  /**
   * An event id is unique across the whole log: reusing one in another stream is refused
   * (DuplicateEventIdError). PostgreSQL: yes (unique index). EventStoreDB: no, it only
   * recognises an id inside its own stream, and a look-up across $all per append is no price
   * to pay; ids from ids.ts embed the stream name, so only a client bug can reuse one.
   */
  readonly eventIdsUniqueAcrossStreams: boolean;
}

/**
 * The one contract every EventStore adapter must pass (PostgreSQL, PGlite, EventStoreDB).
 * Each test uses fresh stream names, so targets that cannot be emptied (a shared EventStoreDB)
 * work too; readAll tests filter by a unique stream prefix.
 */
export const eventStoreContract = (
  t: Test,
  open: () => Promise<ContractTarget>,
  capabilities: AdapterCapabilities,
): void => {
  let target: ContractTarget;
  t.before(async () => {
    target = await open();
  });
  t.teardown(async () => target.close());
  const store = () => target.store;

  t.test('append then readStream returns the events in revision order with their envelope', async (t) => {
    const stream = uniqueStream();
    const first = [newEvent('ParcelGranted', { area: '1.2345' }), newEvent('PaymentReceived', { fen: 100 })];
    const r1 = await store().append(stream, first, { expectedRevision: 'no_stream' });
    t.equal(r1.nextRevision, 1);
    const r2 = await store().append(stream, [newEvent('LandDelivered')], { expectedRevision: 1 });
    t.equal(r2.nextRevision, 2);
    const events = await store().readStream(stream);
    t.same(
      events.map((e) => [e.revision, e.type, e.stream]),
      [
        [0, 'ParcelGranted', stream],
        [1, 'PaymentReceived', stream],
        [2, 'LandDelivered', stream],
      ],
    );
    t.same(events[0]?.data, { area: '1.2345' });
    t.same(events[0]?.metadata, first[0]?.metadata);
    t.equal(events[0]?.id, first[0]?.id);
    t.equal(events[2]?.position, r2.position, 'the append result names the position of its last event');
  });

  t.test('a missing stream reads as empty', async (t) => {
    t.same(await store().readStream(uniqueStream()), []);
  });

  t.test('readStream honours fromRevision, toRevision and until (business time)', async (t) => {
    const stream = uniqueStream();
    const events = ['2026-01-01T10:00:00+08:00', '2026-02-01T10:00:00+08:00', '2026-03-01T10:00:00+08:00'].map(
      (occurredAt) => newEvent('Fact', { occurredAt }, { occurredAt }),
    );
    await store().append(stream, events, { expectedRevision: 'no_stream' });
    t.same(
      (await store().readStream(stream, { fromRevision: 1 })).map((e) => e.revision),
      [1, 2],
    );
    t.same(
      (await store().readStream(stream, { toRevision: 1 })).map((e) => e.revision),
      [0, 1],
    );
    t.same(
      (await store().readStream(stream, { until: '2026-02-01T02:00:00Z' })).map((e) => e.revision),
      [0, 1],
    );
    t.same(
      (await store().readStream(stream, { until: '2026-02-01T02:00:00.000001Z' })).map((e) => e.revision),
      [0, 1],
      'offsets and fractions compare as instants',
    );
    // Only ISO 8601 with an offset: no host or session time zone decides what an "as of" means.
    for (const until of ['Feb 1 2026', '2026-02-01T10:00:00', '2026-02-30T10:00:00Z', '2026-02-01']) {
      await t.rejects(store().readStream(stream, { until }), InvalidEventError, `until ${until}`);
    }
  });

  t.test('expected revision is enforced', async (t) => {
    const stream = uniqueStream();
    await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    await t.rejects(store().append(stream, [newEvent()], { expectedRevision: 'no_stream' }), ConcurrencyError);
    await t.rejects(store().append(stream, [newEvent()], { expectedRevision: 5 }), {
      name: 'ConcurrencyError',
      actual: 0,
      expected: 5,
    });
    await t.rejects(store().append(uniqueStream(), [newEvent()], { expectedRevision: 0 }), {
      name: 'ConcurrencyError',
      actual: 'no_stream',
    });
    const any = await store().append(stream, [newEvent()], { expectedRevision: 'any' });
    t.equal(any.nextRevision, 1);
    t.equal((await store().readStream(stream)).length, 2);
  });

  t.test('32 concurrent appends at the same expected revision: exactly one wins', async (t) => {
    const stream = uniqueStream();
    await store().append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) => store().append(stream, [newEvent('Raced', { i })], { expectedRevision: 0 })),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    t.equal(won.length, 1);
    t.equal(lost.length, 31);
    t.ok(
      lost.every((o) => o.reason instanceof ConcurrencyError),
      'every loser gets ConcurrencyError',
    );
    t.equal((await store().readStream(stream)).length, 2);
  });

  t.test('32 concurrent appends with expected revision any: all land, revisions 0..31 without gaps', async (t) => {
    const stream = uniqueStream();
    await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        store().append(stream, [newEvent('Any', { i })], { expectedRevision: 'any' }),
      ),
    );
    const events = await store().readStream(stream);
    t.same(
      events.map((e) => e.revision),
      Array.from({ length: 32 }, (_, i) => i),
    );
  });

  t.test('re-appending the same event ids returns the original result and appends nothing', async (t) => {
    const stream = uniqueStream();
    const batch = [newEvent('A'), newEvent('B')];
    const original = await store().append(stream, batch, { expectedRevision: 'no_stream' });
    await store().append(stream, [newEvent('C')], { expectedRevision: 1 });
    t.same(await store().append(stream, batch, { expectedRevision: 'no_stream' }), original, 'same expected revision');
    t.same(await store().append(stream, batch, { expectedRevision: 'any' }), original, 'any');
    t.same(await store().append(stream, batch, { expectedRevision: 2 }), original, 'current revision');
    t.equal((await store().readStream(stream)).length, 3);
    const retried = await Promise.all(
      Array.from({ length: 8 }, () => store().append(stream, batch, { expectedRevision: 0 })),
    );
    t.ok(
      retried.every((r) => r.nextRevision === original.nextRevision && r.position === original.position),
      'concurrent retries agree',
    );
    await t.rejects(
      store().append(stream, [batch[0] as NewEvent, newEvent('D')], { expectedRevision: 'any' }),
      DuplicateEventIdError,
    );
    t.equal((await store().readStream(stream)).length, 3);
  });

  t.test('identical appends at the same moment all return the one original result', async (t) => {
    // A timer fired twice, or a retry racing its original: nobody has seen the first reply yet.
    for (const expectedRevision of ['no_stream', 'any', 0] as const) {
      const stream = uniqueStream();
      if (expectedRevision === 0) await store().append(stream, [newEvent('Seed')], { expectedRevision: 'no_stream' });
      const batch = [newEvent('A'), newEvent('B')];
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store().append(stream, batch, { expectedRevision })),
      );
      t.ok(
        results.every((r) => r.nextRevision === results[0]?.nextRevision && r.position === results[0]?.position),
        `${String(expectedRevision)}: every caller gets the same result`,
      );
      const stored = await store().readStream(stream);
      t.same(
        stored.filter((e) => e.type !== 'Seed').map((e) => e.id),
        batch.map((e) => e.id),
        `${String(expectedRevision)}: stored once`,
      );
      t.equal(results[0]?.position, stored.at(-1)?.position, `${String(expectedRevision)}: the original position`);
    }
  });

  t.test('an event id already used in another stream', async (t) => {
    const event = newEvent();
    const first = uniqueStream();
    const second = uniqueStream();
    await store().append(first, [event], { expectedRevision: 'no_stream' });
    if (capabilities.eventIdsUniqueAcrossStreams) {
      await t.rejects(store().append(second, [event], { expectedRevision: 'no_stream' }), DuplicateEventIdError);
      t.same(await store().readStream(second), [], 'refused: ids are unique across the log');
    } else {
      await store().append(second, [event], { expectedRevision: 'no_stream' });
      t.same(
        (await store().readStream(second)).map((e) => e.id),
        [event.id],
        'accepted: ids are unique within a stream only (AdapterCapabilities)',
      );
    }
    t.same(
      (await store().readStream(first)).map((e) => e.id),
      [event.id],
      'the first stream is untouched',
    );
  });

  t.test('the known-stream hint: a fresh read replaces the id look-up, a stale one changes nothing', async (t) => {
    const stream = uniqueStream();
    const created = await store().append(stream, [newEvent()], {
      expectedRevision: 'no_stream',
      known: { revision: -1, eventIds: [] },
    });
    t.equal(created.nextRevision, 0);
    const history = await store().readStream(stream);
    const batch = [newEvent('A')];
    const known = { revision: 0, eventIds: history.map((e) => e.id) };
    const appended = await store().append(stream, batch, { expectedRevision: 0, known });
    t.equal(appended.nextRevision, 1);
    t.same(await store().append(stream, batch, { expectedRevision: 0, known }), appended, 'a retry with the same hint');
    await t.rejects(
      store().append(stream, [newEvent()], { expectedRevision: 0, known }),
      { name: 'ConcurrencyError', actual: 1 },
      'a stale hint does not let a conflicting append through',
    );
    t.equal((await store().readStream(stream)).length, 2);
  });

  t.test('bad input is refused before it reaches the store', async (t) => {
    const stream = uniqueStream();
    const bad: Array<[string, NewEvent]> = [
      ['undefined value', { ...newEvent(), data: { x: undefined } as never }],
      ['NaN', { ...newEvent(), data: { x: Number.NaN } }],
      ['Date object', { ...newEvent(), data: { at: new Date(0) } as never }],
      ['bigint', { ...newEvent(), data: { n: 1n } as never }],
      ['NUL in a string', { ...newEvent(), data: { s: 'a\u0000b' } }],
      ['lone high surrogate', { ...newEvent(), data: { s: 'a\ud800b' } }],
      ['lone low surrogate in metadata', { ...newEvent(), metadata: { ...newEvent().metadata, reason: '\udc00' } }],
      ['lone surrogate in a key', { ...newEvent(), data: { ['k\ud800']: 1 } }],
      ['oversized data', newEvent('Big', { blob: 'x'.repeat(300 * 1024) })],
      ['not a uuid', { ...newEvent(), id: 'abc' }],
      ['lower-case type', { ...newEvent(), type: 'thing' }],
    ];
    for (const [label, event] of bad) {
      await t.rejects(store().append(stream, [event], { expectedRevision: 'any' }), InvalidEventError, label);
    }
    await t.rejects(
      store().append('no dash', [newEvent()], { expectedRevision: 'any' }),
      InvalidEventError,
      'stream name',
    );
    await t.rejects(store().append(stream, [], { expectedRevision: 'any' }), InvalidEventError, 'empty append');
    // Five events under the per-event limit but over 1 MiB together (EventStoreDB's MaxAppendSize).
    const bulky = Array.from({ length: 5 }, () => newEvent('Bulky', { blob: 'x'.repeat(250 * 1024) }));
    await t.rejects(
      store().append(stream, bulky, { expectedRevision: 'any' }),
      { name: 'InvalidEventError', field: 'events', message: /limit is 1048576/ },
      'whole append over the limit',
    );
    t.same(await store().readStream(stream), [], 'nothing was stored');
    await store().append(stream, [newEvent('Fine', { s: '宗地 😀' })], { expectedRevision: 'any' });
    t.equal((await store().readStream(stream))[0]?.data['s'], '宗地 😀', 'a surrogate pair is fine');
  });

  t.test('readAll: stable global order, filters, and paging that neither skips nor repeats', async (t) => {
    const prefix = `acct${randomUUID().slice(0, 8)}-`;
    const streams = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
    for (let round = 0; round < 4; round++) {
      for (const stream of streams) {
        await store().append(
          stream,
          [newEvent(round % 2 === 0 ? 'Even' : 'Odd', { round }, {}), newEvent('Tick', { round })],
          { expectedRevision: 'any' },
        );
      }
    }
    const all = await drain(store(), { streamPrefix: prefix, limit: 1000 });
    t.equal(all.length, 24);
    for (const stream of streams) {
      t.same(
        all.filter((e) => e.stream === stream).map((e) => e.revision),
        [0, 1, 2, 3, 4, 5, 6, 7],
        `${stream} in revision order`,
      );
    }
    const paged = await drain(store(), { streamPrefix: prefix, limit: 5 });
    t.same(
      paged.map((e) => e.id),
      all.map((e) => e.id),
      'pages of 5 give the same sequence',
    );
    const again = await drain(store(), { streamPrefix: prefix, limit: 7 });
    t.same(
      again.map((e) => e.id),
      all.map((e) => e.id),
      'a second read gives the same order',
    );
    const typed = await drain(store(), { streamPrefix: prefix, types: ['Even'], limit: 3 });
    t.same(
      typed.map((e) => [e.stream, e.data.round]),
      all.filter((e) => e.type === 'Even').map((e) => [e.stream, e.data.round]),
    );
    const byType = await drain(store(), { types: ['Odd'], limit: 1000 });
    t.ok(
      byType.filter((e) => e.stream.startsWith(prefix)).length === 6 && byType.every((e) => e.type === 'Odd'),
      'type filter alone',
    );
  });

  t.test('checkpoints are ordered by the store; backlog counts what is left to read', async (t) => {
    const type = `Backlog${randomUUID().slice(0, 8)}`;
    const stream = uniqueStream('backlog');
    await store().append(stream, [newEvent(type, { n: 1 })], { expectedRevision: 'no_stream' });
    await store().append(stream, [newEvent(type, { n: 2 })], { expectedRevision: 0 });
    await store().append(stream, [newEvent(type, { n: 3 })], { expectedRevision: 1 });
    const events = await drain(store(), { types: [type], limit: 10 });
    const [p1, p2, p3] = events.map((e) => e.position) as [string, string, string];
    const cmp = (a: string | null, b: string | null) => Math.sign(store().compareCheckpoints(a, b));
    t.same(
      [cmp(p1, p2), cmp(p2, p2), cmp(p3, p1), cmp(null, p1), cmp(p1, null), cmp(null, null)],
      [-1, 0, 1, -1, 1, 0],
    );
    t.throws(() => store().compareCheckpoints('not-a-position', null), InvalidEventError);
    const backlog = await store().backlog(p1, { types: [type], cap: 10 });
    t.same(
      backlog,
      { events: 2, capped: false, oldestRecordedAt: events[1]?.metadata.recordedAt },
      'two after the first',
    );
    t.same(await store().backlog(p1, { types: [type], cap: 1 }), {
      events: 1,
      capped: true,
      oldestRecordedAt: events[1]?.metadata.recordedAt,
    });
    t.same(await store().backlog(p3, { types: [type], cap: 10 }), { events: 0, capped: false, oldestRecordedAt: null });
  });

  t.test('waitForEvents wakes on a new event and times out without one', async (t) => {
    const prefix = `wait${randomUUID().slice(0, 8)}-`;
    await store().append(`${prefix}x`, [newEvent()], { expectedRevision: 'any' });
    const { next } = await readToEnd(store());
    const started = Date.now();
    await store().waitForEvents(next, { timeoutMs: 300 });
    t.ok(Date.now() - started >= 250, 'waited for the timeout when nothing came');
    const waiting = store().waitForEvents(next, { timeoutMs: 10_000 });
    setTimeout(() => void store().append(`${prefix}y`, [newEvent()], { expectedRevision: 'any' }), 50);
    const woke = Date.now();
    await waiting;
    t.ok(Date.now() - woke < 5_000, 'woke up on the append');
    const aborted = new AbortController();
    const pending = store().waitForEvents((await readToEnd(store())).next, {
      timeoutMs: 60_000,
      signal: aborted.signal,
    });
    aborted.abort();
    await pending;
    t.pass('an abort ends the wait');
  });

  t.test(
    '16 concurrent writers while a consumer tails readAll: every committed event seen once, in stream order',
    async (t) => {
      const seed = Number(process.env.TAIL_SEED ?? Math.floor(Math.random() * 2 ** 31));
      t.comment(`randomized interleaving, replay with TAIL_SEED=${seed}`);
      const result = await tailConcurrentWriters(store(), { writers: 16, appendsPerWriter: 25, pageSize: 7, seed });
      t.equal(result.missing, 0, 'no committed event skipped');
      t.equal(result.duplicated, 0, 'no event seen twice');
      t.equal(result.outOfOrder, 0, 'each stream in revision order');
      t.ok(result.committed > 300, `committed ${result.committed} events`);
    },
  );
};

export const drain = async (store: EventStore, options: { streamPrefix?: string; types?: string[]; limit: number }) => {
  const seen = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.readAll({ ...options, after });
    seen.push(...page.events);
    if (page.events.length === 0) return seen;
    after = page.next;
  }
};

const readToEnd = async (store: EventStore) => {
  let after: string | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    after = page.next;
    if (page.events.length === 0) return { next: after };
  }
};
