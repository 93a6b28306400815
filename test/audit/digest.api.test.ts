/**
 * Integrity routes on real PostgreSQL: a stream's chain verified on demand (and found broken after
 * an edit behind the store's back), log digests recorded by the digester and read back as the JSON
 * an auditor keeps, with who may read them.
 */
import t from 'tap';
import { createDigester } from '../../src/audit/digest/digester.js';
import { headsAt } from '../../src/audit/digest/heads.js';
import { merkleRoot } from '../../src/audit/digest/merkle.js';
import { DIGEST_STREAM } from '../../src/domain/streams.js';
import { verifyStream } from '../../src/eventstore/hash-chain.js';
import { approveDecision, grantParcel, PARCEL } from '../api/fixtures/parcel.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { untilReadable } from './digest-fixtures.js';

const get = async (
  h: TestApp,
  url: string,
  options: Parameters<TestApp['token']>[1] & { role?: Parameters<TestApp['token']>[0] } = {},
) => {
  const token = await h.token(options.role ?? 'AUDITOR', options);
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
};

t.test(
  'GET /streams/{stream}/verify: ok with the last hash, broken naming the revision; scoped like history',
  async (t) => {
    const h = await buildTestApp(t, undefined, { readSide: true });
    await approveDecision(h);
    await grantParcel(h);
    const stream = `parcel-${PARCEL}`;
    const ok = await get(h, `/streams/${stream}/verify`);
    t.equal(ok.statusCode, 200, ok.body);
    const verdict = verifyStream(await h.db.store.readStream(stream));
    t.same(ok.json(), {
      stream,
      status: 'ok',
      events: 2,
      lastHash: verdict.intact ? verdict.lastHash : null,
      brokenAt: null,
    });

    t.equal((await get(h, '/streams/parcel-NOPE/verify')).statusCode, 404);
    const henan = await get(h, `/streams/${stream}/verify`, { jurisdiction: '41' });
    t.equal(henan.statusCode, 403);
    t.equal(henan.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
    const stranger = await get(h, `/streams/${stream}/verify`, { role: 'LAND_USER', sub: 'LU-OTHER' });
    t.equal(stranger.statusCode, 403);

    const client = await h.db.connection.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `UPDATE "${h.db.schema}".events SET data = data || '{"winnerId":"LU-FORGED"}' WHERE stream = $1 AND revision = 0`,
        [stream],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const tampered = await get(h, `/streams/${stream}/verify`);
    t.equal(tampered.statusCode, 200);
    t.match(tampered.json(), { status: 'broken', lastHash: null, brokenAt: { revision: 0, reason: 'hash-mismatch' } });

    // Each read above was itself recorded in the access log.
    const { rows } = await h.db.connection.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${h.db.schema}".events WHERE type = 'AuditRecordAccessed' AND data->>'resource' = 'stream-verify'`,
    );
    t.equal(rows[0]?.n, 5);
  },
);

t.test('log digests: recorded on the chained digest stream, read back newest first, one per cut', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  const none = await get(h, '/digests/latest', { role: 'PATROL_POST' });
  t.equal(none.statusCode, 404);
  await approveDecision(h);
  await grantParcel(h);

  const clock = () => new Date('2026-07-08T03:00:00Z');
  const readable = () => untilReadable(h.db.store, h.db.connection.pool, h.db.schema);
  await readable();
  const digester = createDigester({ store: h.db.store, clock });
  const first = await digester.recordNow();
  if (!first.recorded) throw new Error(`no digest: ${JSON.stringify(first)}`);
  const { tracker } = await headsAt(h.db.store, first.digest.upTo);
  t.equal(first.digest.root, merkleRoot(tracker.sortedHeads()), 'the root of every head at the cut');
  t.equal(first.digest.events, tracker.events);
  t.match(await digester.recordNow(), { recorded: false, reason: 'unchanged' }, 'nothing moved but the digest itself');

  const latest = await get(h, '/digests/latest', { role: 'PATROL_POST', jurisdiction: '41' });
  t.equal(latest.statusCode, 200, latest.body);
  t.match(latest.json(), {
    digestId: first.digest.digestId,
    sequence: 0,
    root: first.digest.root,
    upTo: first.digest.upTo,
    streams: first.digest.streams,
    events: first.digest.events,
    recordedAt: '2026-07-08T03:00:00.000Z',
    previousRoot: null,
  });
  const landUser = await get(h, '/digests/latest', { role: 'LAND_USER', sub: 'LU-NJ-001' });
  t.equal(landUser.statusCode, 403);
  t.equal((await get(h, '/digests', { role: 'LAND_USER', sub: 'LU-NJ-001' })).statusCode, 403);

  // The reads above moved the log (the access log): a second digest links to the first; a second
  // process at the same cut, or one that computed before it, records nothing.
  await readable();
  const [a, b] = await Promise.all([
    createDigester({ store: h.db.store, clock }).recordNow(),
    createDigester({ store: h.db.store, clock }).recordNow(),
  ]);
  t.equal([a, b].filter((o) => o.recorded).length, 1, 'two processes, one digest');
  const digests = await h.db.store.readStream(DIGEST_STREAM);
  t.equal(digests.length, 2);
  t.ok(verifyStream(digests).intact, 'the digest stream is hash-chained');
  t.equal(digests[1]?.metadata.prevHash, digests[0]?.metadata.hash);

  const page1 = await get(h, '/digests?limit=1', { role: 'MINISTRY', jurisdiction: 'CN' });
  t.equal(page1.statusCode, 200, page1.body);
  const p1 = page1.json<{ items: { sequence: number; previousRoot: string | null }[]; nextCursor: string | null }>();
  t.match(p1.items, [{ sequence: 1, previousRoot: first.digest.root }]);
  t.type(p1.nextCursor, 'string');
  const page2 = await get(h, `/digests?limit=1&cursor=${p1.nextCursor}`, { role: 'MINISTRY', jurisdiction: 'CN' });
  const p2 = page2.json<{ items: { sequence: number }[]; nextCursor: string | null }>();
  t.match(p2, { items: [{ sequence: 0 }], nextCursor: null });
  t.equal((await get(h, '/digests?cursor=bad!')).statusCode, 400);
});

t.test('POST /digests: the ministry records a digest now, in its name; nothing moved, nothing recorded', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await approveDecision(h);
  await grantParcel(h);
  await untilReadable(h.db.store, h.db.connection.pool, h.db.schema);
  const post = async (role: Parameters<TestApp['token']>[0], jurisdiction = 'CN') =>
    h.app.inject({
      method: 'POST',
      url: '/digests',
      headers: { authorization: `Bearer ${await h.token(role, { jurisdiction, sub: `${role}-x` })}` },
    });
  for (const role of ['AUDITOR', 'PROVINCE_REVIEWER', 'GRANTOR_ADMIN', 'LAND_USER'] as const) {
    const refused = await post(role);
    t.equal(refused.statusCode, 403, role);
  }
  const first = await post('MINISTRY');
  t.equal(first.statusCode, 201, first.body);
  const digest = first.json<{ root: string; upTo: string; sequence: number }>();
  const [event] = await h.db.store.readStream(DIGEST_STREAM);
  t.match(event?.metadata.actor, { id: 'MINISTRY-x', role: 'MINISTRY' }, 'recorded in the name of who asked');
  t.equal(digest.root, merkleRoot((await headsAt(h.db.store, digest.upTo)).tracker.sortedHeads()));

  const again = await post('MINISTRY');
  t.equal(again.statusCode, 200, 'nothing moved: the newest digest, nothing appended');
  t.equal(again.json<{ sequence: number }>().sequence, digest.sequence);
  t.equal((await h.db.store.readStream(DIGEST_STREAM)).length, 1);
});
