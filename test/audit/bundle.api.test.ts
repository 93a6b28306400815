/**
 * Audit bundles through the API on real PostgreSQL: the NDJSON download, its manifest with the
 * newest digest and the inclusion proof of the stream's head at its cut, the offline check
 * (src/audit/bundle/verify.ts), and who may download one.
 */
import t from 'tap';
import { verifyBundle } from '../../src/audit/bundle/verify.js';
import { createDigester } from '../../src/audit/digest/digester.js';
import { approveDecision, DECISION, grantParcel, OWNER, PARCEL } from '../api/fixtures/parcel.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { untilReadable } from './digest-fixtures.js';

type Role = Parameters<TestApp['token']>[0];
const get = async (h: TestApp, url: string, options: Parameters<TestApp['token']>[1] & { role?: Role } = {}) => {
  const token = await h.token(options.role ?? 'AUDITOR', options);
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
};

t.test('a parcel bundle: manifest, proof to the digest root, every event; offline check', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await approveDecision(h);
  await grantParcel(h);

  const early = await get(h, `/parcels/${PARCEL}/audit-bundle`);
  t.equal(early.statusCode, 200, early.body);
  t.match(verifyBundle(early.body), { ok: true, root: null, events: 2 }, 'no digest yet: the chain only');
  t.match(verifyBundle(early.body, { expectedRoot: 'ab'.repeat(32) }), { ok: false });

  await untilReadable(h.db.store, h.db.connection.pool, h.db.schema);
  const recorded = await createDigester({ store: h.db.store, clock: () => new Date() }).recordNow();
  if (!recorded.recorded) throw new Error('no digest');
  // An event after the cut: in the bundle, not under the digest.
  h.setNow('2026-07-31T10:00:00+08:00');
  const paid = await h.command(`/parcels/${PARCEL}/record-payment`, {
    paymentId: 'PAY-1',
    instalmentNo: 1,
    amountFen: 115_500_000,
    paidOn: '2026-07-31',
  });
  t.equal(paid.statusCode, 200, paid.body);
  const events = 3;

  const res = await get(h, `/parcels/${PARCEL}/audit-bundle`);
  t.equal(res.statusCode, 200, res.body);
  t.match(res.headers['content-type'], /^application\/x-ndjson/);
  t.equal(res.headers['content-disposition'], `attachment; filename="parcel-${PARCEL}.audit.jsonl"`);
  const lines = res.body.trimEnd().split('\n');
  t.equal(lines.length, events + 1);
  const { manifest } = JSON.parse(lines[0] as string) as { manifest: Record<string, unknown> };
  t.match(manifest, {
    format: 'land-ledger-audit-bundle/1',
    stream: `parcel-${PARCEL}`,
    events,
    firstRevision: 0,
    lastRevision: events - 1,
    lastHash: /^[0-9a-f]{64}$/,
    eventsSha256: /^[0-9a-f]{64}$/,
    generatedBy: { id: 'auditor-1', role: 'AUDITOR' },
    digest: { digestId: recorded.digest.digestId, root: recorded.digest.root, upTo: recorded.digest.upTo },
    proof: { leaf: { stream: `parcel-${PARCEL}`, revision: 1 }, siblings: Array },
  });
  t.match(JSON.parse(lines[1] as string), {
    id: String,
    stream: `parcel-${PARCEL}`,
    revision: 0,
    position: String,
    type: 'DealConfirmed',
    data: { winnerId: OWNER },
    metadata: { hash: String, prevHash: '' },
  });
  t.match(verifyBundle(res.body, { expectedRoot: recorded.digest.root }), {
    ok: true,
    root: recorded.digest.root,
    events,
  });

  const decision = await get(h, `/decisions/${DECISION}/audit-bundle`, {
    role: 'PROVINCE_REVIEWER',
    jurisdiction: '32',
  });
  t.equal(decision.statusCode, 200, decision.body);
  t.equal(decision.headers['content-disposition'], `attachment; filename="decision-${DECISION}.audit.jsonl"`);
  t.match(verifyBundle(decision.body), { ok: true, stream: `decision-${DECISION}`, root: recorded.digest.root });

  const { rows } = await h.db.connection.pool.query<{ resource: string; outcome: string }>(
    `SELECT data->>'resource' AS resource, data->>'outcome' AS outcome FROM "${h.db.schema}".events
      WHERE type = 'AuditRecordAccessed' ORDER BY position`,
  );
  t.same(
    rows.map((r) => `${r.resource}:${r.outcome}`),
    ['parcel-audit-bundle:GRANTED', 'parcel-audit-bundle:GRANTED', 'decision-audit-bundle:GRANTED'],
  );
});

t.test('who may download: history rules, a land user only its own parcel', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await approveDecision(h);
  await grantParcel(h);
  const url = `/parcels/${PARCEL}/audit-bundle`;
  const henan = await get(h, url, { jurisdiction: '41' });
  t.equal(henan.statusCode, 403);
  t.equal(henan.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
  const stranger = await get(h, url, { role: 'LAND_USER', sub: 'LU-OTHER' });
  t.equal(stranger.statusCode, 403);
  t.equal(stranger.json<{ code: string }>().code, 'NOT_OWNER');
  t.equal((await get(h, url, { role: 'LAND_USER', sub: OWNER })).statusCode, 200, 'the owner');
  t.equal((await get(h, url, { role: 'FIELD_INSPECTOR' })).statusCode, 200, 'a Nanjing government role');
  t.equal((await get(h, `/decisions/${DECISION}/audit-bundle`, { role: 'LAND_USER', sub: OWNER })).statusCode, 403);
  t.equal((await get(h, '/parcels/NOPE/audit-bundle')).statusCode, 404);
  const anonymous = await h.app.inject({ method: 'GET', url });
  t.equal(anonymous.statusCode, 401);
  const { rows } = await h.db.connection.pool.query<{ outcome: string }>(
    `SELECT data->>'outcome' AS outcome FROM "${h.db.schema}".events WHERE type = 'AuditRecordAccessed' ORDER BY position`,
  );
  t.same(
    rows.map((r) => r.outcome),
    ['REFUSED', 'REFUSED', 'GRANTED', 'GRANTED', 'REFUSED', 'NOT_FOUND'],
  );
});
