/**
 * The credit archive's entry and state types, and its unions. Each feature folder (entries/,
 * lift/) holds its command schemas (the command types are `z.output` of them) and its events.
 */
import type { CreditEntryAdded } from './entries/events.js';
import type { AddCreditEntry } from './entries/schemas.js';
import type {
  CreditEntryLifted,
  CreditEntryLiftRequested,
  Lift,
  LiftRequest,
  RectificationVerified,
  Verification,
} from './lift/events.js';
import type { LiftCreditEntry, RequestCreditEntryLift, VerifyRectification } from './lift/schemas.js';

export type { AddCreditEntry, CreditEntryAdded };
export type { RequestCreditEntryLift, VerifyRectification, LiftCreditEntry };
export type { LiftRequest, Verification, Lift, CreditEntryLiftRequested, RectificationVerified, CreditEntryLifted };

/** DOMAIN.md §7.1: the five breaches that put a land user into the credit archive (S0 §二(八)). */
export const CREDIT_TRIGGERS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type CreditTrigger = (typeof CREDIT_TRIGGERS)[number];

export const CREDIT_TRIGGER_LABELS: Readonly<Record<CreditTrigger, { readonly zh: string; readonly en: string }>> = {
  C1: { zh: '未及时签订土地出让合同', en: 'failed to sign the transfer contract in time' },
  C2: { zh: '未提交开竣工申报书', en: 'failed to file start/completion declarations' },
  C3: { zh: '未按合同约定开竣工', en: 'did not start/complete as agreed' },
  C4: { zh: '不及时缴纳土地价款', en: 'did not pay the land price in time' },
  C5: { zh: '存在闲置土地', en: 'holds idle land' },
};

/**
 * What proves the breach: the parcel it happened on plus the event (e.g. the overdue or
 * IdleLandConfirmed event id) and/or the enforcement case. Together with the trigger it
 * identifies "the same breach", which is what makes AddCreditEntry idempotent.
 */
export interface EvidenceRef {
  readonly parcelId: string;
  readonly eventId: string | null;
  readonly caseId: string | null;
}

// A type, not an interface: event data must be assignable to Record<string, unknown>.
export type EntryBase = {
  readonly entryId: string;
  readonly trigger: CreditTrigger;
  readonly evidenceRef: EvidenceRef;
  /** Controlling shareholders at the time of the breach: the ban reaches them too (E6). */
  readonly controllingShareholderIds: readonly string[];
  readonly reason: string;
  readonly addedAt: string;
  /** Fixed-term bans only (E8, E17; §14 Q9); null = until lifted. */
  readonly expiresAt: string | null;
};

/** E7: request → provincial verification → MLR announcement → lifted. Never deleted. */
export type CreditEntry =
  | (EntryBase & { readonly status: 'ACTIVE' })
  | (EntryBase & { readonly status: 'LIFT_REQUESTED'; readonly liftRequest: LiftRequest })
  | (EntryBase & {
      readonly status: 'RECTIFICATION_VERIFIED';
      readonly liftRequest: LiftRequest;
      readonly verification: Verification;
    })
  | (EntryBase & {
      readonly status: 'LIFTED';
      readonly liftRequest: LiftRequest;
      readonly verification: Verification;
      readonly lift: Lift;
    });

/**
 * §3.1 credit sub-state. CLEAN = never listed; LISTED = at least one entry not lifted;
 * LIFTED = every entry lifted. Expiry is a matter of time, so it does not change the status:
 * ask `activeEntries(state, at)` / `canBid`.
 */
export type CreditArchiveState =
  | { readonly status: 'CLEAN'; readonly landUserId: string | null }
  | { readonly status: 'LISTED' | 'LIFTED'; readonly landUserId: string; readonly entries: readonly CreditEntry[] };

export type CreditEvent = CreditEntryAdded | CreditEntryLiftRequested | RectificationVerified | CreditEntryLifted;

export type CreditCommand = AddCreditEntry | RequestCreditEntryLift | VerifyRectification | LiftCreditEntry;

/** DOMAIN.md §12: the provincial department verifies rectification before a ban is lifted (E7). */
export const PROVINCE_REVIEWER = 'PROVINCE_REVIEWER';
