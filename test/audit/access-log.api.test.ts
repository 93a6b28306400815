/**
 * Reviewers' own access is auditable (issue 9): every read of the audit record appends an
 * AuditRecordAccessed before the answer leaves, refusals included; GET /access-log lists them to
 * the oversight roles within their jurisdiction; and a read whose record cannot be written is not
 * answered with data.
 */
import Fastify from 'fastify';
import { pino } from 'pino';
import t from 'tap';
import { recordAccess } from '../../src/api/audit/access-log.js';
import type { Actor } from '../../src/api/auth/token.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { postgresTestStore } from '../helpers/postgres.js';

const NOW = '2026-11-26T10:00:00+08:00';

const get = async (h: TestApp, url: string, role: Parameters<TestApp['token']>[0], sub: string, jurisdiction = '32') =>
  h.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${await h.token(role, { sub, jurisdiction })}` },
  });

/** The access streams of these readers today (read whole: readStream sees every committed event). */
const accessEvents = async (store: EventStore, subs: readonly string[]): Promise<RecordedEvent[]> =>
  (await Promise.all(subs.map((sub) => store.readStream(`access-2026-11-26-${sub}`)))).flat();

interface Entry {
  actor: { id: string; role: string; jurisdiction: string | null };
  resource: string;
  target: string;
  outcome: string;
  status: number;
  stream: string;
}

/** The access log as `sub` sees it once the read model holds at least `atLeast` rows for them. */
const listUntil = async (h: TestApp, query: string, sub: string, jurisdiction: string, atLeast: number) => {
  for (let i = 0; ; i++) {
    const res = await get(h, `/access-log?${query}`, 'AUDITOR', sub, jurisdiction);
    if (res.statusCode !== 200) return res;
    if (res.json<{ items: Entry[] }>().items.length >= atLeast || i > 50) return res;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

t.test('every audit read is recorded, refusals too, and the oversight roles can list them', async (t) => {
  const h = await buildTestApp(t, NOW, { readSide: true });

  const first = await get(h, '/access-log', 'AUDITOR', 'aud-js', '32');
  t.equal(first.statusCode, 200, first.body);
  const refused = await get(h, '/access-log', 'GRANTOR_ADMIN', 'officer-nj', '3201');
  t.equal(refused.statusCode, 403);
  t.equal(refused.json<{ code: string }>().code, 'ROLE_NOT_ALLOWED');
  t.equal((await get(h, '/access-log', 'LAND_USER', 'LU-1', '3201')).statusCode, 403);
  t.equal((await get(h, '/access-log', 'AUDITOR', 'aud-ha', '41')).statusCode, 200);

  const recorded = await accessEvents(h.db.store, ['aud-js', 'officer-nj', 'LU-1', 'aud-ha']);
  t.equal(recorded.length, 4, 'four reads, four records: none is answered unrecorded');
  t.ok(
    recorded.every((e) => e.type === 'AuditRecordAccessed' && typeof e.metadata.hash === 'string'),
    'hash-chained events',
  );
  const byActor = new Map(recorded.map((e) => [e.metadata.actor.id, e]));
  t.match(byActor.get('officer-nj')?.data, { resource: 'access-log', outcome: 'REFUSED', status: 403 });
  t.match(byActor.get('aud-js')?.data, { resource: 'access-log', outcome: 'GRANTED', status: 200 });
  t.equal(byActor.get('aud-js')?.stream, 'access-2026-11-26-aud-js', 'one stream per actor and day (Shanghai)');

  // The Jiangsu auditor sees the reads of Jiangsu's people (its own, the Nanjing officer's and
  // land user's refused attempts), not the Henan auditor's.
  const js = await listUntil(h, 'limit=50', 'aud-js', '32', 3);
  t.equal(js.statusCode, 200, js.body);
  const seen = js.json<{ items: Entry[] }>().items;
  t.same([...new Set(seen.map((e) => e.actor.id))].sort(), ['LU-1', 'aud-js', 'officer-nj']);
  t.ok(
    seen.some((e) => e.actor.id === 'officer-nj' && e.outcome === 'REFUSED' && e.actor.role === 'GRANTOR_ADMIN'),
    'the refusal is listed with who was refused',
  );

  const refusals = await listUntil(h, 'outcome=REFUSED', 'aud-cn', 'CN', 2);
  t.same(
    refusals
      .json<{ items: Entry[] }>()
      .items.map((e) => e.actor.id)
      .sort(),
    ['LU-1', 'officer-nj'],
  );
  const one = await listUntil(h, 'actor=aud-ha&limit=1', 'aud-cn', 'CN', 1);
  t.same(
    one.json<{ items: Entry[] }>().items.map((e) => e.actor.id),
    ['aud-ha'],
  );

  const bad = await get(h, '/access-log?outcome=MAYBE', 'AUDITOR', 'aud-js');
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { code: 'VALIDATION_FAILED' });
});

t.test('a read whose record cannot be written is not answered with the data', async (t) => {
  const db = await postgresTestStore({ poolMax: 2 });
  t.teardown(() => db.close());
  // The real store, whose appends fail (the log's disk is full, say): reads still work.
  const failing = new Proxy(db.store, {
    get: (target, key) =>
      key === 'append'
        ? () => Promise.reject(new Error('the log is unavailable'))
        : (Reflect.get(target, key) as unknown as (...a: unknown[]) => unknown).bind(target),
  }) as EventStore;
  const actor: Actor = { sub: 'aud-1', name: '审计员', role: 'AUDITOR', jurisdiction: 'CN' };
  const app = Fastify({ loggerInstance: pino({ level: 'silent' }) });
  app.decorateRequest('actor', null);
  app.decorateRequest('auditTarget', null);
  app.get(
    '/secret/:id',
    {
      onRequest: async (request) => {
        request.actor = actor;
      },
      onSend: recordAccess({ store: failing, clock: () => new Date(NOW) }, 'test-trail'),
    },
    async () => ({ trail: 'SENSITIVE-TRAIL-CONTENT' }),
  );
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'GET', url: '/secret/D-1' });
  t.equal(res.statusCode, 500);
  t.notMatch(res.body, /SENSITIVE-TRAIL-CONTENT/, 'the data did not leave unrecorded');

  // The same route with the real store answers, and the record is there.
  const ok = Fastify({ loggerInstance: pino({ level: 'silent' }) });
  ok.decorateRequest('actor', null);
  ok.decorateRequest('auditTarget', null);
  ok.get(
    '/secret/:id',
    {
      onRequest: async (request) => {
        request.actor = actor;
      },
      onSend: recordAccess({ store: db.store, clock: () => new Date(NOW) }, 'test-trail'),
    },
    async () => ({ trail: 'SENSITIVE-TRAIL-CONTENT' }),
  );
  t.teardown(() => ok.close());
  t.equal((await ok.inject({ method: 'GET', url: '/secret/D-1' })).statusCode, 200);
  const [event] = await accessEvents(db.store, ['aud-1']);
  t.match(event?.data, { resource: 'test-trail', target: 'D-1', outcome: 'GRANTED', url: '/secret/D-1' });
});
