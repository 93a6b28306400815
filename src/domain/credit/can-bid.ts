import { instantMillis } from '../instant.js';
import type { CreditArchiveState, CreditEntry, CreditTrigger } from './types.js';

/**
 * Why an entry blocks the bidder (E6: the ban reaches the bidder's controlling shareholders):
 * OWN — the bidder's own archive; CONTROLLING_SHAREHOLDER — the archive of one of the bidder's
 * controlling shareholders; LISTED_AS_CONTROLLING_SHAREHOLDER — another user's entry names the
 * bidder as that user's controlling shareholder.
 */
export type BlockingReason = 'OWN' | 'CONTROLLING_SHAREHOLDER' | 'LISTED_AS_CONTROLLING_SHAREHOLDER';

export interface BlockingEntry {
  readonly landUserId: string;
  readonly entryId: string;
  readonly trigger: CreditTrigger;
  readonly reason: BlockingReason;
  readonly expiresAt: string | null;
}

export interface CanBidResult {
  readonly allowed: boolean;
  readonly blockingEntries: readonly BlockingEntry[];
}

/**
 * In force at `at`: added by then, not yet lifted by then, not yet expired. Judging the lift by
 * its time (not just its presence) lets auditors ask what the answer was on a past date.
 */
export const isEntryActiveAt = (entry: CreditEntry, at: string): boolean => {
  const atMillis = instantMillis(at, 'at');
  if (instantMillis(entry.addedAt, 'addedAt') > atMillis) return false;
  if (entry.status === 'LIFTED' && instantMillis(entry.lift.liftedAt, 'liftedAt') <= atMillis) return false;
  return entry.expiresAt === null || instantMillis(entry.expiresAt, 'expiresAt') > atMillis;
};

export const activeEntries = (state: CreditArchiveState, at: string): readonly CreditEntry[] =>
  state.status === 'CLEAN' ? [] : state.entries.filter((entry) => isEntryActiveAt(entry, at));

/**
 * §7.2 bidding guard (RegisterBidder / QualifyBidder). Pure: the caller passes the folded
 * archives it has — the bidder's, its controlling shareholders', and any archive whose entries
 * name the bidder as a controlling shareholder (a read-model lookup) — and the bid instant.
 * An archive that is missing from `archives` is treated as clean.
 */
export const canBid = (
  archives: Iterable<CreditArchiveState>,
  landUserId: string,
  controllingShareholderIds: readonly string[],
  at: string,
): CanBidResult => {
  instantMillis(at, 'at');
  const shareholders = new Set(controllingShareholderIds);
  const blocking = new Map<string, BlockingEntry>();
  for (const archive of archives) {
    if (archive.status === 'CLEAN') continue;
    const owner = archive.landUserId;
    for (const entry of activeEntries(archive, at)) {
      const reason: BlockingReason | null =
        owner === landUserId
          ? 'OWN'
          : shareholders.has(owner)
            ? 'CONTROLLING_SHAREHOLDER'
            : entry.controllingShareholderIds.includes(landUserId)
              ? 'LISTED_AS_CONTROLLING_SHAREHOLDER'
              : null;
      if (reason === null) continue;
      const key = JSON.stringify([owner, entry.entryId]);
      if (!blocking.has(key)) {
        const { entryId, trigger, expiresAt } = entry;
        blocking.set(key, { landUserId: owner, entryId, trigger, reason, expiresAt });
      }
    }
  }
  const blockingEntries = [...blocking.values()];
  return { allowed: blockingEntries.length === 0, blockingEntries };
};
