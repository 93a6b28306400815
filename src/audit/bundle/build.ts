import { DIGEST_STREAM } from '../../domain/streams.js';
import type { EventStore, RecordedEvent } from '../../eventstore/types.js';
import { leavesOf } from '../digest/leaf-cache.js';
import { compareStreamNames, inclusionProof } from '../digest/merkle.js';
import { digestView } from '../digest/view.js';
import { BUNDLE_FORMAT, bundleText, eventLines, type BundleManifest } from './bundle.js';

/**
 * The audit bundle of one stream: all its events now, and the newest digest whose cut includes the
 * stream with the inclusion proof of the stream's head at that cut.
 *
 * Cost: the proof needs every stream's head at the digest's cut. When this process recorded that
 * digest (or already built a bundle against it) the heads are in memory (leaf-cache.ts); otherwise
 * they are read from the start of the log up to the cut, a pass over every event before it
 * (measured: 1.6 s for 100 000 events in 10 000 streams on PostgreSQL; 70 ms once in memory),
 * paid once per digest and process.
 */
export const buildBundle = async (
  store: EventStore,
  stream: string,
  generatedBy: BundleManifest['generatedBy'],
  now: Date,
): Promise<{ text: string; manifest: BundleManifest }> => {
  const events = await store.readStream(stream);
  const lines = eventLines(events);
  const lastDigest = (await store.readStream(DIGEST_STREAM)).filter((e) => e.type === 'LogDigestRecorded').at(-1);
  const digest = lastDigest === undefined ? null : digestView(lastDigest);
  // The newest digest covers the stream when its first event is at or before the cut; an older one cannot.
  const atCut =
    digest === null ? [] : events.filter((e: RecordedEvent) => store.compareCheckpoints(e.position, digest.upTo) <= 0);
  const head = atCut.at(-1);
  let proof: BundleManifest['proof'] = null;
  if (digest !== null && head !== undefined) {
    const leaves = await leavesOf(store, digest);
    const index = leaves === null ? -1 : leaves.findIndex((l) => compareStreamNames(l.stream, stream) === 0);
    if (leaves !== null && index >= 0) {
      proof = { leaf: leaves[index] as (typeof leaves)[number], siblings: inclusionProof(leaves, index) };
    }
  }
  const last = events.at(-1);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    stream,
    events: events.length,
    firstRevision: events[0]?.revision ?? null,
    lastRevision: last?.revision ?? null,
    lastHash: typeof last?.metadata.hash === 'string' ? last.metadata.hash : null,
    eventsSha256: lines.sha256,
    generatedAt: now.toISOString(),
    generatedBy,
    digest:
      digest === null || head === undefined
        ? null
        : {
            digestId: digest.digestId,
            sequence: digest.sequence,
            root: digest.root,
            upTo: digest.upTo,
            streams: digest.streams,
            events: digest.events,
            recordedAt: digest.recordedAt,
            algorithm: digest.algorithm,
          },
    proof,
  };
  return { text: bundleText(manifest, lines.text), manifest };
};
