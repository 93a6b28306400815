import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { SEED_CALENDARS } from '../../src/domain/working-calendar/seed-calendar.js';
import {
  canBid,
  creditDecider,
  creditStream,
  isEntryActiveAt,
  type CreditArchiveState,
  type CreditCommand,
} from '../../src/domain/credit/index.js';
import { handleCommand } from '../../src/eventstore/command-handler.js';
import { foldStream } from '../../src/eventstore/fold-stream.js';
import type { RecordedEvent } from '../../src/eventstore/types.js';
import { creditProjection } from '../../src/projections/credit/projection.js';
import { biddingEligibility, creditEntryView, listCreditEntries } from '../../src/projections/credit/queries.js';
import type { CreditTables } from '../../src/projections/credit/tables.js';
import { readAllCommitted } from '../helpers/events.js';
import { postgresTestStore, type TestStore } from '../helpers/postgres.js';
import { add, CreditLog, entryIdOf, liftSteps } from './fixtures/credit-events.js';

/**
 * The credit projection on real PostgreSQL: idempotent and split-invariant (full table dumps
 * compared), its bidding answer equal to the domain's canBid over every folded archive, and its
 * list paging every row exactly once in order.
 */
let ctx: TestStore;
let db: Kysely<CreditTables>;
const schemas: string[] = [];

t.before(async () => {
  ctx = await postgresTestStore({ poolMax: 4 });
  db = ctx.connection.db as unknown as Kysely<CreditTables>;
});
t.teardown(async () => {
  for (const schema of schemas) await sql.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).execute(db);
  await ctx.close();
});

interface Generation {
  readonly schema: string;
  /** The base schema whose views serve this generation, as the runner will serve it. */
  readonly served: Kysely<CreditTables>;
  apply(batch: readonly RecordedEvent[]): Promise<void>;
  dump(): Promise<string>;
  reset(): Promise<void>;
}

const generation = async (): Promise<Generation> => {
  const schema = `c_${randomBytes(5).toString('hex')}`;
  const base = `${schema}_base`;
  schemas.push(schema, base);
  await sql.raw(`CREATE SCHEMA ${schema}; CREATE SCHEMA ${base}`).execute(db);
  await creditProjection.createTables(db as Kysely<unknown>, schema);
  for (const table of creditProjection.tables) {
    await sql.raw(`CREATE VIEW ${base}.${table} AS SELECT * FROM ${schema}.${table}`).execute(db);
  }
  return {
    schema,
    served: db.withSchema(base),
    apply: (batch) =>
      db.transaction().execute((trx) =>
        creditProjection.apply(batch, {
          trx: trx.withSchema(schema) as unknown as Kysely<unknown>,
          schema,
          calendars: SEED_CALENDARS,
        }),
      ),
    dump: async () => {
      const parts = await Promise.all(
        creditProjection.tables.map((table) =>
          sql<{ rows: string | null }>`SELECT jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text)::text AS rows
                                       FROM ${sql.table(`${schema}.${table}`)} t`.execute(db),
        ),
      );
      return parts.map((part) => part.rows[0]?.rows ?? 'null').join('\n');
    },
    reset: async () => {
      await sql.raw(`TRUNCATE ${creditProjection.tables.map((table) => `${schema}.${table}`).join(', ')}`).execute(db);
    },
  };
};

/** canBid lists blocking entries in the order of the archives it is given; compare them as a set. */
const bySet = (result: {
  allowed: boolean;
  blockingEntries: readonly {
    landUserId: string;
    entryId: string;
    trigger: string;
    reason: string;
    expiresAt: string | null;
  }[];
}) => ({
  allowed: result.allowed,
  blockingEntries: result.blockingEntries
    .map(({ landUserId, entryId, trigger, reason, expiresAt }) =>
      JSON.stringify({ landUserId, entryId, trigger, reason, expiresAt }),
    )
    .sort(),
});

const T0 = Date.parse('2026-01-05T09:00:00+08:00');
const hour = (n: number): string => new Date(T0 + n * 3_600_000).toISOString();

/** The hand-made archives: own, shareholder, named-as-shareholder, fixed-term and lifted entries. */
const scenario = (): CreditCommand[] => {
  const lifted = add('LU-lift', hour(1), { trigger: 'C1', eventId: 'evt-lift' });
  return [
    add('LU-1', hour(0), { shareholders: ['SH-1', 'SH-2', 'SH-1'] }),
    add('SH-9', hour(0), { trigger: 'C5', parcelId: 'P-3201-009' }),
    add('LU-sub', hour(2), { trigger: 'C3', shareholders: ['LU-parent'] }),
    add('LU-exp', hour(2), { trigger: 'C2', expiresAt: hour(100) }),
    lifted,
    ...liftSteps(entryIdOf(lifted), [hour(10), hour(20), hour(30)]),
    add('LU-1', hour(3), { trigger: 'C1', eventId: 'evt-second', parcelId: 'P-3201-002' }),
    add('LU-1', hour(4), { shareholders: ['SH-1'] }), // the same breach again: no event
    ...liftSteps(entryIdOf(add('LU-1', hour(0))), [hour(40), hour(41), hour(42)]).slice(0, 2),
  ];
};

const landUserOf = (command: CreditCommand, log: Map<string, string>): string =>
  command.type === 'AddCreditEntry' ? command.data.landUserId : (log.get(command.data.entryId) ?? '');

let stored: readonly RecordedEvent[] = [];

t.test('events from the decider through PostgresEventStore', async (t) => {
  const owners = new Map<string, string>();
  let n = 0;
  for (const command of scenario()) {
    const landUserId = landUserOf(command, owners);
    if (command.type === 'AddCreditEntry') owners.set(entryIdOf(command), landUserId);
    await handleCommand({
      store: ctx.store,
      stream: creditStream(landUserId),
      decider: creditDecider,
      command,
      envelope: { correlationId: `c-${n++}` },
      clock: () => new Date('2026-04-01T02:00:00Z'),
    });
  }
  stored = (await readAllCommitted(ctx.store, { types: creditProjection.eventTypes, limit: 1000 })).events;
  t.equal(stored.length, 11, '6 added, 3 + 2 lift steps, the repeated breach recorded nothing');
});

const foldAll = (events: readonly RecordedEvent[]): CreditArchiveState[] => {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of events) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
  return [...byStream.values()].map((stream) => foldStream(creditDecider, stream));
};

t.test('applied twice equals applied once; split anywhere equals whole', async (t) => {
  const whole = await generation();
  await whole.apply(stored);
  const once = await whole.dump();
  await whole.apply(stored);
  t.equal(await whole.dump(), once, 'the same batch twice');

  const counts = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${sql.table(`${whole.schema}.credit_entries`)}`.execute(db);
  t.equal(counts.rows[0]?.n, 6);

  const split = await generation();
  for (let k = 0; k <= stored.length; k++) {
    await split.reset();
    await split.apply(stored.slice(0, k));
    await split.apply(stored.slice(k));
    t.equal(await split.dump(), once, `split at ${k}`);
    // Re-delivery after a crash: the second batch overlaps the first.
    await split.reset();
    await split.apply(stored.slice(0, k));
    await split.apply(stored.slice(Math.max(0, k - 3)));
    t.equal(await split.dump(), once, `overlapping split at ${k}`);
  }
  const oneByOne = await generation();
  for (const event of stored) await oneByOne.apply([event]);
  t.equal(await oneByOne.dump(), once, 'one event per batch');
});

t.test('bidding eligibility equals canBid over every folded archive', async (t) => {
  const gen = await generation();
  await gen.apply(stored);
  const archives = foldAll(stored);
  const check = async (landUserId: string, shareholders: string[], at: string) => {
    const answer = await biddingEligibility(gen.served, { landUserId, controllingShareholderIds: shareholders, at });
    const domain = canBid(archives, landUserId, shareholders, at);
    t.same(bySet(answer), bySet(domain), `${landUserId} [${shareholders.join(',')}] at ${at}`);
    return answer;
  };
  const at = hour(5);
  const own = await check('LU-1', [], at);
  t.same(
    own.blockingEntries.map((b) => [b.reason, b.trigger, b.evidenceRef.parcelId]),
    [
      ['OWN', 'C4', 'P-3201-001'],
      ['OWN', 'C1', 'P-3201-002'],
    ],
  );
  t.same((await check('LU-2', ['SH-9'], at)).blockingEntries[0]?.reason, 'CONTROLLING_SHAREHOLDER');
  t.same((await check('LU-parent', [], at)).blockingEntries[0]?.reason, 'LISTED_AS_CONTROLLING_SHAREHOLDER');
  t.same(
    (await check('SH-1', [], at)).blockingEntries.map((b) => b.reason),
    ['LISTED_AS_CONTROLLING_SHAREHOLDER'],
  );
  t.equal((await check('LU-clean', [], at)).allowed, true);
  t.equal((await check('LU-exp', [], hour(99))).allowed, false, 'before expiry');
  t.equal((await check('LU-exp', [], hour(100))).allowed, true, 'at expiry');
  t.equal((await check('LU-lift', [], hour(29))).allowed, false, 'before the lift');
  t.equal((await check('LU-lift', [], hour(30))).allowed, true, 'from the lift');
  t.equal((await check('LU-x', ['LU-lift', 'LU-exp'], hour(200))).allowed, true, 'lifted and expired');
  t.equal((await check('LU-1', [], hour(-1))).allowed, true, 'before the entries were added');
  for (const item of own.blockingEntries) t.ok(item.addedAt.length > 0);

  const entries = await listCreditEntries(gen.served, { limit: 50 });
  for (const item of entries.items) creditEntryView.parse(item);
  const liftedEntry = entries.items.find((e) => e.landUserId === 'LU-lift');
  t.match(liftedEntry, {
    status: 'LIFTED',
    verification: { documentNo: '苏自然资函〔2026〕12号' },
    lift: { announcementRef: '国土资源部公告2026年第3号', liftedAt: hour(30) },
    revision: 3,
    addedEventId: stored.find((e) => e.stream === 'credit-LU-lift')?.id,
  });
});

t.test('paging returns every row exactly once, in order, under each filter', async (t) => {
  const log = new CreditLog();
  const users = ['A', 'B', 'C', 'a', 'AA', 'B-1'];
  for (let i = 0; i < 60; i++) {
    const user = users[i % users.length] as string;
    const command = add(`LU-${user}`, hour(i % 7), {
      trigger: (['C1', 'C2', 'C3', 'C4', 'C5'] as const)[i % 5],
      eventId: `evt-${i}`,
      parcelId: `P-${i % 4}`,
      expiresAt: i % 3 === 0 ? hour(20 + i) : null,
    });
    log.run(command, `LU-${user}`);
    if (i % 4 === 0)
      for (const step of liftSteps(entryIdOf(command), [hour(8), hour(9), hour(10 + i)])) log.run(step, `LU-${user}`);
  }
  const gen = await generation();
  await gen.apply(log.events);
  const everything = await listCreditEntries(gen.served, { limit: 500 });
  t.equal(everything.items.length, 60);
  t.equal(everything.nextCursor, null);
  const key = (e: { addedAt: string; landUserId: string; entryId: string }) => [e.addedAt, e.landUserId, e.entryId];
  const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  const sorted = [...everything.items].sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    for (let i = 0; i < 3; i++) {
      const c = byteOrder(a[i] as string, b[i] as string);
      if (c !== 0) return c;
    }
    return 0;
  });
  t.same(everything.items, sorted, 'added_at, land_user_id, entry_id in byte order');

  const filters = [
    {},
    { landUserId: 'LU-A' },
    { trigger: 'C3' as const },
    { status: 'LIFTED' as const },
    { parcelId: 'P-2' },
    { activeAt: hour(12) },
    { activeAt: hour(40), trigger: 'C1' as const },
  ];
  const archives = log.archives();
  for (const filter of filters) {
    const all = await listCreditEntries(gen.served, { ...filter, limit: 500 });
    for (const limit of [1, 2, 7]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listCreditEntries(gen.served, { ...filter, limit, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((e) => `${e.landUserId}/${e.entryId}`));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      t.same(
        seen,
        all.items.map((e) => `${e.landUserId}/${e.entryId}`),
        `${JSON.stringify(filter)} limit ${limit}`,
      );
    }
    if (filter.activeAt !== undefined) {
      const expected = archives
        .flatMap((a) => (a.status === 'CLEAN' ? [] : a.entries.map((e) => ({ owner: a.landUserId, e }))))
        .filter(({ e }) => isEntryActiveAt(e, filter.activeAt) && (filter.trigger ?? e.trigger) === e.trigger)
        .map(({ owner, e }) => `${owner}/${e.entryId}`)
        .sort();
      t.same(all.items.map((e) => `${e.landUserId}/${e.entryId}`).sort(), expected, 'activeAt as isEntryActiveAt');
    }
  }
  await t.rejects(listCreditEntries(gen.served, { limit: 5, cursor: 'bm90LWEtY3Vyc29y' }), { code: 'INVALID_CURSOR' });
});

t.test('property: any history, any split: same rows, and canBid answered alike', async (t) => {
  const users = ['U1', 'U2', 'U3', 'U4'];
  const action = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      user: fc.constantFrom(...users),
      evidence: fc.integer({ min: 0, max: 5 }),
      shareholders: fc.subarray(users),
      term: fc.option(fc.integer({ min: 1, max: 30 })),
    }),
    fc.record({
      kind: fc.constantFrom('request' as const, 'verify' as const, 'lift' as const),
      user: fc.constantFrom(...users),
      entry: fc.nat(5),
    }),
  );
  const whole = await generation();
  const split = await generation();
  await fc.assert(
    fc.asyncProperty(
      fc.array(action, { maxLength: 40 }),
      fc.array(fc.nat(60), { maxLength: 4 }),
      fc.constantFrom(...users, 'U5'),
      fc.subarray(users, { maxLength: 2 }),
      fc.integer({ min: -2, max: 80 }),
      async (actions, cuts, bidder, shareholders, atHour) => {
        const log = new CreditLog();
        const entries = new Map<string, string[]>();
        actions.forEach((a, i) => {
          const now = hour(i);
          if (a.kind === 'add') {
            const command = add(a.user, now, {
              trigger: 'C4',
              eventId: `e${a.evidence}`,
              shareholders: a.shareholders.filter((s) => s !== a.user),
              expiresAt: a.term === null ? null : hour(i + a.term),
            });
            if (log.run(command, a.user)) entries.set(a.user, [...(entries.get(a.user) ?? []), entryIdOf(command)]);
            return;
          }
          const list = entries.get(a.user) ?? [];
          const entryId = list[a.entry % Math.max(1, list.length)];
          if (entryId === undefined) return;
          const [request, verify, lift] = liftSteps(entryId, [now, now, now]) as [
            CreditCommand,
            CreditCommand,
            CreditCommand,
          ];
          log.run(a.kind === 'request' ? request : a.kind === 'verify' ? verify : lift, a.user);
        });
        await whole.reset();
        await whole.apply(log.events);
        await split.reset();
        const points = [...new Set([0, ...cuts.map((c) => c % (log.events.length + 1)), log.events.length])].sort(
          (a, b) => a - b,
        );
        for (let i = 1; i < points.length; i++) await split.apply(log.events.slice(points[i - 1], points[i]));
        await split.apply(log.events); // and once more, whole: nothing changes
        if ((await split.dump()) !== (await whole.dump())) return false;

        const at = hour(atHour);
        const answer = await biddingEligibility(whole.served, {
          landUserId: bidder,
          controllingShareholderIds: shareholders,
          at,
        });
        const domain = canBid(log.archives(), bidder, shareholders, at);
        return JSON.stringify(bySet(answer)) === JSON.stringify(bySet(domain));
      },
    ),
    { numRuns: 60 },
  );
  t.pass('60 histories');
});
