/**
 * npm run replay-parcel on real PostgreSQL: a parcel's timeline as a table (revision, time, type,
 * actor, document, rule and anchor), its status and open deadlines then, the chain verdict; exit 1
 * for a parcel without events.
 */
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { approveDecision, at, grantParcel, PARCEL } from '../api/fixtures/parcel.js';
import { buildTestApp } from '../helpers/app.js';
import { testDatabaseUrl } from '../helpers/postgres.js';

t.test('npm run replay-parcel: the timeline, the status and deadlines then, the chain', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await grantParcel(h);
  h.setNow(at('2026-07-31'));
  const paid = await h.command(`/parcels/${PARCEL}/record-payment`, {
    paymentId: 'PAY-1',
    instalmentNo: 1,
    amountFen: 115_500_000,
    paidOn: '2026-07-31',
    documentNo: 'JK-3201-2026-0731',
  });
  t.equal(paid.statusCode, 200, paid.body);
  const replay = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/replay-parcel.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: h.db.schema },
      encoding: 'utf8',
    });

  const whole = replay(PARCEL);
  t.equal(whole.status, 0, whole.stderr);
  const lines = whole.stdout.split('\n');
  t.match(lines[0], `Parcel ${PARCEL}: 3 events`);
  t.match(lines[2], /^rev\s+occurred \(Asia\/Shanghai\)\s+type\s+actor\s+document no\s+rule \/ anchor$/);
  t.match(whole.stdout, /\n0\s+2026-07-01 10:00\s+DealConfirmed\s+测试GRANTOR_ADMIN \(GRANTOR_ADMIN\)/);
  t.match(whole.stdout, /\n1\s+2026-07-08 10:00\s+TransferContractSigned\s+测试GRANTOR_ADMIN \(GRANTOR_ADMIN\)\s+\S+/);
  t.match(whole.stdout, /\n2\s+2026-07-31 10:00\s+PaymentReceived\s+.*JK-3201-2026-0731/);
  t.match(whole.stdout, /Status: GRANTED \(revision 2; policy \S+, calendar \S+\)/);
  t.notMatch(whole.stdout, /\nT07\s+threshold\s+1\s/, 'instalment 1 is paid');
  t.match(whole.stdout, /\nT07\s+threshold\s+2\s+/, 'instalment 2 is open');
  t.match(whole.stdout, /Chain: ok \(3 events, last hash [0-9a-f]{64}\)/);

  const then = replay(PARCEL, '--as-of', '2026-07-20');
  t.equal(then.status, 0, then.stderr);
  t.match(then.stdout, `Parcel ${PARCEL} as of 2026-07-20T23:59:59.999999+08:00: 2 events`);
  t.notMatch(then.stdout, /PaymentReceived/);
  t.match(then.stdout, /Status then: GRANTED \(revision 1;/);
  t.match(then.stdout, /\nT07\s+threshold\s+1\s+2026-08-01\s+2026-07-31 [0-9a-f]{8}\s+Late-payment damages/);
  t.match(then.stdout, /Chain: ok \(3 events/, 'the verdict is over the whole stream');

  const none = replay('P-NONE');
  t.equal(none.status, 1);
  t.match(none.stderr, 'parcel P-NONE has no events');
  const before = replay(PARCEL, '--as-of', '2026-06-01');
  t.equal(before.status, 1, 'no events by then');
  const bad = replay(PARCEL, '--as-of', 'yesterday');
  t.equal(bad.status, 2);
  const noId = replay();
  t.equal(noId.status, 2);
  t.match(noId.stderr, 'usage: npm run replay-parcel');
});
