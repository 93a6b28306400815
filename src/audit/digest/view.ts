import { z } from 'zod';
import type { LogDigestRecorded } from '../../domain/log-digest/index.js';
import type { RecordedEvent } from '../../eventstore/types.js';

/**
 * A recorded log digest as the API answers it and an auditor keeps it (exportable JSON): with
 * `root` and `upTo`, `npm run verify-chain -- --against <file>` recomputes the root from the store.
 */
export const digestViewSchema = z.object({
  digestId: z.string().describe('Store id of the LogDigestRecorded event'),
  sequence: z.number().int().describe('Revision of the digest on the digest stream (0 = the first)'),
  root: z.string().describe('Merkle root (hex) over every stream’s head at the cut'),
  upTo: z.string().describe('The cut: every event the log returns up to and including this position'),
  streams: z.number().int(),
  events: z.number().int(),
  recordedAt: z.string(),
  computedAt: z.string(),
  previousRoot: z.string().nullable(),
  previousDigestId: z.string().nullable(),
  algorithm: z.string(),
  /** The digest event's own chain hash: the next digest's prevHash. */
  hash: z.string().nullable(),
  /** Optional: the heads at the cut (npm run digest -- --heads), so a mismatch can name the streams. */
  heads: z.array(z.object({ stream: z.string(), revision: z.number().int(), hash: z.string() })).optional(),
});

export type DigestView = z.infer<typeof digestViewSchema>;

export const digestView = (event: RecordedEvent): DigestView => {
  const data = event.data as unknown as LogDigestRecorded['data'];
  return {
    digestId: event.id,
    sequence: event.revision,
    root: data.root,
    upTo: data.upTo,
    streams: data.streams,
    events: data.events,
    recordedAt: event.metadata.recordedAt,
    computedAt: data.computedAt,
    previousRoot: data.previousRoot ?? null,
    previousDigestId: data.previousDigestId ?? null,
    algorithm: data.algorithm,
    hash: typeof event.metadata.hash === 'string' ? event.metadata.hash : null,
  };
};
