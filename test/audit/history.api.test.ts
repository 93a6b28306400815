/**
 * History and time travel through HTTP on real PostgreSQL (issue 9): a stream's events with their
 * whole metadata in pages and by type, the hash-chain verdict (then broken by a row altered behind
 * the store's back), the parcel as it stood on a day or at a revision (folded from the log), who may
 * read what, and an AuditRecordAccessed for every audit read, refusals included.
 */
import t from 'tap';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { approveDecision, at, DECISION, grantParcel, OWNER, PARCEL } from '../api/fixtures/parcel.js';

type Role = Parameters<TestApp['token']>[0];

const get = async (h: TestApp, url: string, options: { role?: Role; sub?: string; jurisdiction?: string } = {}) => {
  const token = await h.token(options.role ?? 'AUDITOR', { jurisdiction: '32', ...options });
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
};

interface Item {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown> & { actor: Record<string, unknown> };
}
interface History {
  stream: string;
  revision: number;
  chain: { status: string; events: number; lastHash: string | null; brokenAt: unknown };
  items: Item[];
  nextCursor: string | null;
}

/** Decision, deal (2026-07-01), contract (2026-07-08), first instalment paid on 2026-07-31. */
const paidParcel = async (h: TestApp): Promise<void> => {
  await approveDecision(h);
  await grantParcel(h);
  h.setNow(at('2026-07-31'));
  const paid = await h.command(`/parcels/${PARCEL}/record-payment`, {
    paymentId: 'PAY-1',
    instalmentNo: 1,
    amountFen: 115_500_000,
    paidOn: '2026-07-31',
    documentNo: 'JK-3201-2026-0731',
    reason: '第一期出让价款到账',
  });
  if (paid.statusCode !== 200) throw new Error(`record-payment: ${paid.body}`);
  h.setNow('2026-09-01T10:00:00+08:00');
};

/**
 * The access records so far. readAll hands out only what lies below every open transaction (a
 * projection's may still be open), so read until no committed record waits behind one.
 */
const accessRecords = async (h: TestApp) => {
  for (;;) {
    const page = await h.db.store.readAll({ streamPrefix: 'access-', limit: 100 });
    const behind = await h.db.store.backlog(page.next, { types: ['AuditRecordAccessed'], cap: 1 });
    if (behind.events === 0) return page.events.map(recordOf);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const recordOf = (e: { stream: string; type: string; data: object }) => ({
  stream: e.stream,
  type: e.type,
  ...(e.data as { resource: string; target: string; outcome: string; status: number; targetJurisdiction: unknown }),
});

t.test('a parcel history: pages by revision, filters by type, shows the whole metadata', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await paidParcel(h);

  const first = await get(h, `/parcels/${PARCEL}/history?limit=2`);
  t.equal(first.statusCode, 200, first.body.slice(0, 300));
  const page1 = first.json<History>();
  t.equal(page1.stream, `parcel-${PARCEL}`);
  t.equal(page1.revision, 2, "the stream's last revision");
  t.same(
    page1.items.map((i) => [i.revision, i.type]),
    [
      [0, 'DealConfirmed'],
      [1, 'TransferContractSigned'],
    ],
  );
  t.equal(page1.nextCursor, '2');
  const contract = page1.items[1] as Item;
  t.match(contract.metadata, {
    actor: { id: 'grantor_admin-1', role: 'GRANTOR_ADMIN', name: '测试GRANTOR_ADMIN', jurisdiction: '3201' },
    occurredAt: String,
    recordedAt: String,
    correlationId: String,
    causationId: String,
    policyVersion: String,
    calendarVersion: String,
    prevHash: /^[0-9a-f]{64}$/,
    hash: /^[0-9a-f]{64}$/,
  });
  t.equal(contract.metadata.prevHash, page1.items[0]?.metadata.hash, 'each event chains to the one before');

  const second = (await get(h, `/parcels/${PARCEL}/history?limit=2&cursor=${page1.nextCursor}`)).json<History>();
  t.same(
    second.items.map((i) => [i.revision, i.type]),
    [[2, 'PaymentReceived']],
  );
  t.equal(second.nextCursor, null, 'the last page');
  t.same(second.chain, page1.chain, 'the verdict is over the whole stream, whatever the page');
  t.match(page1.chain, { status: 'ok', events: 3, lastHash: second.items[0]?.metadata.hash, brokenAt: null });

  const payments = (await get(h, `/parcels/${PARCEL}/history?type=PaymentReceived,PaymentOverdue`)).json<History>();
  t.same(
    payments.items.map((i) => i.type),
    ['PaymentReceived'],
  );
  t.match(payments.items[0], {
    data: { paymentId: 'PAY-1', amountFen: 115_500_000 },
    metadata: { documentNo: 'JK-3201-2026-0731', reason: '第一期出让价款到账', occurredAt: String },
  });
  const typed = (await get(h, `/parcels/${PARCEL}/history?type=DealConfirmed,PaymentReceived&limit=1`)).json<History>();
  t.same(
    typed.items.map((i) => i.type),
    ['DealConfirmed'],
  );
  t.equal(typed.nextCursor, '2', 'the next page starts at the next event of those types');

  for (const bad of ['limit=0', 'limit=501', 'cursor=abc', 'type=Bad%20Type']) {
    const res = await get(h, `/parcels/${PARCEL}/history?${bad}`);
    t.equal(res.statusCode, 400, bad);
    t.match(res.json(), { code: 'VALIDATION_FAILED', errors: [{ field: `querystring.${bad.split('=')[0]}` }] }, bad);
  }
  const missing = await get(h, '/parcels/P-NONE/history');
  t.equal(missing.statusCode, 404);
  t.equal(missing.json<{ code: string }>().code, 'NOT_FOUND');

  const decision = await get(h, `/decisions/${DECISION}/history`);
  t.equal(decision.statusCode, 200, decision.body.slice(0, 300));
  t.match(decision.json<History>(), { stream: `decision-${DECISION}`, chain: { status: 'ok' } });
  t.ok(decision.json<History>().items.length >= 2);
  const credit = await get(h, `/land-users/${OWNER}/credit/history`);
  t.equal(credit.statusCode, 404, 'no credit archive yet');
  t.equal(credit.json<{ code: string }>().code, 'NOT_FOUND');
});

t.test('the chain verdict: ok, then broken at the row altered behind the store', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await paidParcel(h);
  const before = (await get(h, `/parcels/${PARCEL}/history`)).json<History>();
  t.match(before.chain, { status: 'ok', events: 3, brokenAt: null });
  const victim = before.items[1] as Item;

  // A superuser can bypass the immutability trigger (replication role); the hash chain still tells.
  const client = await h.db.connection.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(
      `UPDATE "${h.db.schema}".events SET data = jsonb_set(data, '{terms,priceFen}', '1') WHERE stream = $1 AND revision = 1`,
      [`parcel-${PARCEL}`],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const after = (await get(h, `/parcels/${PARCEL}/history?limit=1`)).json<History>();
  t.same(after.chain, {
    status: 'broken',
    events: 3,
    lastHash: null,
    brokenAt: { revision: 1, eventId: victim.eventId, reason: 'hash-mismatch' },
  });
  t.equal(after.items.length, 1, 'the page still shows what the log holds');
});

t.test('the parcel as it stood on a day or at a revision, folded from the log', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await paidParcel(h);
  interface AsOf {
    parcelId: string;
    asOf: string | null;
    atRevision: number | null;
    revision: number;
    eventsFolded: number;
    status: string;
    state: Record<string, unknown>;
    deadlines: { rule: string; subject: string | null; dueDate: string; kind: string; anchorEventId: string | null }[];
    policyVersion: string | null;
    calendarVersion: string | null;
  }
  const paymentDue = (view: AsOf) => view.deadlines.filter((d) => d.subject === '1' && ['T04', 'T07'].includes(d.rule));

  const between = await get(h, `/parcels/${PARCEL}?asOf=2026-07-20`);
  t.equal(between.statusCode, 200, between.body.slice(0, 300));
  const then = between.json<AsOf>();
  t.match(then, {
    parcelId: PARCEL,
    asOf: '2026-07-20T23:59:59.999999+08:00',
    atRevision: null,
    revision: 1,
    eventsFolded: 2,
    status: 'GRANTED',
    state: { status: 'GRANTED' },
    policyVersion: String,
    calendarVersion: String,
  });
  t.match(
    paymentDue(then),
    [
      { rule: 'T04', kind: 'reminder', dueDate: '2026-07-01' },
      { rule: 'T07', kind: 'threshold', dueDate: '2026-08-01' },
    ],
    'before the payment, instalment 1 is open',
  );
  const contractId = (await h.db.store.readStream(`parcel-${PARCEL}`))[1]?.id;
  t.ok(
    paymentDue(then).every((d) => d.anchorEventId === contractId),
    'anchored on the contract',
  );

  const atRevision = (await get(h, `/parcels/${PARCEL}?atRevision=1`)).json<AsOf>();
  t.same(
    { ...atRevision, asOf: null, atRevision: null },
    { ...then, asOf: null, atRevision: null },
    'revision 1 is the same state',
  );
  const paid = (await get(h, `/parcels/${PARCEL}?asOf=2026-08-01`)).json<AsOf>();
  t.match(paid, { revision: 2, eventsFolded: 3, status: 'GRANTED' });
  t.same(paymentDue(paid), [], 'after the payment, instalment 1 is no longer open');
  t.ok(
    paid.deadlines.some((d) => d.subject === '2' && d.rule === 'T07'),
    'instalment 2 still is',
  );
  const deal = (await get(h, `/parcels/${PARCEL}?atRevision=0`)).json<AsOf>();
  t.match(deal, { status: 'DEAL_CONCLUDED', revision: 0, deadlines: [{ rule: 'T01' }] });
  const instant = (
    await get(h, `/parcels/${PARCEL}?asOf=${encodeURIComponent('2026-07-08T09:00:00+08:00')}`)
  ).json<AsOf>();
  t.match(instant, { status: 'DEAL_CONCLUDED', revision: 0 }, 'the contract was entered at 10:00');

  const both = await get(h, `/parcels/${PARCEL}?asOf=2026-07-20&atRevision=1`);
  t.equal(both.statusCode, 400);
  t.match(both.json(), { code: 'VALIDATION_FAILED', errors: [{ field: 'query.atRevision' }] });
  const badDate = await get(h, `/parcels/${PARCEL}?asOf=2026-02-30`);
  t.equal(badDate.statusCode, 400);
  t.match(badDate.json(), { errors: [{ field: 'querystring.asOf' }] });
  const early = await get(h, `/parcels/${PARCEL}?asOf=2026-06-01`);
  t.equal(early.statusCode, 404, 'no event by then');

  // Without asOf/atRevision: the current status from the read model, as before, and not recorded.
  const recorded = (await accessRecords(h)).length;
  let current = await get(h, `/parcels/${PARCEL}`, { role: 'PATROL_POST', jurisdiction: '3201' });
  for (let i = 0; i < 50 && current.json<{ revision?: number }>().revision !== 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = await get(h, `/parcels/${PARCEL}`, { role: 'PATROL_POST', jurisdiction: '3201' });
  }
  t.equal(current.statusCode, 200);
  t.match(current.json(), { parcelId: PARCEL, status: 'GRANTED', paidFen: 115_500_000, revision: 2 });
  t.notOk('eventsFolded' in current.json<object>(), 'the current view');
  t.equal(current.headers.etag, '"2"');
  t.equal((await accessRecords(h)).length, recorded, 'an ordinary status read is not an audit read');
  const records = await accessRecords(h);
  t.ok(
    records.some((r) => r.resource === 'parcel-as-of' && r.outcome === 'GRANTED' && r.target === PARCEL),
    'historical reads are recorded',
  );
  t.ok(
    records.some((r) => r.resource === 'parcel-as-of' && r.status === 400),
    'so is a refused request',
  );
});

t.test('who may read: jurisdiction, ownership, and every read recorded', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await paidParcel(h);
  const url = `/parcels/${PARCEL}/history`;

  const henan = await get(h, url, { role: 'AUDITOR', sub: 'auditor-ha', jurisdiction: '41' });
  t.equal(henan.statusCode, 403, 'a Henan auditor does not read a Nanjing parcel');
  t.equal(henan.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
  const henanAsOf = await get(h, `/parcels/${PARCEL}?atRevision=1`, { sub: 'auditor-ha', jurisdiction: '41' });
  t.equal(henanAsOf.statusCode, 403, 'nor its past');
  const henanDecision = await get(h, `/decisions/${DECISION}/history`, { sub: 'auditor-ha', jurisdiction: '41' });
  t.equal(henanDecision.statusCode, 403);
  const jiangsu = await get(h, url, { role: 'AUDITOR', sub: 'auditor-js', jurisdiction: '32' });
  t.equal(jiangsu.statusCode, 200, 'a Jiangsu auditor does');
  const ministry = await get(h, url, { role: 'MINISTRY', sub: 'ministry-1', jurisdiction: 'CN' });
  t.equal(ministry.statusCode, 200);

  const own = await get(h, url, { role: 'LAND_USER', sub: OWNER, jurisdiction: '3201' });
  t.equal(own.statusCode, 200, 'a land user reads its own parcel');
  const ownPast = await get(h, `/parcels/${PARCEL}?asOf=2026-07-20`, { role: 'LAND_USER', sub: OWNER });
  t.equal(ownPast.statusCode, 200);
  const other = await get(h, url, { role: 'LAND_USER', sub: 'LU-OTHER', jurisdiction: '3201' });
  t.equal(other.statusCode, 403, "and not another's");
  t.equal(other.json<{ code: string }>().code, 'NOT_OWNER');
  const notMyArchive = await get(h, `/land-users/${OWNER}/credit/history`, { role: 'LAND_USER', sub: 'LU-OTHER' });
  t.not(notMyArchive.statusCode, 200);

  const records = await accessRecords(h);
  const history = records.filter((r) => r.resource === 'parcel-history');
  t.same(
    history.map((r) => [r.outcome, r.status]),
    [
      ['REFUSED', 403],
      ['GRANTED', 200],
      ['GRANTED', 200],
      ['GRANTED', 200],
      ['REFUSED', 403],
    ],
    'each history read, refusals included, in order',
  );
  t.ok(
    history.every(
      (r) => r.type === 'AuditRecordAccessed' && r.target === PARCEL && r.targetJurisdiction === 'CN-JS-3201',
    ),
  );
  t.ok(
    records.some((r) => r.stream.endsWith('auditor-ha') && r.resource === 'parcel-as-of' && r.outcome === 'REFUSED'),
  );
  t.ok(records.some((r) => r.resource === 'decision-history' && r.outcome === 'REFUSED'));
  t.ok(records.some((r) => r.resource === 'credit-history'));
  t.ok(
    records.every((r) => r.stream.startsWith('access-2026-09-01-')),
    "one stream per reader and day (the server's clock)",
  );
});
