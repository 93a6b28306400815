import t from 'tap';
import { pino } from 'pino';
import { buildApp } from '../../src/api/app.js';

const logger = pino({ level: 'silent' });

t.test('GET /health answers while the process lives', async (t) => {
  const app = await buildApp({ logger, readiness: [] });
  const res = await app.inject({ method: 'GET', url: '/health' });
  t.equal(res.statusCode, 200);
  t.same(res.json(), { status: 'ok' });
  t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const traced = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
  t.equal(traced.headers['x-request-id'], 'abc-123', 'a caller-supplied request id is kept');
  await app.close();
});

t.test('GET /ready is 200 only when every store answers', async (t) => {
  let up = true;
  const app = await buildApp({
    logger,
    readiness: [
      { name: 'eventStore', check: async () => up },
      { name: 'readModels', check: async () => true },
    ],
  });
  const ready = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(ready.statusCode, 200);
  t.same(ready.json(), { status: 'ready', checks: { eventStore: true, readModels: true } });
  up = false;
  const down = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(down.statusCode, 503);
  t.equal(down.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(down.json(), { status: 503, code: 'NOT_READY', checks: { eventStore: false, readModels: true } });
  await app.close();
});

t.test('the OpenAPI document and Swagger UI are served under /docs', async (t) => {
  const app = await buildApp({ logger, readiness: [] });
  const doc = await app.inject({ method: 'GET', url: '/docs/json' });
  t.equal(doc.statusCode, 200);
  t.match(doc.json(), {
    openapi: /^3\./,
    info: { title: 'Land-supply supervision ledger' },
    paths: { '/health': { get: {} }, '/ready': { get: {} } },
  });
  const ui = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(ui.statusCode, 200);
  t.match(ui.headers['content-type'], /text\/html/);
  await app.close();
});

t.test('unknown routes answer with problem+json', async (t) => {
  const app = await buildApp({ logger, readiness: [] });
  const res = await app.inject({ method: 'GET', url: '/nowhere' });
  t.equal(res.statusCode, 404);
  t.match(res.json(), { status: 404, code: 'NOT_FOUND', instance: '/nowhere', type: /^https:\/\// });
  await app.close();
});
