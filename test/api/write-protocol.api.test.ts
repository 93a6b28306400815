/**
 * The write protocol every command route shares: 201/200 with ETag, If-Match → 412 with the
 * current ETag, Idempotency-Key replays (and refuses reuse with another body), bounded retries
 * of concurrent writers, 401s, 404 for a missing target, 413 and 415, metadata of the actor.
 */
import t from 'tap';
import { signToken } from '../../src/api/auth/token.js';
import { buildTestApp, eventCount, TEST_SECRET } from '../helpers/app.js';
import { approveDecision, at, grantParcel, OWNER, PARCEL } from './fixtures/parcel.js';

const deal = { jurisdiction: 'CN-JS-3201', winnerId: OWNER, confirmedOn: '2026-07-01' };
const inspection = (id: string) => ({
  inspectionId: id,
  inspectedOn: '2026-07-20',
  kind: 'PERIODIC',
  inspectorId: 'insp-1',
});

t.test('201 creates the stream, ETag is the revision; the actor and envelope land in the metadata', async (t) => {
  const h = await buildTestApp(t, at('2026-07-01'));
  const res = await h.command(
    '/parcels/P-9/confirm-deal',
    { ...deal, reason: '挂牌成交', documentNo: 'CJ-2026-9' },
    {
      headers: { 'x-request-id': 'req-42' },
      name: '王科长',
    },
  );
  t.equal(res.statusCode, 201);
  t.equal(res.headers.etag, '"0"');
  t.match(res.json(), { streamId: 'parcel-P-9', revision: 0, position: String, events: [{ type: 'DealConfirmed' }] });
  const [event] = await h.db.store.readStream('parcel-P-9');
  t.match(event?.metadata, {
    actor: { id: 'grantor_admin-1', role: 'GRANTOR_ADMIN', name: '王科长', jurisdiction: '3201' },
    correlationId: 'req-42',
    reason: '挂牌成交',
    documentNo: 'CJ-2026-9',
    occurredAt: '2026-07-01T10:00:00.000+08:00',
  });
  t.equal(event?.data['parcelId'], 'P-9', 'the path fills the id');
  const mismatch = await h.command('/parcels/P-10/confirm-deal', { ...deal, parcelId: 'P-11' });
  t.match(mismatch.json(), { code: 'ID_MISMATCH', errors: [{ field: 'body.parcelId' }] });
});

t.test('If-Match: the revision decided on, or 412 with the current ETag', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await grantParcel(h);
  h.setNow(at('2026-07-20'));
  const url = `/parcels/${PARCEL}/record-site-inspection`;
  const stale = await h.command(url, inspection('I-1'), { role: 'FIELD_INSPECTOR', headers: { 'if-match': '"0"' } });
  t.equal(stale.statusCode, 412);
  t.equal(stale.headers.etag, '"1"');
  t.equal(stale.json<{ code: string }>().code, 'CONCURRENCY_CONFLICT');
  const fresh = await h.command(url, inspection('I-1'), {
    role: 'FIELD_INSPECTOR',
    headers: { 'if-match': stale.headers.etag as string },
  });
  t.equal(fresh.statusCode, 200);
  t.equal(fresh.headers.etag, '"2"');
  const bad = await h.command(url, inspection('I-2'), { role: 'FIELD_INSPECTOR', headers: { 'if-match': 'two' } });
  t.match(bad.json(), { code: 'IF_MATCH_INVALID', errors: [{ field: 'headers.if-match' }] });
  const missing = await h.command('/parcels/P-NONE/confirm-deal', deal, { headers: { 'if-match': '*' } });
  t.equal(missing.statusCode, 404, 'If-Match: * needs the stream to exist');
});

t.test('Idempotency-Key: the same request answers the same and appends once; another body is refused', async (t) => {
  const h = await buildTestApp(t, at('2026-07-01'));
  const headers = { 'idempotency-key': 'clerk-7/deal/P-9' };
  const first = await h.command('/parcels/P-9/confirm-deal', deal, { headers });
  const count = await eventCount(h);
  const again = await h.command('/parcels/P-9/confirm-deal', deal, { headers });
  t.equal(again.statusCode, 201, 'the original status');
  t.same(again.json(), first.json(), 'the original answer');
  t.equal(again.headers['idempotent-replayed'], 'true');
  t.equal(await eventCount(h), count, 'nothing appended the second time');
  const reused = await h.command('/parcels/P-9/confirm-deal', { ...deal, winnerId: 'LU-OTHER' }, { headers });
  t.equal(reused.statusCode, 422);
  t.equal(reused.json<{ code: string }>().code, 'IDEMPOTENCY_KEY_REUSED');
  t.equal(await eventCount(h), count);
});

t.test('concurrent writers without If-Match are retried, then 409; none is lost or doubled', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await grantParcel(h);
  h.setNow(at('2026-07-20'));
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      h.command(`/parcels/${PARCEL}/record-site-inspection`, inspection(`I-${i}`), { role: 'FIELD_INSPECTOR' }),
    ),
  );
  const ok = results.filter((r) => r.statusCode === 200);
  t.ok(
    results.every(
      (r) =>
        r.statusCode === 200 || (r.statusCode === 409 && r.json<{ code: string }>().code === 'CONCURRENCY_CONFLICT'),
    ),
  );
  const stream = await h.db.store.readStream(`parcel-${PARCEL}`);
  t.equal(stream.length, 2 + ok.length, 'one event per accepted command');
  t.same(new Set(ok.map((r) => r.headers.etag)).size, ok.length, 'each got its own revision');
});

t.test('401 for a missing, expired or forged token; 404, 413 and 415', async (t) => {
  const h = await buildTestApp(t, at('2026-07-01'));
  const url = '/parcels/P-9/confirm-deal';
  const none = await h.app.inject({ method: 'POST', url, payload: deal });
  t.equal(none.statusCode, 401);
  t.equal(none.json<{ code: string }>().code, 'TOKEN_MISSING');
  const expired = await signToken(
    { sub: 'a', name: 'a', role: 'GRANTOR_ADMIN', jurisdiction: '3201' },
    TEST_SECRET,
    '1m',
    new Date('2026-06-30T00:00:00Z'),
  );
  t.equal((await h.command(url, deal, { auth: `Bearer ${expired}` })).json<{ code: string }>().code, 'TOKEN_EXPIRED');
  const forged = await signToken(
    { sub: 'a', name: 'a', role: 'MINISTRY', jurisdiction: 'CN' },
    'not-the-secret-not-the-secret-not-the',
    '1h',
    new Date(),
  );
  t.equal((await h.command(url, deal, { auth: `Bearer ${forged}` })).statusCode, 401);
  t.equal(await eventCount(h), 0);

  const notFound = await h.command('/parcels/P-9/confirm-land-delivery', {
    deliveredOn: '2026-07-01',
    confirmationNo: 'JD',
  });
  t.match(notFound.json(), { status: 404, code: 'PARCEL_NOT_FOUND' });
  const big = await h.command(url, { ...deal, reason: 'x'.repeat(300_000) });
  t.equal(big.statusCode, 413);
  const token = await h.token('GRANTOR_ADMIN');
  const text = await h.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    payload: 'hello',
  });
  t.equal(text.statusCode, 415);
  const broken = await h.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: '{"jur',
  });
  t.equal(broken.statusCode, 400);
  t.equal(await eventCount(h), 0);
});

t.test('the OpenAPI document: every command with its roles and a body its own schema accepts', async (t) => {
  const h = await buildTestApp(t);
  const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<{
    paths: Record<
      string,
      { post?: { 'x-roles'?: string[]; requestBody?: { content: Record<string, { schema: { example?: unknown } }> } } }
    >;
  }>();
  const commands = Object.entries(doc.paths).filter(([, item]) => item.post !== undefined);
  t.equal(
    commands.length,
    44 + 8 + 4 + 2 + 11 + 5 + 1,
    'every command of the seven deciders (parcel, decision, credit, calendar, linkage, announcement, report obligation)',
  );
  for (const [path, item] of commands) {
    t.ok(item.post?.['x-roles']?.length, `${path} lists its roles`);
    t.not(
      item.post?.requestBody?.content['application/json']?.schema.example,
      undefined,
      `${path} has an example body`,
    );
  }
});
