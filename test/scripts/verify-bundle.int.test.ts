/**
 * `npm run verify-bundle -- <file>`, offline (no database, no configuration in its environment), on
 * a bundle downloaded through the API after a digest: ok and the root; then a byte of an event's
 * data altered, a line dropped, the manifest's root altered: each exit 1, naming where.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createDigester } from '../../src/audit/digest/digester.js';
import { approveDecision, grantParcel, PARCEL } from '../api/fixtures/parcel.js';
import { untilReadable } from '../audit/digest-fixtures.js';
import { buildTestApp } from '../helpers/app.js';

const dir = mkdtempSync(join(tmpdir(), 'verify-bundle-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const verify = (name: string, text: string, ...args: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-bundle.ts', file, ...args], {
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
};

t.test('a downloaded bundle verifies offline; an altered byte, a dropped line, an altered root do not', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await approveDecision(h);
  await grantParcel(h);
  h.setNow('2026-07-31T10:00:00+08:00');
  const paid = await h.command(`/parcels/${PARCEL}/record-payment`, {
    paymentId: 'PAY-1',
    instalmentNo: 1,
    amountFen: 115_500_000,
    paidOn: '2026-07-31',
  });
  t.equal(paid.statusCode, 200, paid.body);
  await untilReadable(h.db.store, h.db.connection.pool, h.db.schema);
  const digest = await createDigester({ store: h.db.store, clock: () => new Date() }).recordNow();
  if (!digest.recorded) throw new Error('no digest');
  const root = digest.digest.root;

  const res = await h.app.inject({
    method: 'GET',
    url: `/parcels/${PARCEL}/audit-bundle`,
    headers: { authorization: `Bearer ${await h.token('AUDITOR')}` },
  });
  t.equal(res.statusCode, 200, res.body);
  const bundle = res.body;

  const ok = verify('ok.jsonl', bundle);
  t.equal(ok.status, 0, ok.stdout + ok.stderr);
  t.match(ok.stdout, `ok: parcel-${PARCEL}, 3 events, chain holds`);
  t.match(ok.stdout, `\n${root}\n`, 'prints the root to compare with the kept one');
  t.equal(verify('ok.jsonl', bundle, '--root', root).status, 0);
  const otherRoot = verify('ok.jsonl', bundle, '--root', 'ab'.repeat(32));
  t.equal(otherRoot.status, 1);
  t.match(otherRoot.stdout, /is not the root you kept/);

  // One byte of revision 1's data (a digit of the contract's document number, or any other data byte).
  const lines = bundle.split('\n');
  const line2 = lines[2] as string;
  const at = line2.indexOf('"data":{') + '"data":{'.length + 2;
  const altered = [...lines];
  altered[2] = `${line2.slice(0, at)}${line2[at] === 'X' ? 'Y' : 'X'}${line2.slice(at + 1)}`;
  const byte = verify('byte.jsonl', altered.join('\n'));
  t.equal(byte.status, 1, byte.stdout);
  t.match(byte.stdout, 'BROKEN at line 3, revision 1: hash-mismatch');

  const dropped = verify('dropped.jsonl', lines.filter((_, i) => i !== 2).join('\n'));
  t.equal(dropped.status, 1, dropped.stdout);
  t.match(dropped.stdout, /BROKEN at line 3, revision 2: revision-gap/);
  const lastDropped = verify('last-dropped.jsonl', lines.filter((_, i) => i !== 3).join('\n'));
  t.equal(lastDropped.status, 1, lastDropped.stdout);
  t.match(lastDropped.stdout, /BROKEN at line 1: the manifest counts 3 events, the bundle holds 2/);

  const manifestRoot = verify('root.jsonl', bundle.replace(`"root":"${root}"`, `"root":"${'0'.repeat(64)}"`));
  t.equal(manifestRoot.status, 1, manifestRoot.stdout);
  t.match(
    manifestRoot.stdout,
    `BROKEN at line 1: the proof leads to ${root}, not to the digest's root ${'0'.repeat(64)}`,
  );
});
