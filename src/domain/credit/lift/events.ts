import type { DomainEvent } from '../../decider.js';

// Types, not interfaces: event data must be assignable to Record<string, unknown>.
export type LiftRequest = {
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly rectification: string;
};
export type Verification = {
  readonly verifiedAt: string;
  readonly verifiedBy: string;
  readonly documentNo: string;
};
export type Lift = {
  readonly liftedAt: string;
  readonly liftedBy: string;
  readonly announcementRef: string;
};

type EntryRef = { readonly landUserId: string; readonly entryId: string };

export type CreditEntryLiftRequested = DomainEvent<'CreditEntryLiftRequested', EntryRef & LiftRequest>;
export type RectificationVerified = DomainEvent<'RectificationVerified', EntryRef & Verification>;
export type CreditEntryLifted = DomainEvent<'CreditEntryLifted', EntryRef & Lift>;
