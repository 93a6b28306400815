/**
 * Response shapes of the credit queries (zod v4), the OpenAPI response schemas of their routes.
 * Instants read from timestamptz columns are served in UTC ('…Z'); the bidding answer's come from
 * the folded archive, as the events wrote them.
 */
import { z } from 'zod';
import { CREDIT_TRIGGERS, type BlockingReason, type CreditEntry } from '../../domain/credit/index.js';
import { instant } from '../../domain/schema/fields.js';

/** The mapped types make the compiler reject a missing or unknown member of the domain's union. */
const STATUS_SET: { readonly [S in CreditEntry['status']]: true } = {
  ACTIVE: true,
  LIFT_REQUESTED: true,
  RECTIFICATION_VERIFIED: true,
  LIFTED: true,
};
const REASON_SET: { readonly [R in BlockingReason]: true } = {
  OWN: true,
  CONTROLLING_SHAREHOLDER: true,
  LISTED_AS_CONTROLLING_SHAREHOLDER: true,
};
export const CREDIT_ENTRY_STATUSES = Object.keys(STATUS_SET) as [CreditEntry['status'], ...CreditEntry['status'][]];
const BLOCKING_REASONS = Object.keys(REASON_SET) as [BlockingReason, ...BlockingReason[]];

const evidenceRef = z.object({
  parcelId: z.string(),
  eventId: z.string().nullable(),
  caseId: z.string().nullable(),
});

export const creditEntryView = z.object({
  landUserId: z.string(),
  entryId: z.string(),
  trigger: z.enum(CREDIT_TRIGGERS),
  status: z.enum(CREDIT_ENTRY_STATUSES),
  evidenceRef,
  controllingShareholderIds: z.array(z.string()),
  reason: z.string(),
  addedAt: instant,
  expiresAt: instant.nullable().describe('Fixed-term bans only; null = until lifted'),
  liftRequest: z.object({ requestedAt: instant, requestedBy: z.string(), rectification: z.string() }).nullable(),
  verification: z.object({ verifiedAt: instant, verifiedBy: z.string(), documentNo: z.string() }).nullable(),
  lift: z.object({ liftedAt: instant, liftedBy: z.string(), announcementRef: z.string() }).nullable(),
  revision: z.number().int().describe('Revision of credit-<landUserId> that last changed the entry'),
  addedEventId: z.string().describe('Store id of the CreditEntryAdded event'),
});

export type CreditEntryView = z.output<typeof creditEntryView>;

export const blockingEntryView = z.object({
  landUserId: z.string().describe('Owner of the archive the entry is in'),
  entryId: z.string(),
  trigger: z.enum(CREDIT_TRIGGERS),
  reason: z.enum(BLOCKING_REASONS).describe('Why the entry blocks this bidder (E6)'),
  expiresAt: instant.nullable(),
  status: z.enum(CREDIT_ENTRY_STATUSES),
  addedAt: instant,
  entryReason: z.string().describe('The breach as recorded in the entry'),
  evidenceRef,
});

export const biddingEligibilityView = z.object({
  allowed: z.boolean(),
  blockingEntries: z.array(blockingEntryView),
});

export type BiddingEligibilityView = z.output<typeof biddingEligibilityView>;
