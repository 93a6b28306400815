import t from 'tap';
import { covers, divisionCodeOf } from '../../src/api/auth/jurisdiction.js';
import { createTokenVerifier } from '../../src/api/auth/token-cache.js';
import { bearerToken, signToken, verifyToken } from '../../src/api/auth/token.js';

const SECRET = 'x'.repeat(40);
const actor = { sub: 'officer-7', name: '王某', role: 'PATROL_POST', jurisdiction: '3201' } as const;

t.test('a signed token verifies to the same actor until it expires', async (t) => {
  const now = new Date('2026-03-02T01:00:00Z');
  const token = await signToken(actor, SECRET, '1h', now);
  t.same(await verifyToken(token, SECRET, now), actor);
  await t.rejects(verifyToken(token, SECRET, new Date('2026-03-02T02:00:01Z')), { code: 'TOKEN_EXPIRED' });
  await t.rejects(verifyToken(token, 'y'.repeat(40), now), { code: 'TOKEN_INVALID' }, 'another secret');
  const [head, , sig] = token.split('.');
  const forged = Buffer.from(
    JSON.stringify({ ...actor, role: 'MINISTRY', jurisdiction: 'CN', exp: 4_000_000_000 }),
  ).toString('base64url');
  await t.rejects(verifyToken(`${head}.${forged}.${sig}`, SECRET, now), { code: 'TOKEN_INVALID' }, 'a changed payload');
});

t.test('claims are checked: role and jurisdiction must be known shapes', async (t) => {
  const now = new Date('2026-03-02T01:00:00Z');
  const bad = await signToken({ ...actor, role: 'KING' as never }, SECRET, '1h', now);
  await t.rejects(verifyToken(bad, SECRET, now), { code: 'TOKEN_INVALID', message: /role/ });
  const badJ = await signToken({ ...actor, jurisdiction: 'JS' }, SECRET, '1h', now);
  await t.rejects(verifyToken(badJ, SECRET, now), { code: 'TOKEN_INVALID' });
});

t.test('the Authorization header must be a bearer JWT', async (t) => {
  t.equal(bearerToken('Bearer a.b.c'), 'a.b.c');
  for (const header of [undefined, '', 'Basic abc', 'Bearer', 'Bearer a.b', 'bearer a.b.c d']) {
    t.throws(() => bearerToken(header), { code: 'TOKEN_MISSING' }, String(header));
  }
});

t.test('division codes: province letters map to GB/T 2260 prefixes', async (t) => {
  t.equal(divisionCodeOf('CN-JS-3201'), '3201');
  t.equal(divisionCodeOf('CN-JS'), '32');
  t.equal(divisionCodeOf('CN-HA-410183'), '410183');
  t.equal(divisionCodeOf('CN'), '');
  t.equal(divisionCodeOf('CN-JS-4101'), null, 'a code outside the named province is unreadable');
  t.equal(divisionCodeOf('US-CA'), null);
});

t.test('a token covers its own division and everything below it; CN covers all', async (t) => {
  t.ok(covers('CN', 'CN-JS-3201'));
  t.ok(covers('CN', 'US-CA'), 'the ministry covers even an unreadable code');
  t.ok(covers('32', 'CN-JS-3201'));
  t.ok(covers('3201', 'CN-JS-320115'));
  t.ok(covers('3201', 'CN-JS-3201'));
  t.notOk(covers('3202', 'CN-JS-3201'), 'Wuxi does not cover Nanjing');
  t.notOk(covers('320115', 'CN-JS-3201'), 'a county does not cover its city');
  t.notOk(covers('41', 'CN-JS-3201'));
  t.notOk(covers('32', 'CN'), 'only CN covers the national level');
});

t.test('the token verifier remembers a verified token but judges its expiry on every use', async (t) => {
  const verify = createTokenVerifier(SECRET);
  const now = new Date('2026-03-02T01:00:00Z');
  const token = await signToken(actor, SECRET, '1h', now);
  t.same(await verify(token, now), actor);
  t.same(await verify(token, new Date('2026-03-02T01:59:59Z')), actor, 'cached, still valid');
  await t.rejects(verify(token, new Date('2026-03-02T02:00:00Z')), { code: 'TOKEN_EXPIRED' }, 'cached, expired');
  await t.rejects(
    verify(token, new Date('2026-03-02T02:00:00Z')),
    { code: 'TOKEN_EXPIRED' },
    'forgotten, and refused by verification',
  );
  const other = await signToken(actor, 'z'.repeat(40), '1h', now);
  await t.rejects(verify(other, now), { code: 'TOKEN_INVALID' });
  await t.rejects(verify(other, now), { code: 'TOKEN_INVALID' }, 'a refused token is not remembered');
});
