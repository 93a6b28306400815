/**
 * Log digests (issue 9 "integrity an auditor can check independently"): now and then the Merkle
 * root over every stream's head at a cut of the log is recorded as `LogDigestRecorded` on the one
 * stream DIGEST_STREAM, hash-chained like every other stream (each digest's prevHash is the
 * previous digest's hash). The digest is computed outside (src/audit/digest/); this decider only
 * keeps the digests a single line: a digest computed on top of another digest than the stream's
 * last (another process recorded one meanwhile) is dropped, and so is one for the cut already
 * recorded. Pure: no I/O, no clock.
 */
import type { Command, Decider, DomainEvent } from '../decider.js';

export type LogDigest = {
  /** The Merkle root (hex) over the streams' heads at the cut (src/audit/digest/merkle.ts). */
  readonly root: string;
  /** The cut: every event readAll returns up to and including this position. */
  readonly upTo: string;
  /** Streams with events at the cut (leaves of the tree). */
  readonly streams: number;
  /** Events at the cut. */
  readonly events: number;
  /** When the root was computed (ISO instant). */
  readonly computedAt: string;
  /** The tree's rules, e.g. 'land-ledger-merkle/1'. */
  readonly algorithm: string;
};

export type RecordLogDigest = Command<
  'RecordLogDigest',
  LogDigest & {
    /** The store id of the digest this one was computed after (null: the first). */
    readonly previousDigestId: string | null;
  }
>;

export type LogDigestRecorded = DomainEvent<
  'LogDigestRecorded',
  LogDigest & { readonly previousDigestId: string | null; readonly previousRoot: string | null }
>;

export interface LogDigestState {
  readonly count: number;
  readonly lastId: string | null;
  readonly lastRoot: string | null;
  readonly lastUpTo: string | null;
}

export const logDigestDecider: Decider<RecordLogDigest, LogDigestRecorded, LogDigestState> = {
  decide: (command, state) => {
    const { previousDigestId, ...digest } = command.data;
    // Stale (another digest came first) or the same cut again: nothing to record.
    if (previousDigestId !== state.lastId || digest.upTo === state.lastUpTo) return [];
    return [{ type: 'LogDigestRecorded', data: { ...digest, previousDigestId, previousRoot: state.lastRoot } }];
  },
  evolve: (state, event) =>
    event.type === 'LogDigestRecorded'
      ? { count: state.count + 1, lastId: event.id ?? null, lastRoot: event.data.root, lastUpTo: event.data.upTo }
      : state,
  initialState: () => ({ count: 0, lastId: null, lastRoot: null, lastUpTo: null }),
};
