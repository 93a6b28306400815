/**
 * The decision read model on real PostgreSQL: events made by the domain's decider (the examples'
 * Nanjing decision, varied per decision), applied in batches. A batch applied twice equals once,
 * a batch split anywhere equals the whole, the queries filter and page every row once in order,
 * and the reserve price appears in no row and no view before it is disclosed after the deal.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import t from 'tap';
import { SEED_CALENDARS } from '../../src/domain/working-calendar/seed-calendar.js';
import { connectPostgres } from '../../src/db/connect.js';
import {
  DECISION_COMMANDS,
  decisionDecider,
  reservePriceCommitment,
  type DecisionCommand,
  type DecisionEvent,
  type DecisionState,
} from '../../src/domain/decision/index.js';
import * as example from '../../src/domain/decision/examples.js';
import type { JsonObject, RecordedEvent } from '../../src/eventstore/types.js';
import { InvalidCursorError } from '../../src/projections/paging.js';
import { decisionsProjection } from '../../src/projections/decisions/projection.js';
import {
  decisionSummary,
  decisionView,
  getDecision,
  listDecisions,
  type DecisionSummary,
  type ListDecisionsOptions,
} from '../../src/projections/decisions/queries.js';
import type { DecisionTables } from '../../src/projections/decisions/tables.js';
import { metadata } from '../helpers/events.js';
import { testDatabaseUrl } from '../helpers/postgres.js';

// ---- events from the decider ----

/** 1 259 876 543.21 yuan: digits that occur nowhere else in the fixtures. */
const SECRET_FEN = 125_987_654_321;
const SALT = 'c0ffee5a1t0123456789abcdef0a1b2c3d';
const SECRET_FORMS = [String(SECRET_FEN), '1259876543.21', '1,259,876,543.21', SALT];
const CIPHERTEXT = example.decideReservePrice.sealed.ciphertext;
const NOW = '2026-07-01T00:00:00+08:00';

interface Spec {
  readonly id: string;
  readonly jurisdiction: string;
  readonly heldAt: string;
  readonly parcelId: string;
  /** How many of the example's eight commands, in order. */
  readonly steps: number;
  readonly inspector?: string;
  readonly extraAgendaParcels?: readonly string[];
}

const SPECS: readonly Spec[] = [
  {
    id: 'D-A',
    jurisdiction: 'CN-JS-3201',
    heldAt: '2026-05-12T09:00:00+08:00',
    parcelId: 'P-A',
    steps: 8,
    extraAgendaParcels: ['P-A2'],
  },
  { id: 'D-B', jurisdiction: 'CN-JS-3201', heldAt: '2026-05-12T09:00:00+08:00', parcelId: 'P-B', steps: 7 },
  // The same instant as D-A and D-B, written in UTC: a three-way tie broken by the id.
  { id: 'D-G', jurisdiction: 'CN-JS-3201', heldAt: '2026-05-12T01:00:00Z', parcelId: 'P-G', steps: 3 },
  { id: 'D-C', jurisdiction: 'CN-JS-320115', heldAt: '2026-04-01T09:30:00+08:00', parcelId: 'P-C', steps: 6 },
  {
    id: 'D-D',
    jurisdiction: 'CN-JS-3202',
    heldAt: '2026-03-15T10:00:00+08:00',
    parcelId: 'P-D',
    steps: 4,
    inspector: '钱书记',
  },
  { id: 'D-E', jurisdiction: 'CN-ZJ-3301', heldAt: '2026-02-10T14:00:00+08:00', parcelId: 'P-E', steps: 2 },
  // A second decision on D-B's parcel.
  { id: 'D-F', jurisdiction: 'CN-JS-3201', heldAt: '2026-01-20T09:00:00+08:00', parcelId: 'P-B', steps: 1 },
];

type CommandType = DecisionCommand['type'];

const commandsOf = (spec: Spec): [CommandType, unknown, string][] => {
  const plan = `SP-${spec.id}`;
  const proposalId = `PR-${spec.id}`;
  const parcelId = spec.parcelId;
  const inspector = spec.inspector ?? '陈书记';
  const group = 'RESERVE_PRICE_GROUP';
  const admin = 'GRANTOR_ADMIN';
  return [
    [
      'HoldMeeting',
      {
        ...example.holdMeeting,
        decisionId: spec.id,
        jurisdiction: spec.jurisdiction,
        heldAt: spec.heldAt,
        participants: example.holdMeeting.participants.map((p) =>
          p.department === 'DISCIPLINE_INSPECTION' ? { ...p, person: inspector } : p,
        ),
        agenda: { parcelIds: [parcelId, ...(spec.extraAgendaParcels ?? [])], supplyPlanIds: [plan] },
      },
      'GOV_APPROVER',
    ],
    ['RecordOpinion', { ...example.recordOpinion, person: inspector, item: { kind: 'SUPPLY_PLAN', id: plan } }, admin],
    ['SubmitReservePriceProposal', { ...example.submitReservePriceProposal, proposalId, parcelId }, admin],
    ['ApproveSupplyPlan', { ...example.approveSupplyPlan, supplyPlanId: plan, parcelIds: [parcelId] }, 'GOV_APPROVER'],
    ['DecideStartingPrice', { ...example.decideStartingPrice, parcelId, proposalId }, admin],
    [
      'DecideReservePrice',
      { ...example.decideReservePrice, parcelId, proposalId, commitment: reservePriceCommitment(SECRET_FEN, SALT) },
      group,
    ],
    ['ConcludeDeal', { ...example.concludeDeal, parcelId }, admin],
    ['DiscloseReservePrice', { ...example.discloseReservePrice, parcelId, valueFen: SECRET_FEN, salt: SALT }, group],
  ];
};

/** Each decision's events, by the decider, one command at a time. */
const decide = (spec: Spec): DecisionEvent[] => {
  let state: DecisionState = decisionDecider.initialState();
  const events: DecisionEvent[] = [];
  for (const [type, body, role] of commandsOf(spec).slice(0, spec.steps)) {
    const command = {
      type,
      data: DECISION_COMMANDS[type].schema.parse(body),
      context: { now: NOW, actor: { id: 'u-1', role } },
    } as DecisionCommand;
    for (const event of decisionDecider.decide(command, state)) {
      events.push(event);
      state = decisionDecider.evolve(state, event);
    }
  }
  return events;
};

/** The log: the decisions interleaved step by step, so a batch holds several streams. */
const LOG: readonly RecordedEvent[] = (() => {
  const perDecision = SPECS.map((spec) => ({ spec, events: decide(spec) }));
  const log: RecordedEvent[] = [];
  const longest = Math.max(...perDecision.map((d) => d.events.length));
  for (let revision = 0; revision < longest; revision++) {
    for (const { spec, events } of perDecision) {
      const event = events[revision];
      if (event === undefined) continue;
      const recordedAt = new Date(Date.UTC(2026, 5, 30, 0, 0, log.length)).toISOString();
      log.push({
        id: randomUUID(),
        type: event.type,
        data: event.data as unknown as JsonObject,
        metadata: metadata({ occurredAt: NOW, recordedAt }),
        stream: `decision-${spec.id}`,
        revision,
        position: String(log.length + 1).padStart(8, '0'),
      });
    }
  }
  return log;
})();

// ---- database ----

const prefix = `t_${randomBytes(5).toString('hex')}`;
const GEN = `${prefix}_g1`;
const BASE = prefix;
const TABLES = decisionsProjection.tables;
const connection = connectPostgres<DecisionTables>({
  connectionString: testDatabaseUrl(),
  poolMax: 4,
  idleInTransactionTimeoutMs: 60_000,
});
const db = connection.db;
const served: Kysely<DecisionTables> = db.withSchema(BASE);

const applyBatch = (batch: readonly RecordedEvent[]) =>
  db.transaction().execute((trx) =>
    decisionsProjection.apply(batch, {
      trx: trx.withSchema(GEN) as unknown as Kysely<unknown>,
      schema: GEN,
      calendars: SEED_CALENDARS,
    }),
  );

const reset = () => sql.raw(`TRUNCATE ${TABLES.map((table) => `"${GEN}"."${table}"`).join(', ')}`).execute(db);

/** Every row of every table, as PostgreSQL's JSON of it, sorted. */
const dump = async (): Promise<Record<string, string[]>> => {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.id(GEN, table)} x`.execute(
      db,
    );
    out[table] = rows.map((row) => row.j).sort();
  }
  return out;
};

t.before(async () => {
  await sql.raw(`CREATE SCHEMA "${GEN}"; CREATE SCHEMA "${BASE}"`).execute(db);
  await decisionsProjection.createTables(db as unknown as Kysely<unknown>, GEN);
  for (const table of TABLES) {
    await sql.raw(`CREATE VIEW "${BASE}"."${table}" AS SELECT * FROM "${GEN}"."${table}"`).execute(db);
  }
});

t.teardown(async () => {
  await sql.raw(`DROP SCHEMA IF EXISTS "${BASE}" CASCADE; DROP SCHEMA IF EXISTS "${GEN}" CASCADE`).execute(db);
  await connection.close();
});

// ---- the contract ----

t.test('the projection names every decision event and its tables', async (t) => {
  t.same(new Set(decisionsProjection.eventTypes), new Set(LOG.map((e) => e.type)), 'the log holds each type');
  t.equal(decisionsProjection.eventTypes.length, 8);
  t.same([...TABLES], ['decisions', 'decision_participants', 'decision_parcels']);
  t.equal(
    LOG.length,
    SPECS.reduce((n, spec) => n + spec.steps, 0),
  );
});

let whole: Record<string, string[]> = {};

t.test('a batch applied twice equals once', async (t) => {
  await reset();
  await applyBatch(LOG);
  whole = await dump();
  t.equal(whole['decisions']?.length, SPECS.length);
  t.equal(whole['decision_participants']?.length, SPECS.length * 5);
  t.equal(whole['decision_parcels']?.length, SPECS.length + 1, "D-A's agenda names a second parcel");
  await applyBatch(LOG);
  t.same(await dump(), whole);
});

t.test('a batch split at every point equals the whole, and so does re-delivery', async (t) => {
  for (let cut = 0; cut <= LOG.length; cut++) {
    await reset();
    await applyBatch(LOG.slice(0, cut));
    await applyBatch(LOG.slice(cut));
    t.same(await dump(), whole, `split at ${cut}`);
    // The runner re-delivers from an older checkpoint after a crash: the overlap changes nothing.
    await applyBatch(LOG.slice(Math.floor(cut / 2)));
    t.same(await dump(), whole, `re-delivered from ${Math.floor(cut / 2)} after ${cut}`);
  }
  await reset();
  for (const event of LOG) await applyBatch([event]);
  t.same(await dump(), whole, 'one event at a time');
});

// ---- queries ----

const byNewest = (a: Spec, b: Spec): number =>
  Date.parse(b.heldAt) - Date.parse(a.heldAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Every page of a listing, limit rows at a time. */
const allPages = async (options: Omit<ListDecisionsOptions, 'cursor' | 'limit'>, limit: number) => {
  const items: DecisionSummary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listDecisions(served, { ...options, cursor, limit });
    t.ok(page.items.length <= limit);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return items.map((item) => item.decisionId);
};

t.test('listDecisions filters, and pages every row once in order', async (t) => {
  await reset();
  await applyBatch(LOG);
  const expect = (keep: (spec: Spec) => boolean) =>
    SPECS.filter(keep)
      .sort(byNewest)
      .map((spec) => spec.id);
  const cases: [string, Omit<ListDecisionsOptions, 'cursor' | 'limit'>, (spec: Spec) => boolean][] = [
    ['whole country', { divisionPrefix: null }, () => true],
    ["'CN' is the whole country too", { divisionPrefix: 'CN' }, () => true],
    ['Jiangsu', { divisionPrefix: '32' }, (s) => s.jurisdiction.startsWith('CN-JS')],
    ['Nanjing and its county', { divisionPrefix: '3201' }, (s) => /^CN-JS-3201/.test(s.jurisdiction)],
    ['one county', { divisionPrefix: '320115' }, (s) => s.jurisdiction === 'CN-JS-320115'],
    ['Zhejiang', { divisionPrefix: '33' }, (s) => s.jurisdiction.startsWith('CN-ZJ')],
    ['a LIKE wildcard matches nothing', { divisionPrefix: '3_' }, () => false],
    ['a parcel on two decisions', { divisionPrefix: null, parcelId: 'P-B' }, (s) => s.parcelId === 'P-B'],
    ['an agenda-only parcel', { divisionPrefix: null, parcelId: 'P-A2' }, (s) => s.id === 'D-A'],
    ['a parcel out of scope', { divisionPrefix: '3202', parcelId: 'P-B' }, () => false],
    [
      'a participant',
      { divisionPrefix: null, participantId: 'DISCIPLINE_INSPECTION:钱书记' },
      (s) => s.inspector === '钱书记',
    ],
    [
      'the usual inspector in Nanjing',
      { divisionPrefix: '3201', participantId: 'DISCIPLINE_INSPECTION:陈书记' },
      (s) => /^CN-JS-3201/.test(s.jurisdiction) && s.inspector === undefined,
    ],
    [
      'a meeting range [from, to)',
      { divisionPrefix: null, from: '2026-03-15T10:00:00+08:00', to: '2026-05-12T01:00:00Z' },
      (s) =>
        Date.parse(s.heldAt) >= Date.parse('2026-03-15T10:00:00+08:00') &&
        Date.parse(s.heldAt) < Date.parse('2026-05-12T01:00:00Z'),
    ],
    [
      'from only',
      { divisionPrefix: null, from: '2026-05-12T09:00:00+08:00' },
      (s) => s.steps >= 3 && Date.parse(s.heldAt) >= Date.parse('2026-05-12T01:00:00Z'),
    ],
    ['plan approved', { divisionPrefix: null, status: 'PLAN_APPROVED' }, (s) => s.steps >= 4],
    [
      'convened only',
      { divisionPrefix: '32', status: 'CONVENED' },
      (s) => s.steps < 4 && s.jurisdiction.startsWith('CN-JS'),
    ],
  ];
  for (const [name, options, keep] of cases) {
    const expected = expect(keep);
    for (const limit of [1, 2, 3, 50]) {
      t.same(await allPages(options, limit), expected, `${name}, pages of ${limit}`);
    }
  }
  const page = await listDecisions(served, { divisionPrefix: null, limit: 50 });
  t.equal(page.nextCursor, null);
  for (const item of page.items) t.same(decisionSummary.parse(item), item, `${item.decisionId} fits its schema`);
  t.match(
    page.items.find((item) => item.decisionId === 'D-G'),
    { heldAt: '2026-05-12T01:00:00Z', status: 'CONVENED', pricingStatus: 'PROPOSED', divisionCode: '3201' },
    'the meeting instant as the event carries it',
  );
  t.match(
    page.items.find((item) => item.decisionId === 'D-A'),
    {
      status: 'PLAN_APPROVED',
      pricingStatus: 'DISCLOSED',
      dealCount: 1,
      disclosedReserveCount: 1,
      sealedReserveCount: 0,
      parcelCount: 2,
      revision: 7,
    },
  );
  t.match(
    page.items.find((item) => item.decisionId === 'D-B'),
    {
      pricingStatus: 'DEALT',
      sealedReserveCount: 1,
      disclosedReserveCount: 0,
    },
  );
  await t.rejects(
    listDecisions(served, { divisionPrefix: null, cursor: 'bm90LWEtY3Vyc29y', limit: 2 }),
    InvalidCursorError,
  );
  const forged = Buffer.from(JSON.stringify(['yesterday', 'D-A'])).toString('base64url');
  await t.rejects(listDecisions(served, { divisionPrefix: null, cursor: forged, limit: 2 }), InvalidCursorError);
});

t.test('getDecision: the whole decision, within its scope', async (t) => {
  await reset();
  await applyBatch(LOG);
  const view = await getDecision(served, 'D-A', { divisionPrefix: '32' });
  t.ok(view);
  if (view === null) return;
  t.same(decisionView.parse(view), view, 'fits its schema');
  t.match(view, {
    decisionId: 'D-A',
    jurisdiction: 'CN-JS-3201',
    minutesNo: example.holdMeeting.minutesNo,
    attachments: example.holdMeeting.attachments,
    agenda: { parcelIds: ['P-A', 'P-A2'], supplyPlanIds: ['SP-D-A'] },
    approvedPlans: [{ supplyPlanId: 'SP-D-A', parcelIds: ['P-A'], approvedAt: example.approveSupplyPlan.approvedAt }],
    lastEventAt: LOG.filter((e) => e.stream === 'decision-D-A').at(-1)?.metadata.recordedAt,
  });
  t.same(
    view.participants.map((p) => [p.participantId, p.role, p.opinions.length]),
    example.holdMeeting.participants.map((p) => [
      `${p.department}:${p.person}`,
      p.role,
      p.department === 'DISCIPLINE_INSPECTION' ? 1 : 0,
    ]),
  );
  t.match(view.participants[4]?.opinions[0], {
    stance: 'CONDITIONAL',
    recordedAt: example.recordOpinion.recordedAt,
    item: { kind: 'SUPPLY_PLAN', id: 'SP-D-A' },
  });
  t.same(
    view.parcels.map((p) => [p.parcelId, p.onAgenda, p.supplyPlanId, p.pricingStatus]),
    [
      ['P-A', true, 'SP-D-A', 'DISCLOSED'],
      ['P-A2', true, null, 'NONE'],
    ],
  );
  t.match(view.parcels[0], {
    startingPrice: { startingPriceFen: example.decideStartingPrice.startingPriceFen },
    reservePrice: {
      status: 'DISCLOSED',
      valueFen: SECRET_FEN,
      reserveMet: true,
      verified: true,
      commitment: reservePriceCommitment(SECRET_FEN, SALT),
      disclosedAt: example.discloseReservePrice.disclosedAt,
    },
    deal: { dealPriceFen: example.concludeDeal.dealPriceFen, winner: example.concludeDeal.winner },
  });
  const sealed = await getDecision(served, 'D-B', { divisionPrefix: null });
  t.same(sealed?.parcels[0]?.reservePrice && Object.keys(sealed.parcels[0].reservePrice).sort(), [
    'biddingStartsAt',
    'commitment',
    'decidedAt',
    'groupMembers',
    'status',
    'timing',
  ]);
  t.equal(await getDecision(served, 'D-A', { divisionPrefix: '3202' }), null, 'outside the scope reads as absent');
  t.equal(await getDecision(served, 'D-A', { divisionPrefix: '320115' }), null, 'a county does not see its city');
  t.ok(await getDecision(served, 'D-C', { divisionPrefix: '3201' }), 'a city sees its county');
  t.equal(await getDecision(served, 'D-X', { divisionPrefix: null }), null);
});

// ---- secrecy ----

t.test('the reserve price is in no row and no view before its disclosure after the deal', async (t) => {
  const stream = LOG.filter((e) => e.stream === 'decision-D-A');
  const disclosedAt = stream.findIndex((e) => e.type === 'ReservePriceDisclosed');
  t.ok(disclosedAt > stream.findIndex((e) => e.type === 'DealConcluded'), 'the examples disclose after the deal');
  const everything = async () =>
    JSON.stringify([
      await dump(),
      await getDecision(served, 'D-A', { divisionPrefix: null }),
      await listDecisions(served, { divisionPrefix: null, limit: 50 }),
    ]);
  for (let k = 1; k <= stream.length; k++) {
    await reset();
    await applyBatch(stream.slice(0, k));
    const text = await everything();
    t.notOk(text.includes(CIPHERTEXT), `no ciphertext after ${stream[k - 1]?.type}`);
    t.notOk(text.includes(SALT), `no salt after ${stream[k - 1]?.type}`);
    if (k <= disclosedAt) {
      for (const form of SECRET_FORMS) t.notOk(text.includes(form), `no ${form} after ${stream[k - 1]?.type}`);
    } else {
      t.ok(text.includes(String(SECRET_FEN)), 'once disclosed the value is served (the search can find it)');
    }
  }
  // The whole log, every decision sealed but D-A: the value is D-A's only.
  await reset();
  await applyBatch(LOG.filter((e) => e.type !== 'ReservePriceDisclosed'));
  const sealed = JSON.stringify([
    await dump(),
    ...(await Promise.all(SPECS.map((s) => getDecision(served, s.id, { divisionPrefix: null })))),
    await listDecisions(served, { divisionPrefix: null, limit: 50 }),
  ]);
  for (const form of SECRET_FORMS) t.notOk(sealed.includes(form), `no ${form} anywhere while sealed`);
  t.ok(sealed.includes(reservePriceCommitment(SECRET_FEN, SALT)), 'the commitment is served while sealed');
  await t.rejects(
    sql
      .raw(
        `UPDATE "${GEN}".decision_parcels SET reserve_value_fen = 1 WHERE deal_price_fen IS NULL AND reserve_status = 'SEALED'`,
      )
      .execute(db),
    /decision_parcels_reserve_sealed/,
    'the table refuses a value on an undisclosed reserve price',
  );
});
