/**
 * The log digest's Merkle tree (issue 9), pure and dependency-free so that an auditor's own tool
 * (or scripts/verify-bundle.ts, offline) computes the same root:
 *
 * - One leaf per stream that has events at the cut: `sha256(0x00 ‖ canonical JSON of
 *   {hash, revision, stream})` of the stream's last event at the cut (`hash` is that event's
 *   metadata.hash, '' if it has none). Leaves are ordered by stream name, compared as UTF-8 bytes.
 * - Inner nodes: `sha256(0x01 ‖ left ‖ right)` over the raw 32-byte hashes. The prefixes keep a
 *   leaf from ever being read as an inner node (second-preimage attacks).
 * - An odd node at the end of a level is promoted unchanged to the next level (not paired with a
 *   copy of itself, which would let two different leaf lists share a root, CVE-2012-2459); this
 *   gives the same root as RFC 6962's split at the largest power of two.
 * - No leaves at all: the root is sha256 of the empty string.
 * Hashes are written as lower-case hex.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../eventstore/hash-chain.js';

export const MERKLE_ALGORITHM = 'land-ledger-merkle/1';

/** A stream's head at a cut: the leaf of the tree. */
export interface StreamHead {
  readonly stream: string;
  readonly revision: number;
  readonly hash: string;
}

export interface ProofStep {
  /** Which side the sibling is on: 'left' → parent = H(0x01 ‖ sibling ‖ node). */
  readonly side: 'left' | 'right';
  readonly hash: string;
}

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

export const leafHash = (head: StreamHead): Buffer =>
  createHash('sha256')
    .update(LEAF)
    .update(canonicalJson({ hash: head.hash, revision: head.revision, stream: head.stream }), 'utf8')
    .digest();

export const nodeHash = (left: Buffer, right: Buffer): Buffer =>
  createHash('sha256').update(NODE).update(left).update(right).digest();

export const EMPTY_ROOT = createHash('sha256').digest('hex');

/** Stream names in leaf order (UTF-8 byte order, the order any language's byte sort gives). */
export const compareStreamNames = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

export const sortHeads = (heads: Iterable<StreamHead>): StreamHead[] =>
  [...heads].sort((a, b) => compareStreamNames(a.stream, b.stream));

const parentLevel = (level: readonly Buffer[]): Buffer[] => {
  const next: Buffer[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const left = level[i] as Buffer;
    const right = level[i + 1];
    next.push(right === undefined ? left : nodeHash(left, right));
  }
  return next;
};

/** The root over heads already in leaf order (see sortHeads). */
export const merkleRootOfSorted = (sorted: readonly StreamHead[]): string => {
  if (sorted.length === 0) return EMPTY_ROOT;
  let level = sorted.map(leafHash);
  while (level.length > 1) level = parentLevel(level);
  return (level[0] as Buffer).toString('hex');
};

export const merkleRoot = (heads: Iterable<StreamHead>): string => merkleRootOfSorted(sortHeads(heads));

/** The inclusion proof of the leaf at `index` of `sorted`: its siblings from the bottom up. */
export const inclusionProof = (sorted: readonly StreamHead[], index: number): ProofStep[] => {
  if (!Number.isInteger(index) || index < 0 || index >= sorted.length) throw new RangeError('no such leaf');
  const steps: ProofStep[] = [];
  let level = sorted.map(leafHash);
  let i = index;
  while (level.length > 1) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    const other = level[sibling];
    // A promoted odd node has no sibling at this level: no step.
    if (other !== undefined) steps.push({ side: i % 2 === 0 ? 'right' : 'left', hash: other.toString('hex') });
    level = parentLevel(level);
    i = Math.floor(i / 2);
  }
  return steps;
};

/** The root an inclusion proof leads to from `leaf`. */
export const rootFromProof = (leaf: StreamHead, steps: readonly ProofStep[]): string => {
  let node = leafHash(leaf);
  for (const step of steps) {
    const sibling = Buffer.from(step.hash, 'hex');
    if (sibling.length !== 32 || !/^[0-9a-f]{64}$/.test(step.hash)) throw new RangeError('a sibling is not a sha256');
    node = step.side === 'left' ? nodeHash(sibling, node) : nodeHash(node, sibling);
  }
  return node.toString('hex');
};
