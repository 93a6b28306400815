import t from 'tap';
import { etagOf, parseIdempotencyKey, parseIfMatch } from '../../src/api/commands/etag.js';
import { kebabCase } from '../../src/api/commands/kebab.js';
import { createSealer } from '../../src/api/commands/reserve-price-seal.js';
import { reservePriceCommitment } from '../../src/domain/decision/index.js';

t.test('ETag and If-Match carry the stream revision', async (t) => {
  t.equal(etagOf(4), '"4"');
  t.equal(parseIfMatch('"4"'), 4);
  t.equal(parseIfMatch('W/"0"'), 0);
  t.equal(parseIfMatch('"-1"'), -1);
  t.equal(parseIfMatch('*'), '*');
  t.equal(parseIfMatch(undefined), undefined);
  for (const bad of ['4', '"04"', '"a"', '"1", "2"', '""', '"99999999999999999"']) {
    t.throws(() => parseIfMatch(bad), { code: 'IF_MATCH_INVALID' }, bad);
  }
});

t.test('Idempotency-Key is 1–200 visible ASCII characters', async (t) => {
  t.equal(parseIdempotencyKey('seed-1/P-1/step-3'), 'seed-1/P-1/step-3');
  for (const bad of ['', 'has space', 'é', 'x'.repeat(201), ['a', 'b']]) {
    t.throws(() => parseIdempotencyKey(bad), { code: 'IDEMPOTENCY_KEY_INVALID' });
  }
});

t.test('command names become kebab-case path segments', async (t) => {
  t.equal(kebabCase('SignTransferContract'), 'sign-transfer-contract');
  t.equal(kebabCase('AddCreditEntry'), 'add-credit-entry');
  t.equal(kebabCase('VerifyStart'), 'verify-start');
});

t.test('a sealed reserve price opens only with the key, and matches its commitment', async (t) => {
  const key = 'ab'.repeat(32);
  const sealer = createSealer(key);
  const { sealed, commitment } = sealer.seal(123_456_700);
  t.notMatch(JSON.stringify(sealed), /123456700|1234567/, 'no plaintext in the sealed value');
  const opened = sealer.unseal(sealed);
  t.equal(opened.valueFen, 123_456_700);
  t.ok(opened.salt.length >= 32, 'salt of at least 128 bits');
  t.equal(reservePriceCommitment(opened.valueFen, opened.salt), commitment);
  t.not(sealer.seal(123_456_700).sealed.ciphertext, sealed.ciphertext, 'random IV and salt');
  t.throws(() => createSealer('cd'.repeat(32)).unseal(sealed), /holds/, 'another key is refused by key id');
  const tampered = {
    ...sealed,
    ciphertext: Buffer.from(Buffer.from(sealed.ciphertext, 'base64').map((b, i) => (i === 40 ? b ^ 1 : b))).toString(
      'base64',
    ),
  };
  t.throws(() => sealer.unseal(tampered), 'a changed ciphertext fails authentication');
});
