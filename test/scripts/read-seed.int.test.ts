import { readAllCommitted } from '../helpers/events.js';
import t from 'tap';
import type { Command, Decider, DomainEvent } from '../../src/domain/decider.js';
import {
  handleCreditCommand,
  handleDecisionCommand,
  handleParcelCommand,
} from '../../src/eventstore/aggregate-handlers.js';
import { foldStream } from '../../src/eventstore/fold-stream.js';
import { handleCommand } from '../../src/eventstore/command-handler.js';
import type { EventStore, NewEvent, RecordedEvent } from '../../src/eventstore/types.js';
import { verifyLog } from '../../src/eventstore/verify-log.js';
import type { Prepared } from '../../scripts/bench/read-commands.js';
import { seededStreams, seedLifecycles, worldFor, type SeedResult } from '../../scripts/bench/read-seed.js';
import { postgresTestStore, type TestStore } from '../helpers/postgres.js';

const PARCELS = 200;
const SEED = 7;

const readEverything = async (ctx: TestStore): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for (let after: string | null = null; ;) {
    const page = await readAllCommitted(ctx.store, { after, limit: 2_000 });
    if (page.events.length === 0) return all;
    all.push(...page.events);
    after = page.next;
  }
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

const deciderOf = (stream: string): Decider<Command, DomainEvent, unknown> => {
  if (stream.startsWith('parcel-')) return handleParcelCommand.decider;
  if (stream.startsWith('decision-')) return handleDecisionCommand.decider;
  if (stream.startsWith('credit-')) return handleCreditCommand.decider;
  throw new Error(`unexpected stream ${stream}`);
};

let first: TestStore;
let second: TestStore;
let seeded: SeedResult;
let events: RecordedEvent[];

t.before(async () => {
  first = await postgresTestStore({ poolMax: 8 });
  second = await postgresTestStore({ poolMax: 8 });
  seeded = await seedLifecycles(first.store, { parcels: PARCELS, seed: SEED, concurrency: 8 });
  events = await readEverything(first);
});
t.teardown(async () => {
  await first.close();
  await second.close();
});

t.test('the seeded counts are what the store holds, and the scenario met no refusal', async (t) => {
  t.equal(seeded.parcels, PARCELS);
  t.equal(seeded.refused, 0, seeded.refusals.join('\n'));
  t.equal(events.length, seeded.events);
  const streams = [...byStream(events).keys()];
  t.equal(streams.filter((s) => s.startsWith('parcel-')).length, PARCELS);
  t.equal(streams.filter((s) => s.startsWith('decision-')).length, seeded.decisions);
  t.equal(streams.filter((s) => s.startsWith('credit-')).length, seeded.creditArchives);
  t.ok(seeded.events / PARCELS > 8 && seeded.events / PARCELS < 25, `${seeded.events / PARCELS} events a parcel`);
});

t.test('every stream folds through its real decider to a live state', async (t) => {
  const statuses = new Map<string, number>();
  let idleCases = 0;
  let creditEntries = 0;
  for (const [stream, list] of byStream(events)) {
    t.same(
      list.map((e) => e.revision),
      list.map((_, i) => i),
      `${stream} has revisions 0…n`,
    );
    const state = foldStream(deciderOf(stream), list) as { status: string; facts?: { closedIdleCases: unknown[] } };
    t.not(state.status, 'NEW', `${stream} was created`);
    t.not(state.status, 'NONE', `${stream} was created`);
    if (stream.startsWith('parcel-')) {
      statuses.set(state.status, (statuses.get(state.status) ?? 0) + 1);
      if (list.some((e) => e.type === 'IdleSuspected')) idleCases++;
    }
    if (stream.startsWith('credit-')) creditEntries += list.filter((e) => e.type === 'CreditEntryAdded').length;
  }
  t.same(Object.fromEntries(statuses), seeded.statuses, 'the reported statuses are the folded ones');
  t.ok(statuses.size >= 5, `statuses: ${[...statuses.keys()].join(', ')}`);
  t.ok(idleCases >= 1, `${idleCases} idle cases`);
  t.ok(creditEntries >= 1, `${creditEntries} credit entries`);
  t.ok(seeded.decisions >= 1, `${seeded.decisions} decisions`);
  const types = new Set(events.map((e) => e.type));
  for (const type of [
    'IdleLandConfirmed',
    'ReservePriceDecided',
    'ReservePriceDisclosed',
    'AllocationDecisionIssued',
  ]) {
    t.ok(types.has(type), `some ${type}`);
  }
  const jurisdictions = [
    ...new Set(events.flatMap((e) => (typeof e.data['jurisdiction'] === 'string' ? [e.data['jurisdiction']] : []))),
  ];
  t.ok(
    jurisdictions.some((j) => /^CN-[A-Z]{2}-\d{6}$/.test(j)),
    `county codes among ${jurisdictions.join(' ')}`,
  );
  t.ok(new Set(jurisdictions.map((j) => j.slice(0, 5))).size >= 3, 'several provinces');
});

t.test('every hash chain holds and every event carries the command envelope', async (t) => {
  const verdict = await verifyLog(first.store);
  t.same(verdict.broken, []);
  t.equal(verdict.events, events.length);
  for (const event of events) {
    const m = event.metadata;
    if (!(m.actor.id && m.occurredAt && m.recordedAt && m.correlationId && m.idempotencyKey && m.requestHash)) {
      t.fail(`${event.stream}@${event.revision} lacks envelope fields: ${JSON.stringify(m)}`);
      return;
    }
  }
  const sealed = events.find((e) => e.type === 'ReservePriceDecided');
  t.notOk(JSON.stringify(sealed?.data).includes('reservePriceFen'), 'the reserve price is stored sealed');
});

t.test('the same seed gives the same events in another schema, whatever the concurrency', async (t) => {
  const again = await seedLifecycles(second.store, { parcels: PARCELS, seed: SEED, concurrency: 3 });
  t.same(again, seeded);
  const key = (e: RecordedEvent) => `${e.stream}\u0000${String(e.revision).padStart(6, '0')}`;
  const strip = (e: RecordedEvent) => ({
    stream: e.stream,
    revision: e.revision,
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  });
  const sorted = (list: RecordedEvent[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map(strip);
  const theirs = sorted(await readEverything(second));
  const ours = sorted(events);
  t.equal(theirs.length, ours.length);
  const firstDifference = ours.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(theirs[i]));
  t.equal(firstDifference, -1, 'no event differs');
  if (firstDifference !== -1) t.same(theirs[firstDifference], ours[firstDifference]);
});

/** Just enough of a store for handleCommand: one stream at a time, in memory. */
const memoryStore = (): EventStore & { readonly streams: Map<string, RecordedEvent[]> } => {
  const streams = new Map<string, RecordedEvent[]>();
  const unused = () => Promise.reject(new Error('not used'));
  return {
    streams,
    readStream: async (stream) => [...(streams.get(stream) ?? [])],
    append: async (stream, events: readonly NewEvent[]) => {
      const list = streams.get(stream) ?? [];
      for (const event of events) list.push({ ...event, stream, revision: list.length, position: String(list.length) });
      streams.set(stream, list);
      return { nextRevision: list.length - 1, position: String(list.length - 1) };
    },
    readAll: unused,
    waitForEvents: unused,
    compareCheckpoints: () => {
      throw new Error('not used');
    },
    backlog: unused,
    ping: async () => true,
    close: async () => undefined,
  };
};

t.test('the seeder appends exactly what the command handler would for the same commands', async (t) => {
  const commands: Array<{ prepared: Prepared; key: string }> = [];
  const world = worldFor(SEED, (prepared, key) => commands.push({ prepared, key }));
  const built = new Map<string, readonly NewEvent[]>();
  for await (const seededStream of seededStreams(SEED, 30, world)) built.set(seededStream.stream, seededStream.events);
  const store = memoryStore();
  for (const { prepared, key } of commands) {
    await handleCommand({
      store,
      stream: prepared.resolved.stream,
      decider: deciderOf(prepared.resolved.stream),
      command: prepared.command,
      envelope: prepared.envelope,
      idempotencyKey: key,
      clock: () => new Date(prepared.recordedAt),
    });
  }
  t.equal(store.streams.size, built.size);
  for (const [stream, events] of built) {
    const handled = (store.streams.get(stream) ?? []).map(({ id, type, data, metadata }) => ({
      id,
      type,
      data,
      metadata,
    }));
    t.strictSame(handled, events, stream);
  }
});
