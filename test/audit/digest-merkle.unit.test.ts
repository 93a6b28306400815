import { createHash } from 'node:crypto';
import t from 'tap';
import {
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  rootFromProof,
  sortHeads,
  type StreamHead,
} from '../../src/audit/digest/merkle.js';
import { logDigestDecider, type RecordLogDigest } from '../../src/domain/log-digest/index.js';

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const heads = (n: number): StreamHead[] =>
  Array.from({ length: n }, (_, i) => ({
    stream: `s-${String.fromCharCode(97 + ((i * 7) % 26))}${i}`,
    revision: i,
    hash: `${i}`.repeat(3),
  }));

/** An auditor's independent reading of the documented rules: RFC 6962's split at the largest power of two. */
const rfc6962 = (leaves: Buffer[]): Buffer => {
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), rfc6962(leaves.slice(0, k)), rfc6962(leaves.slice(k)));
};

t.test('leaves are sha256(0x00 ‖ canonical {hash, revision, stream})', async (t) => {
  const head = { stream: 'parcel-1', revision: 2, hash: 'ab' };
  t.same(leafHash(head), sha(Buffer.from([0]), Buffer.from('{"hash":"ab","revision":2,"stream":"parcel-1"}')));
  t.equal(merkleRoot([]), EMPTY_ROOT);
  t.equal(merkleRoot([head]), leafHash(head).toString('hex'), 'one leaf: the root is the leaf');
});

t.test('the root equals RFC 6962 for 1…17 leaves, in any input order; every proof leads to it', async (t) => {
  for (let n = 1; n <= 17; n++) {
    const list = heads(n);
    const sorted = sortHeads(list);
    const root = merkleRoot([...list].reverse());
    t.equal(root, rfc6962(sorted.map(leafHash)).toString('hex'), `n=${n}`);
    for (const [i, leaf] of sorted.entries()) {
      t.equal(rootFromProof(leaf, inclusionProof(sorted, i)), root, `n=${n} leaf ${i}`);
    }
    const other = { ...(sorted[0] as StreamHead), revision: 99 };
    t.not(rootFromProof(other, inclusionProof(sorted, 0)), root, 'another head does not prove');
  }
});

t.test('the digest decider keeps one line: a stale or repeated digest records nothing', async (t) => {
  const command = (previousDigestId: string | null, upTo: string): RecordLogDigest => ({
    type: 'RecordLogDigest',
    data: { root: 'r', upTo, streams: 1, events: 1, computedAt: 'now', algorithm: 'a', previousDigestId },
    context: { now: 'now', actor: { id: 'system:digest', role: 'SYSTEM' } },
  });
  const s0 = logDigestDecider.initialState();
  const [first] = logDigestDecider.decide(command(null, '1/1'), s0);
  t.match(first, { type: 'LogDigestRecorded', data: { previousRoot: null, previousDigestId: null } });
  const s1 = logDigestDecider.evolve(s0, { ...(first as NonNullable<typeof first>), id: 'd1' });
  t.same(logDigestDecider.decide(command(null, '1/2'), s1), [], 'computed before d1 was recorded');
  t.same(logDigestDecider.decide(command('d1', '1/1'), s1), [], 'the same cut again');
  t.match(logDigestDecider.decide(command('d1', '1/2'), s1), [{ data: { previousRoot: 'r', previousDigestId: 'd1' } }]);
});
