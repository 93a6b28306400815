/**
 * GET /metrics: the app's own registry in Prometheus text format — request durations by route
 * pattern, events appended by commands (not by idempotent replays), the read side's projection
 * figures asked for at scrape time, and the process's default metrics.
 */
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import t from 'tap';
import { buildApp } from '../../src/api/app.js';
import type { ProjectionFigures } from '../../src/api/metrics/metrics.js';
import { buildTestApp } from '../helpers/app.js';
import { at } from './fixtures/parcel.js';

const logger = pino({ level: 'silent' });
const deal = { jurisdiction: 'CN-JS-3201', winnerId: 'LU-NJ-001', confirmedOn: '2026-07-01' };
const CONFIRM_DEAL = '/parcels/:parcelId/confirm-deal';

const scrape = async (app: FastifyInstance): Promise<string> => {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  if (res.statusCode !== 200) throw new Error(`/metrics answered ${res.statusCode}: ${res.body}`);
  return res.body;
};

/** The value of the one sample `name{labels…}` (labels given must all match); undefined if none. */
const sample = (text: string, name: string, labels: Record<string, string> = {}): number | undefined => {
  const found = text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === name)
    .filter((m) => {
      const given = Object.fromEntries(
        [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l): [string, string] => [l[1] ?? '', l[2] ?? '']),
      );
      return Object.entries(labels).every(([k, v]) => given[k] === v);
    });
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0] === undefined ? undefined : Number(found[0][3]);
};

t.test('request durations by route pattern; appended events counted once, not on replay', async (t) => {
  const h = await buildTestApp(t, at('2026-07-01'));
  const headers = { 'idempotency-key': 'clerk-7/deal/P-9' };
  const first = await h.command('/parcels/P-9/confirm-deal', deal, { headers });
  t.equal(first.statusCode, 201);
  const replay = await h.command('/parcels/P-9/confirm-deal', deal, { headers });
  t.equal(replay.headers['idempotent-replayed'], 'true');
  const other = await h.command('/parcels/P-10/confirm-deal', deal);
  t.equal(other.statusCode, 201);
  const refused = await h.command('/parcels/P-11/confirm-deal', { ...deal, winnerId: 42 });
  t.equal(refused.statusCode, 400);
  await h.app.inject({ method: 'GET', url: '/nowhere/P-9' });
  await h.app.inject({ method: 'GET', url: '/health' });

  const res = await h.app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
  const text = res.body;

  const count = (labels: Record<string, string>) => sample(text, 'http_request_duration_seconds_count', labels);
  t.equal(count({ method: 'POST', route: CONFIRM_DEAL, status_code: '201' }), 3, 'first, replay and P-10');
  t.equal(count({ method: 'POST', route: CONFIRM_DEAL, status_code: '400' }), 1);
  t.equal(count({ method: 'GET', route: '/health', status_code: '200' }), 1);
  t.equal(count({ method: 'GET', route: 'unmatched', status_code: '404' }), 1);
  t.equal(
    sample(text, 'http_request_duration_seconds_bucket', {
      method: 'POST',
      route: CONFIRM_DEAL,
      status_code: '201',
      le: '+Inf',
    }),
    3,
  );
  t.ok((sample(text, 'http_request_duration_seconds_sum', { route: CONFIRM_DEAL, status_code: '201' }) ?? 0) > 0);
  t.notMatch(text, /P-9|P-10|P-11|nowhere/, 'no raw URL or id in any label');

  t.equal(
    sample(text, 'ledger_events_appended_total', { aggregate: 'parcel', type: 'DealConfirmed' }),
    2,
    'P-9 once (its replay appended nothing) and P-10',
  );
  t.equal(
    text.split('\n').filter((line) => line.startsWith('ledger_events_appended_total{')).length,
    1,
    'nothing counted for the refused command',
  );

  const after = await scrape(h.app);
  t.equal(
    sample(after, 'http_request_duration_seconds_count', { method: 'GET', route: '/metrics', status_code: '200' }),
    1,
    'the scrape itself is timed too',
  );
});

t.test('projection gauges come from the source at scrape time', async (t) => {
  const app = await buildApp({ logger, readiness: [] });
  t.teardown(() => app.close());

  const before = await scrape(app);
  t.match(before, /# TYPE ledger_projection_up gauge/, 'declared before any source is set');
  t.equal(sample(before, 'ledger_projection_up', { projection: 'parcels' }), undefined, 'no series without a source');

  let parcels: ProjectionFigures = {
    name: 'parcels',
    version: 3,
    status: 'running',
    lagEvents: 12,
    lagSeconds: 1.5,
    deadLetters: 0,
  };
  let calls = 0;
  app.metrics.setProjectionSource(async () => {
    calls++;
    return [
      parcels,
      { name: 'deadlines', version: 1, status: 'failed', lagEvents: null, lagSeconds: null, deadLetters: 2 },
      { name: 'reports', version: 1, status: 'caught_up', lagEvents: 0, lagSeconds: 0, deadLetters: 0 },
    ];
  });

  const text = await scrape(app);
  t.equal(calls, 1, 'one scrape asks the source once for all four gauges');
  t.equal(sample(text, 'ledger_projection_lag_events', { projection: 'parcels' }), 12);
  t.equal(sample(text, 'ledger_projection_lag_seconds', { projection: 'parcels' }), 1.5);
  t.equal(sample(text, 'ledger_projection_dead_letters', { projection: 'parcels' }), 0);
  t.equal(sample(text, 'ledger_projection_up', { projection: 'parcels' }), 1, 'running is up');
  t.equal(sample(text, 'ledger_projection_up', { projection: 'reports' }), 1, 'caught_up is up');
  t.equal(sample(text, 'ledger_projection_up', { projection: 'deadlines' }), 0, 'failed is down');
  t.equal(sample(text, 'ledger_projection_dead_letters', { projection: 'deadlines' }), 2);
  t.equal(
    sample(text, 'ledger_projection_lag_events', { projection: 'deadlines' }),
    undefined,
    'unknown lag: no series',
  );
  t.equal(sample(text, 'ledger_projection_lag_seconds', { projection: 'deadlines' }), undefined);

  parcels = { ...parcels, status: 'stopped', lagEvents: 40 };
  const later = await scrape(app);
  t.equal(calls, 2);
  t.equal(sample(later, 'ledger_projection_lag_events', { projection: 'parcels' }), 40, 'figures of the scrape time');
  t.equal(sample(later, 'ledger_projection_up', { projection: 'parcels' }), 0);

  app.metrics.setProjectionSource(async () => [parcels]);
  const fewer = await scrape(app);
  t.equal(sample(fewer, 'ledger_projection_up', { projection: 'reports' }), undefined, 'a projection gone is gone');

  app.metrics.setProjectionSource(async () => {
    throw new Error('read models down');
  });
  const failing = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(failing.statusCode, 200, 'a failing source does not fail the scrape');
  t.equal(sample(failing.body, 'ledger_projection_up', { projection: 'parcels' }), undefined);
  t.ok(sample(failing.body, 'process_cpu_user_seconds_total') !== undefined);
});

t.test('each app has its own registry, with the default process metrics', async (t) => {
  const a = await buildApp({ logger, readiness: [] });
  const b = await buildApp({ logger, readiness: [] });
  t.teardown(async () => {
    await a.close();
    await b.close();
  });
  await a.inject({ method: 'GET', url: '/health' });
  await a.inject({ method: 'GET', url: '/health' });
  const textA = await scrape(a);
  const textB = await scrape(b);
  const health = { method: 'GET', route: '/health', status_code: '200' };
  t.equal(sample(textA, 'http_request_duration_seconds_count', health), 2);
  t.equal(sample(textB, 'http_request_duration_seconds_count', health), undefined, "a's requests are not b's");
  for (const name of [
    'process_cpu_user_seconds_total',
    'process_resident_memory_bytes',
    'nodejs_heap_size_used_bytes',
  ]) {
    t.ok(sample(textB, name) !== undefined, name);
  }
});

t.test('/metrics is an operations route in the OpenAPI document, served without a token', async (t) => {
  const app = await buildApp({ logger, readiness: [] });
  t.teardown(() => app.close());
  const doc = await app.inject({ method: 'GET', url: '/docs/json' });
  t.match(doc.json(), {
    paths: { '/metrics': { get: { tags: ['operations'], responses: { 200: { content: { 'text/plain': {} } } } } } },
  });
  const operation = doc.json<{ paths: Record<string, { get: object }> }>().paths['/metrics']?.get ?? {};
  t.notOk('security' in operation, 'no bearer token asked for, like /health');
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200, 'answered without an Authorization header');
});
