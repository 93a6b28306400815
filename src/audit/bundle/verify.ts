/**
 * Offline verification of an audit bundle (scripts/verify-bundle.ts; no database, no config):
 * 1. every event's hash chain from revision 0 (each line's revision, prevHash and hash);
 * 2. the manifest's counts, last revision and hash, and eventsSha256 over the event lines;
 * 3. with a digest: the proof's leaf is the bundle's event at that revision (same hash), and the
 *    proof leads from that leaf to the digest's root; with `expectedRoot`, that root is the one the
 *    auditor kept.
 * The first failure is named by line (1 = the manifest) and, for an event, its revision.
 */
import { chainBreakOf } from '../../eventstore/hash-chain.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { rootFromProof, type ProofStep, type StreamHead } from '../digest/merkle.js';
import { BUNDLE_FORMAT, sha256Hex, type BundleManifest } from './bundle.js';

export type BundleVerdict =
  | {
      readonly ok: true;
      readonly stream: string;
      readonly events: number;
      readonly lastHash: string | null;
      /** The digest root the proof leads to (null: no digest covers the stream yet). */
      readonly root: string | null;
      readonly digestId: string | null;
      readonly upTo: string | null;
    }
  | {
      readonly ok: false;
      readonly line: number | null;
      readonly revision: number | null;
      readonly reason: string;
    };

const broken = (line: number | null, revision: number | null, reason: string): BundleVerdict => ({
  ok: false,
  line,
  revision,
  reason,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const HEX64 = /^[0-9a-f]{64}$/;

export const verifyBundle = (text: string, options: { readonly expectedRoot?: string } = {}): BundleVerdict => {
  const newline = text.indexOf('\n');
  if (newline < 0) return broken(1, null, 'no manifest line');
  let manifest: BundleManifest;
  try {
    const first = JSON.parse(text.slice(0, newline)) as unknown;
    if (!isObject(first) || !isObject(first.manifest)) return broken(1, null, 'the first line is not {"manifest": …}');
    manifest = first.manifest as unknown as BundleManifest;
  } catch {
    return broken(1, null, 'the manifest line is not JSON');
  }
  if (manifest.format !== BUNDLE_FORMAT) return broken(1, null, `unknown format ${String(manifest.format)}`);
  const body = text.slice(newline + 1);
  if (body !== '' && !body.endsWith('\n')) return broken(null, null, 'the last event line has no newline');
  const lines = body === '' ? [] : body.slice(0, -1).split('\n');

  let previous = '';
  const hashes: string[] = [];
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 2;
    let event: RecordedEvent;
    try {
      event = JSON.parse(line) as RecordedEvent;
    } catch {
      return broken(lineNo, i, 'the line is not JSON');
    }
    if (!isObject(event) || !isObject(event.metadata) || !isObject(event.data) || typeof event.type !== 'string')
      return broken(lineNo, i, 'the line is not a recorded event');
    if (event.stream !== manifest.stream)
      return broken(lineNo, event.revision, `event of stream ${String(event.stream)}, not ${manifest.stream}`);
    const reason = chainBreakOf(previous, i, event);
    if (reason !== null) {
      const revision = typeof event.revision === 'number' ? event.revision : i;
      const detail =
        reason === 'revision-gap'
          ? `revision-gap: revision ${String(event.revision)} where ${i} was expected (a line is missing or moved)`
          : reason;
      return broken(lineNo, revision, detail);
    }
    previous = event.metadata.hash as string;
    hashes.push(previous);
  }

  if (manifest.events !== lines.length)
    return broken(1, null, `the manifest counts ${manifest.events} events, the bundle holds ${lines.length}`);
  const lastRevision = lines.length === 0 ? null : lines.length - 1;
  if (manifest.lastRevision !== lastRevision)
    return broken(
      1,
      null,
      `the manifest's last revision ${String(manifest.lastRevision)} is not ${String(lastRevision)}`,
    );
  if ((manifest.lastHash ?? null) !== (hashes.at(-1) ?? null))
    return broken(1, null, "the manifest's lastHash is not the last event's hash");
  if (sha256Hex(body) !== manifest.eventsSha256) return broken(1, null, 'eventsSha256 does not match the event lines');

  if (manifest.digest === null || manifest.digest === undefined) {
    if (options.expectedRoot !== undefined) return broken(1, null, 'no digest covers this stream: no root to compare');
    return {
      ok: true,
      stream: manifest.stream,
      events: lines.length,
      lastHash: hashes.at(-1) ?? null,
      root: null,
      digestId: null,
      upTo: null,
    };
  }
  const { digest, proof } = manifest;
  if (!isObject(proof) || !isObject(proof.leaf) || !Array.isArray(proof.siblings))
    return broken(1, null, 'the manifest has a digest but no proof');
  const leaf = proof.leaf as StreamHead;
  if (leaf.stream !== manifest.stream) return broken(1, null, `the proof is for stream ${String(leaf.stream)}`);
  if (!Number.isInteger(leaf.revision) || hashes[leaf.revision] === undefined)
    return broken(1, null, `the head at the digest's cut (revision ${String(leaf.revision)}) is not in the bundle`);
  if (hashes[leaf.revision] !== leaf.hash)
    return broken(leaf.revision + 2, leaf.revision, "the event's hash is not the head hash the proof commits to");
  let root: string;
  try {
    root = rootFromProof(leaf, proof.siblings as ProofStep[]);
  } catch (error) {
    return broken(1, null, `the proof is malformed: ${(error as Error).message}`);
  }
  if (!HEX64.test(String(digest.root)) || root !== digest.root)
    return broken(1, null, `the proof leads to ${root}, not to the digest's root ${String(digest.root)}`);
  if (options.expectedRoot !== undefined && options.expectedRoot.toLowerCase() !== root)
    return broken(1, null, `the digest's root ${root} is not the root you kept ${options.expectedRoot}`);
  return {
    ok: true,
    stream: manifest.stream,
    events: lines.length,
    lastHash: hashes.at(-1) ?? null,
    root,
    digestId: digest.digestId,
    upTo: digest.upTo,
  };
};
