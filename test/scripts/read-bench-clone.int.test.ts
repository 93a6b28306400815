import t from 'tap';
import type { Command, Decider, DomainEvent } from '../../src/domain/decider.js';
import {
  handleCreditCommand,
  handleDecisionCommand,
  handleParcelCommand,
} from '../../src/eventstore/aggregate-handlers.js';
import { foldStream } from '../../src/eventstore/fold-stream.js';
import type { JsonValue, RecordedEvent } from '../../src/eventstore/types.js';
import { verifyLog } from '../../src/eventstore/verify-log.js';
import { Cloner } from '../../scripts/bench/read-clone.js';
import { seedScaled } from '../../scripts/bench/read-scale.js';
import { seedTag } from '../../scripts/seed/plan.js';
import { postgresTestStore, type TestStore } from '../helpers/postgres.js';

const BASE = 40;
const PARCELS = 100; // two whole copies and a partial third
const SEED = 3;

const deciderOf = (stream: string): Decider<Command, DomainEvent, unknown> => {
  if (stream.startsWith('parcel-')) return handleParcelCommand.decider;
  if (stream.startsWith('decision-')) return handleDecisionCommand.decider;
  if (stream.startsWith('credit-')) return handleCreditCommand.decider;
  throw new Error(`unexpected stream ${stream}`);
};

const byStream = (events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const list = streams.get(event.stream) ?? [];
    list.push(event);
    streams.set(event.stream, list);
  }
  return streams;
};

let ctx: TestStore;
let events: RecordedEvent[];
let seeded: Awaited<ReturnType<typeof seedScaled>>;

t.before(async () => {
  ctx = await postgresTestStore({ poolMax: 8 });
  seeded = await seedScaled(ctx.store, { parcels: PARCELS, base: BASE, seed: SEED, concurrency: 6 });
  events = [];
  for (let after: string | null = null; ;) {
    const page = await ctx.store.readAll({ after, limit: 2_000 });
    if (page.events.length === 0) break;
    events.push(...page.events);
    after = page.next;
  }
});
t.teardown(() => ctx.close());

t.test('the copies bring the parcels to the count asked for, each under new ids', async (t) => {
  const streams = byStream(events);
  t.equal([...streams.keys()].filter((s) => s.startsWith('parcel-')).length, PARCELS);
  t.equal(seeded.parcels, PARCELS);
  t.equal(seeded.clones.copies, 2);
  t.equal(events.length, seeded.events);
  t.equal(new Set(events.map((e) => e.id)).size, events.length, 'event ids are unique');
  const tag = seedTag(String(SEED));
  const clones = [...streams.keys()].filter((s) => s.includes(`-${tag}c`));
  t.ok(clones.length > PARCELS - BASE, `${clones.length} cloned streams`);
  for (const stream of clones) {
    const text = JSON.stringify(streams.get(stream)?.map((e) => [e.data, e.metadata]));
    t.notOk(new RegExp(`-${tag}-|"${tag}:`).test(text), `${stream} names no base id`);
  }
});

t.test(
  'every stream, copies included, folds through its real decider; copies fold to the renamed original',
  async (t) => {
    const streams = byStream(events);
    const tag = seedTag(String(SEED));
    let compared = 0;
    for (const [stream, list] of streams) {
      t.same(
        list.map((e) => e.revision),
        list.map((_, i) => i),
        `${stream} has revisions 0…n`,
      );
      const state = foldStream(deciderOf(stream), list) as { status: string };
      t.not(state.status, 'NEW', `${stream} was created`);
      t.not(state.status, 'NONE', `${stream} was created`);
      const copy = new RegExp(`-${tag}c(\\d+)-`).exec(stream)?.[1];
      if (copy === undefined) continue;
      const original = streams.get(stream.replace(`-${tag}c${copy}-`, `-${tag}-`));
      if (original === undefined) {
        t.fail(`no original of ${stream}`);
        continue;
      }
      const cloner = new Cloner(tag, Number(copy));
      const expected = cloner.json(JSON.parse(JSON.stringify(foldStream(deciderOf(stream), original))) as JsonValue);
      t.same(JSON.parse(JSON.stringify(state)), expected, `${stream} folds to its original's state, renamed`);
      compared++;
    }
    t.ok(compared > 0, `${compared} copies compared`);
  },
);

t.test('every hash chain verifies', async (t) => {
  const verdict = await verifyLog(ctx.store);
  t.same(verdict.broken, []);
  t.equal(verdict.events, events.length);
});
