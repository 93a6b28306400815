/**
 * Audit bundles (issue 9): one stream's whole history as NDJSON an auditor can check offline.
 *
 *   line 1   {"manifest": {...}}                 see BundleManifest
 *   line 2…  one recorded event per line          {id, stream, revision, position, type, data, metadata}
 *
 * `eventsSha256` is the sha256 of the event lines exactly as written, each with its '\n'. The
 * manifest names the newest digest covering the stream and the Merkle inclusion proof of the
 * stream's head at that digest's cut, so that the auditor, holding the digest's root from
 * elsewhere, knows the bundle is the history the whole log was committed to.
 */
import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../../eventstore/types.js';
import type { ProofStep, StreamHead } from '../digest/merkle.js';

export const BUNDLE_FORMAT = 'land-ledger-audit-bundle/1';

export interface BundleDigest {
  readonly digestId: string;
  readonly sequence: number;
  readonly root: string;
  readonly upTo: string;
  readonly streams: number;
  readonly events: number;
  readonly recordedAt: string;
  readonly algorithm: string;
}

export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly stream: string;
  readonly events: number;
  readonly firstRevision: number | null;
  readonly lastRevision: number | null;
  readonly lastHash: string | null;
  readonly eventsSha256: string;
  readonly generatedAt: string;
  readonly generatedBy: {
    readonly id: string;
    readonly role: string;
    readonly name?: string;
    readonly jurisdiction?: string;
  };
  /** The newest digest whose cut includes an event of the stream; null when none does yet. */
  readonly digest: BundleDigest | null;
  /** Inclusion of the stream's head at the digest's cut in the digest's root; null without digest. */
  readonly proof: { readonly leaf: StreamHead; readonly siblings: readonly ProofStep[] } | null;
}

/** One event as its bundle line (without the '\n'). */
export const eventLine = (e: RecordedEvent): string =>
  JSON.stringify({
    id: e.id,
    stream: e.stream,
    revision: e.revision,
    position: e.position,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  });

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The event lines (each ending in '\n') and their sha256. */
export const eventLines = (events: readonly RecordedEvent[]): { text: string; sha256: string } => {
  const text = events.map((e) => `${eventLine(e)}\n`).join('');
  return { text, sha256: sha256Hex(text) };
};

export const bundleText = (manifest: BundleManifest, linesText: string): string =>
  `${JSON.stringify({ manifest })}\n${linesText}`;
