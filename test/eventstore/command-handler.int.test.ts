import { randomUUID } from 'node:crypto';
import t from 'tap';
import type { Command, Decider, DomainEvent } from '../../src/domain/decider.js';
import { DomainError } from '../../src/domain/errors.js';
import { handleCommand, type HandleCommandOptions } from '../../src/eventstore/command-handler.js';
import { ConcurrencyError } from '../../src/eventstore/errors.js';
import { verifyStream } from '../../src/eventstore/hash-chain.js';
import type { EventStore } from '../../src/eventstore/types.js';
import { postgresTestStore, type TestStore } from '../helpers/postgres.js';

// A deliberately tiny decider: the handler is generic, the parcel rules are tested elsewhere.
type Deposit = Command<'Deposit', { fen: number; policyVersion?: string }>;
type Deposited = DomainEvent<'Deposited', { fen: number; policyVersion?: string }>;
type Account = { status: 'OPEN'; balance: number; ids: string[] };
const account: Decider<Deposit, Deposited, Account> = {
  initialState: () => ({ status: 'OPEN', balance: 0, ids: [] }),
  decide: (command, state) => {
    if (command.data.fen <= 0) throw new DomainError('AMOUNT_NOT_POSITIVE', 'fen must be > 0', { field: 'fen' });
    if (state.balance + command.data.fen > 1000) throw new DomainError('LIMIT', 'over the limit');
    return command.data.fen === 7 ? [] : [{ type: 'Deposited', data: command.data }];
  },
  evolve: (state, event) => ({
    ...state,
    balance: state.balance + event.data.fen,
    ids: [...state.ids, event.id ?? '?'],
  }),
};

let ctx: TestStore;
t.before(async () => {
  ctx = await postgresTestStore();
});
t.teardown(() => ctx.close());

const deposit = (fen: number, extra: Partial<Deposit['data']> = {}): Deposit => ({
  type: 'Deposit',
  data: { fen, ...extra },
  context: { now: '2026-05-06T10:00:00+08:00', actor: { id: 'clerk-7', role: 'PATROL_POST' } },
});
const clock = () => new Date('2026-05-06T02:00:01.000Z');
const run = (stream: string, command: Deposit, more: Partial<HandleCommandOptions<Deposit, Deposited, Account>> = {}) =>
  handleCommand({
    store: ctx.store,
    stream,
    decider: account,
    command,
    envelope: { correlationId: 'corr-1', reason: 'test' },
    clock,
    ...more,
  });

t.test('appends the decided events with the metadata envelope and a hash chain', async (t) => {
  const stream = `account-${randomUUID()}`;
  const first = await run(stream, deposit(100, { policyVersion: 'CN-2026.1' }));
  t.equal(first.nextRevision, 0);
  const second = await run(stream, deposit(50));
  t.equal(second.nextRevision, 1);
  t.equal(second.state.balance, 150);
  const events = await ctx.store.readStream(stream);
  t.match(events[0]?.metadata, {
    actor: { id: 'clerk-7', role: 'PATROL_POST' },
    occurredAt: '2026-05-06T10:00:00+08:00',
    recordedAt: '2026-05-06T02:00:01.000Z',
    correlationId: 'corr-1',
    causationId: 'corr-1',
    reason: 'test',
    policyVersion: 'CN-2026.1',
    prevHash: '',
  });
  t.equal(events[1]?.metadata.prevHash, events[0]?.metadata.hash);
  t.equal(verifyStream(events).intact, true);
  t.equal(second.position, events[1]?.position);
});

t.test('a domain error appends nothing and is not retried', async (t) => {
  const stream = `account-${randomUUID()}`;
  await t.rejects(run(stream, deposit(-1)), { name: 'DomainError', code: 'AMOUNT_NOT_POSITIVE' });
  t.same(await ctx.store.readStream(stream), []);
});

t.test('a command that decides nothing appends nothing', async (t) => {
  const stream = `account-${randomUUID()}`;
  await run(stream, deposit(5));
  const result = await run(stream, deposit(7));
  t.same([result.nextRevision, result.events.length], [0, 0]);
});

t.test('If-Match: a stale expected revision fails at once', async (t) => {
  const stream = `account-${randomUUID()}`;
  await run(stream, deposit(10));
  await t.rejects(run(stream, deposit(10), { expectedRevision: 'no_stream' }), ConcurrencyError);
  const ok = await run(stream, deposit(10), { expectedRevision: 0 });
  t.equal(ok.nextRevision, 1);
});

t.test('the same idempotency key appends once and answers with the original result', async (t) => {
  const stream = `account-${randomUUID()}`;
  const first = await run(stream, deposit(10), { idempotencyKey: 'req-1' });
  await run(stream, deposit(20));
  const again = await run(stream, deposit(10), { idempotencyKey: 'req-1' });
  t.same([again.replayed, again.nextRevision, again.position], [true, first.nextRevision, first.position]);
  const parallel = await Promise.all(
    Array.from({ length: 6 }, () => run(stream, deposit(10), { idempotencyKey: 'req-2', maxAttempts: 10 })),
  );
  t.equal(new Set(parallel.map((r) => r.position)).size, 1, 'concurrent duplicates agree on one append');
  t.same(
    (await ctx.store.readStream(stream)).map((e) => e.data.fen),
    [10, 20, 10],
  );
});

t.test('concurrent commands are retried on a version conflict until they all land', async (t) => {
  const stream = `account-${randomUUID()}`;
  const results = await Promise.all(Array.from({ length: 8 }, () => run(stream, deposit(10), { maxAttempts: 20 })));
  t.same(
    results.map((r) => r.nextRevision).sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7],
  );
  const events = await ctx.store.readStream(stream);
  t.equal(verifyStream(events).intact, true, 'the chain holds across retried appends');
});

t.test('the retry is bounded: the rule is checked again on the new state', async (t) => {
  const stream = `account-${randomUUID()}`;
  await run(stream, deposit(990));
  const outcomes = await Promise.allSettled([
    run(stream, deposit(10), { maxAttempts: 5 }),
    run(stream, deposit(10), { maxAttempts: 5 }),
  ]);
  t.same(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected']);
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  t.match(rejected?.reason, { code: 'LIMIT' }, 'the loser re-decided on the new balance instead of appending blindly');
});

t.test('passes what its read learnt to append, so an adapter without an id index need not read again', async (t) => {
  const stream = `account-${randomUUID()}`;
  const seen: unknown[] = [];
  const inner = ctx.store;
  const store: EventStore = {
    readStream: (...args) => inner.readStream(...args),
    readAll: (...args) => inner.readAll(...args),
    waitForEvents: (...args) => inner.waitForEvents(...args),
    compareCheckpoints: (a, b) => inner.compareCheckpoints(a, b),
    backlog: (...args) => inner.backlog(...args),
    ping: () => inner.ping(),
    close: () => inner.close(),
    append: (...args) => {
      seen.push(args[2]);
      return inner.append(...args);
    },
  };
  await run(stream, deposit(100), { store });
  const [created] = await ctx.store.readStream(stream);
  await run(stream, deposit(50), { store });
  t.same(seen, [
    { expectedRevision: 'no_stream', known: { revision: -1, eventIds: [] } },
    { expectedRevision: 0, known: { revision: 0, eventIds: [created?.id] } },
  ]);
});
