/**
 * S4 §六, §九 (DOMAIN.md §10.2): the reserve price appears nowhere before the deal: not in any
 * answer to any role on any read route, not in an error, not in a log line (pino at 'trace'), not
 * in /metrics, not in any event's data or metadata, not in the read models' rows. After the deal
 * and the disclosure, the trail shows it, checked against the commitment sealed with it.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import t from 'tap';
import type { DecisionTrail } from '../../src/audit/trail-views.js';
import { ROLES } from '../../src/api/auth/roles.js';
import { DECISION_COMMANDS } from '../../src/domain/decision/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { readAllCommitted } from '../helpers/events.js';
import { concludeAndDisclose, DECISION, decideUpToReservePrice, decisionUrl, PARCEL } from './trail-scenario.js';

/** 9 876 543.21 yuan: distinctive in every spelling. */
const RESERVE_FEN = 987_654_321;
const SPELLINGS = [
  '987654321',
  '987,654,321',
  '987 654 321',
  '9876543.21',
  '9,876,543.21',
  '9876543.2',
  '987.654321', // 万元
  '9.87654321e', // 9.87654321e8 (a float printed in exponent form)
  'OTg3NjU0MzIx', // base64 of the digits
];

const leaks = (text: string): string[] => SPELLINGS.filter((s) => text.includes(s));

const tokenFor = (h: TestApp, role: (typeof ROLES)[number]) =>
  h.token(role, {
    sub: role === 'LAND_USER' ? 'LU-91320100MA1XYZ0001' : `${role.toLowerCase()}-reader`,
    jurisdiction: role === 'MINISTRY' ? 'CN' : role === 'PROVINCE_REVIEWER' ? '32' : '3201',
  });

t.test('the reserve price leaks nowhere before the deal, and is verified after it', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'trace' }, sink);
  const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00', { readSide: true, logger });
  const position = await decideUpToReservePrice(h, RESERVE_FEN);
  const q = `minPosition=${encodeURIComponent(position)}`;

  // Commands that fail while it is sealed: the answers must not echo it.
  const { sealed: _s, commitment: _c, ...decide } = DECISION_COMMANDS.DecideReservePrice.example;
  const again = await h.command(
    decisionUrl('decide-reserve-price'),
    { ...decide, reservePriceFen: RESERVE_FEN },
    { role: 'RESERVE_PRICE_GROUP' },
  );
  t.equal(again.statusCode, 409, again.body);
  const early = await h.command(
    decisionUrl('disclose-reserve-price'),
    { parcelId: PARCEL, disclosedAt: '2026-06-18T14:30:00+08:00' },
    { role: 'RESERVE_PRICE_GROUP' },
  );
  t.equal(early.statusCode, 409, early.body);
  const wrongRole = await h.command(
    decisionUrl('decide-reserve-price'),
    { ...decide, reservePriceFen: RESERVE_FEN },
    { role: 'GRANTOR_ADMIN' },
  );
  t.equal(wrongRole.statusCode, 403, wrongRole.body);
  const answers: [string, string][] = [
    ['decide again', again.body],
    ['disclose early', early.body],
    ['decide in the wrong role', wrongRole.body],
  ];

  const urls = [
    `/decisions/${DECISION}?${q}`,
    `/decisions/${DECISION}/trail?${q}`,
    `/decisions/${DECISION}/history?${q}`,
    `/decisions?${q}`,
    `/decisions?participant=${encodeURIComponent('GOVERNMENT:刘副市长')}&${q}`,
    `/people/${encodeURIComponent('刘副市长')}/decisions?${q}`,
    `/people/reserve_price_group-1/decisions?${q}`,
    `/events?stream=decision-${DECISION}`,
    `/events?streamPrefix=decision-`,
    `/streams/decision-${DECISION}/events`,
    `/parcels/${PARCEL}?${q}`,
    `/parcels?${q}`,
    `/credit-entries?${q}`,
    '/access-log',
    '/projections',
    '/metrics',
    '/docs/json',
    '/health',
  ];
  let answered = 0;
  for (const role of ROLES) {
    const authorization = `Bearer ${await tokenFor(h, role)}`;
    for (const url of urls) {
      const res = await h.app.inject({ method: 'GET', url, headers: { authorization } });
      // A route nobody has built yet (the history and event routes are other modules'): nothing to read.
      if (res.statusCode === 404 && res.json<{ code?: string }>().code === 'NOT_FOUND') continue;
      answered += 1;
      answers.push([`${role} GET ${url} (${res.statusCode})`, `${JSON.stringify(res.headers)}\n${res.body}`]);
    }
  }
  t.ok(answered >= ROLES.length * 10, `${answered} answers read`);
  const trailRead = answers.find(([what]) => what.startsWith('AUDITOR GET /decisions/D-3201-2026-012/trail'));
  t.match(trailRead?.[0], /\(200\)/, 'the auditor read the trail');
  t.match(trailRead?.[1], /"status":"SEALED"/);

  for (const [what, body] of answers) t.same(leaks(body), [], what);
  t.ok(lines.length > 50, `${lines.length} log lines captured at trace`);
  t.same(leaks(lines.join('')), [], 'no log line holds the price');
  const events = (await readAllCommitted(h.db.store, { limit: 10_000 })).events;
  t.ok(events.some((e) => e.type === 'ReservePriceDecided'));
  t.ok(events.some((e) => e.type === 'AuditRecordAccessed'));
  t.same(leaks(JSON.stringify(events)), [], 'no event (data or metadata) holds the price');
  const { rows } = await h.db.connection.pool.query(
    `SELECT (SELECT json_agg(d) FROM "${h.db.schema}".decisions d) AS decisions,
            (SELECT json_agg(p) FROM "${h.db.schema}".decision_parcels p) AS parcels`,
  );
  t.same(leaks(JSON.stringify(rows)), [], 'no read-model row holds the price');

  // The deal, then the 成交后底价公示: now the trail shows it, verified against the commitment.
  const disclosedAt = await concludeAndDisclose(h);
  const res = await h.app.inject({
    method: 'GET',
    url: `/decisions/${DECISION}/trail?minPosition=${encodeURIComponent(disclosedAt)}`,
    headers: { authorization: `Bearer ${await tokenFor(h, 'AUDITOR')}` },
  });
  t.equal(res.statusCode, 200, res.body);
  const trail = res.json<DecisionTrail>();
  const reserve = trail.parcels.find((p) => p.parcelId === PARCEL)?.reservePrice;
  t.match(reserve, {
    status: 'DISCLOSED',
    valueFen: RESERVE_FEN,
    reserveMet: true,
    commitmentVerified: true,
    disclosedAt: DECISION_COMMANDS.DiscloseReservePrice.example.disclosedAt,
  });
  t.match(trail.parcels[0]?.deal, { dealPriceFen: DECISION_COMMANDS.ConcludeDeal.example.dealPriceFen });
});
