/**
 * The query API over the read models, with the projection runners in-process on real PostgreSQL:
 * read-your-writes, scoping by jurisdiction and ownership, flags judged on a day, keyset pages,
 * the deadline queue, sub-resources, decisions, bidding eligibility and the operations view.
 */
import t from 'tap';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { OWNER, approveDecision, at, contract } from './fixtures/parcel.js';

const PARCELS = ['P-Q-1', 'P-Q-2', 'P-Q-3', 'P-Q-4', 'P-Q-5'];
const DECISION_ID = 'D-Q-1';

const get = async (
  h: TestApp,
  url: string,
  options: { role?: Parameters<TestApp['token']>[0]; sub?: string; jurisdiction?: string } = {},
) => {
  const token = await h.token(options.role ?? 'PATROL_POST', options);
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
};

/** Five parcels granted under one decision; returns the position of the last command. */
const grantMany = async (h: TestApp): Promise<string> => {
  await approveDecision(h, DECISION_ID, PARCELS);
  let position = '';
  for (const [i, parcelId] of PARCELS.entries()) {
    h.setNow(at('2026-07-01'));
    const deal = await h.command(
      `/parcels/${parcelId}/confirm-deal`,
      {
        jurisdiction: i === 4 ? 'CN-JS-3202' : 'CN-JS-3201',
        winnerId: i === 3 ? 'LU-OTHER' : OWNER,
        confirmedOn: '2026-07-01',
      },
      i === 4 ? { jurisdiction: '3202' } : {},
    );
    t.equal(deal.statusCode, 201, `deal ${parcelId}`);
    position = deal.json<{ position: string }>().position;
    if (i >= 2 && i !== 3) continue; // P-Q-3 (Nanjing) and P-Q-5 (3202) stay at DEAL_CONCLUDED
    h.setNow(at('2026-07-08'));
    const signed = await h.command(
      `/parcels/${parcelId}/sign-transfer-contract`,
      contract({
        decisionId: DECISION_ID,
        landUserId: i === 3 ? 'LU-OTHER' : OWNER,
        documentNo: `3201-2026-${i}`,
      }),
    );
    t.equal(signed.statusCode, 200, `contract ${parcelId}: ${signed.body.slice(0, 200)}`);
    position = signed.json<{ position: string }>().position;
  }
  return position;
};

t.test('a command then a query with its position reads the write', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  const position = await grantMany(h);
  const res = await get(h, `/parcels/P-Q-1?minPosition=${encodeURIComponent(position)}`);
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  t.equal(res.headers.etag, '"1"', 'ETag is the stream revision');
  t.ok(res.headers['x-read-position'], 'the answer names the position it reflects');
  const parcel = res.json<Record<string, unknown>>();
  t.match(parcel, {
    parcelId: 'P-Q-1',
    status: 'GRANTED',
    jurisdiction: 'CN-JS-3201',
    landUserId: OWNER,
    documentNo: '3201-2026-0',
    decisionId: DECISION_ID,
    agreedStart: '2027-01-15',
    payableFen: 231_000_000,
    paidFen: 0,
    outstandingFen: 231_000_000,
    firstUnpaidDueDate: '2026-07-31',
  });
  t.match(parcel.nextDeadline, { rule: String, dueDate: String });
  t.notOk(JSON.stringify(parcel).includes('"state"'), 'the folded state is internal');

  const projections = await h.app.inject({ method: 'GET', url: '/projections' });
  const items = projections.json<{ items: { name: string; status: string; deadLetters: number }[] }>().items;
  t.same(items.map((i) => i.name).sort(), [
    'access_log',
    'credit',
    'decisions',
    'event_index',
    'linkage_areas',
    'parcels',
    'report_obligations',
    'supply_records',
  ]);
  t.ok(items.every((i) => i.deadLetters === 0));
});

t.test('flags are judged on a day; the list filters, pages and scopes', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  const position = encodeURIComponent(await grantMany(h));
  const before = await get(h, `/parcels/P-Q-1?on=2026-07-31&minPosition=${position}`);
  t.equal(
    before.json<{ flags: { paymentOverdue: boolean } }>().flags.paymentOverdue,
    false,
    'due today is not overdue',
  );
  const after = await get(h, '/parcels/P-Q-1?on=2026-08-01');
  t.equal(after.json<{ flags: { paymentOverdue: boolean } }>().flags.paymentOverdue, true, 'the day after is');
  const late = await get(h, '/parcels/P-Q-1?on=2027-01-16');
  t.equal(late.json<{ flags: { lateStart: boolean } }>().flags.lateStart, true, 'not started after the agreed start');

  const overdue = await get(h, '/parcels?overdue=true&on=2026-08-01');
  t.same(
    overdue.json<{ items: { parcelId: string }[] }>().items.map((p) => p.parcelId),
    ['P-Q-1', 'P-Q-2', 'P-Q-4'],
  );
  const concluded = await get(h, '/parcels?status=DEAL_CONCLUDED&minPosition=' + position);
  t.same(
    concluded.json<{ items: { parcelId: string }[] }>().items.map((p) => p.parcelId),
    ['P-Q-3'],
  );
  const byContract = await get(h, '/parcels?contractNo=3201-2026-1');
  t.same(
    byContract.json<{ items: { parcelId: string }[] }>().items.map((p) => p.parcelId),
    ['P-Q-2'],
  );

  // Keyset pages: every parcel of the token's city once, in order.
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await get(h, `/parcels?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    const body = page.json<{ items: { parcelId: string }[]; nextCursor: string | null }>();
    seen.push(...body.items.map((p) => p.parcelId));
    cursor = body.nextCursor;
  } while (cursor !== null);
  t.same(seen, ['P-Q-1', 'P-Q-2', 'P-Q-3', 'P-Q-4'], '3202 parcel is outside the 3201 token');

  const other = await get(h, '/parcels/P-Q-1', { jurisdiction: '3202' });
  t.equal(other.statusCode, 404, 'a parcel outside the jurisdiction does not exist for the caller');
  const forbidden = await get(h, '/parcels?jurisdiction=3202');
  t.equal(forbidden.statusCode, 403);
  t.equal(forbidden.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
  const province = await get(h, '/parcels?jurisdiction=3202', { jurisdiction: '32' });
  t.same(
    province.json<{ items: { parcelId: string }[] }>().items.map((p) => p.parcelId),
    ['P-Q-5'],
  );

  const summary = await get(h, '/parcels/summary?on=2026-08-01');
  t.equal(summary.statusCode, 200, summary.body.slice(0, 300));
  t.match(summary.json(), {
    parcels: 4,
    byStatus: { GRANTED: 3, DEAL_CONCLUDED: 1 },
    flags: { paymentOverdue: 3, lateStart: 0, idleSuspected: 0 },
    payableFen: 3 * 231_000_000,
    outstandingFen: 3 * 231_000_000,
    on: '2026-08-01',
  });
  const country = await get(h, '/parcels/summary', { jurisdiction: 'CN' });
  t.equal(country.json<{ parcels: number }>().parcels, 5, 'the ministry sees both cities');

  const mine = await get(h, '/parcels', { role: 'LAND_USER', sub: 'LU-OTHER' });
  t.same(
    mine.json<{ items: { parcelId: string }[] }>().items.map((p) => p.parcelId),
    ['P-Q-4'],
    'a land user sees their own',
  );

  const bad = await get(h, '/parcels?cursor=bm9wZQ');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json<{ errors: { field: string }[] }>().errors[0]?.field, 'query.cursor');
  const badFlag = await get(h, '/parcels?overdue=yes');
  t.equal(badFlag.statusCode, 400);
});

t.test('the deadline queue and the parcel sub-resources', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  const position = encodeURIComponent(await grantMany(h));
  const queue = await get(h, `/deadlines?dueBefore=2026-08-01&limit=500&minPosition=${position}`);
  t.equal(queue.statusCode, 200, queue.body.slice(0, 300));
  const items = queue.json<{ items: { parcelId: string; rule: string; dueDate: string }[] }>().items;
  t.ok(items.length > 0);
  t.ok(items.every((d) => d.dueDate < '2026-08-01'));
  t.same([...items.map((d) => d.dueDate)], [...items.map((d) => d.dueDate)].sort(), 'earliest first');
  t.notOk(
    items.some((d) => d.parcelId === 'P-Q-5'),
    'other city out of scope',
  );
  const t01 = await get(h, '/deadlines?rule=T01');
  t.same(
    t01.json<{ items: { parcelId: string }[] }>().items.map((d) => d.parcelId),
    ['P-Q-3'],
    'T01 only where unsigned',
  );
  const badRule = await get(h, '/deadlines?rule=X1');
  t.equal(badRule.statusCode, 400);

  const payments = await get(h, '/parcels/P-Q-1/payments?on=2026-08-01');
  t.match(payments.json(), {
    instalments: [
      // T07 on the day asked: one day late on 1,155,000.00 yuan at 1 ‰ a day.
      { no: 1, overdue: true, daysOverdue: 1, accruedDamagesFen: 115_500 },
      { no: 2, overdue: false, daysOverdue: 0, accruedDamagesFen: 0 },
    ],
    payments: [],
  });
  for (const sub of ['deadlines', 'inspections', 'idle-cases']) {
    const res = await get(h, `/parcels/P-Q-1/${sub}`);
    t.equal(res.statusCode, 200, sub);
  }
  const missing = await get(h, '/parcels/P-NONE/deadlines');
  t.equal(missing.statusCode, 404);
});

t.test('decisions, bidding eligibility and read-your-writes limits', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  const position = encodeURIComponent(await grantMany(h));
  const decision = await get(h, `/decisions/${DECISION_ID}?minPosition=${position}`, { role: 'AUDITOR' });
  t.equal(decision.statusCode, 200, decision.body.slice(0, 300));
  const list = await get(h, `/decisions?parcel=P-Q-2`, { role: 'AUDITOR' });
  t.same(
    list.json<{ items: { decisionId: string }[] }>().items.map((d) => d.decisionId),
    [DECISION_ID],
  );
  const landUser = await get(h, `/decisions/${DECISION_ID}`, { role: 'LAND_USER', sub: OWNER });
  t.equal(landUser.statusCode, 403);

  const eligible = await get(h, `/land-users/${OWNER}/bidding-eligibility?at=2026-08-01T09:00:00%2B08:00`);
  t.match(eligible.json(), { allowed: true, blockingEntries: [] });
  const notMine = await get(h, `/land-users/${OWNER}/bidding-eligibility`, { role: 'LAND_USER', sub: 'LU-OTHER' });
  t.equal(notMine.statusCode, 403);

  const badPosition = await get(h, '/parcels/P-Q-1?minPosition=nonsense');
  t.equal(badPosition.statusCode, 400);
  t.equal(badPosition.json<{ errors: { field: string }[] }>().errors[0]?.field, 'query.minPosition');
  const started = Date.now();
  const ahead = await get(h, `/parcels/P-Q-1?minPosition=${encodeURIComponent('999999999/1')}`);
  t.equal(ahead.statusCode, 503, 'a position the read model cannot reach');
  t.equal(ahead.json<{ code: string }>().code, 'READ_MODEL_BEHIND');
  t.ok(Date.now() - started >= 1900 && Date.now() - started < 4000, 'waited about 2 s, no longer');
});
