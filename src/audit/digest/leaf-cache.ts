/**
 * The heads of the newest digest's cut, kept per store in this process: a bundle's inclusion proof
 * needs every stream's head at that cut, and reading the log up to the cut costs a pass over every
 * event before it. The digester leaves its heads here when it records; otherwise the first bundle
 * after a digest pays the pass (headsAt) and the next ones reuse it. An entry is used only when its
 * heads give the digest's root, so it can never answer for another digest.
 */
import type { EventStore } from '../../eventstore/types.js';
import { headsAt } from './heads.js';
import { merkleRootOfSorted, type StreamHead } from './merkle.js';

interface Entry {
  readonly digestId: string;
  readonly root: string;
  readonly heads: readonly StreamHead[];
}

const cache = new WeakMap<EventStore, Entry>();

export const rememberLeaves = (
  store: EventStore,
  digest: { readonly digestId: string; readonly root: string },
  sortedHeads: readonly StreamHead[],
): void => {
  cache.set(store, { digestId: digest.digestId, root: digest.root, heads: sortedHeads });
};

/** Every stream's head at the digest's cut, in leaf order; null when they do not give its root. */
export const leavesOf = async (
  store: EventStore,
  digest: { readonly digestId: string; readonly root: string; readonly upTo: string },
): Promise<readonly StreamHead[] | null> => {
  const hit = cache.get(store);
  if (hit !== undefined && hit.digestId === digest.digestId && hit.root === digest.root) return hit.heads;
  const { tracker } = await headsAt(store, digest.upTo);
  const heads = tracker.sortedHeads();
  if (merkleRootOfSorted(heads) !== digest.root) return null;
  rememberLeaves(store, digest, heads);
  return heads;
};
