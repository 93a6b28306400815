/** The supply announcement's events (DOMAIN.md §4 T31, T32, T38). Types, not interfaces: event data is plain JSON. */
import type { DomainEvent } from '../decider.js';
import type { SupplyMethod } from './schemas.js';

/**
 * A deadline's stamp, as parcel SLAs carry it (§4 notes): the rule, its due date, the policy and
 * calendar versions it was computed on, and whether the date lies in an unpublished year.
 */
export type DueStamp = {
  readonly rule: string;
  readonly dueDate: string;
  readonly policyVersion: string;
  readonly calendarVersion: string;
  readonly provisional: boolean;
};

/** Why a deal is abnormal (T38). */
export const ABNORMAL_REASONS = ['PREMIUM_OVER_50_PERCENT', 'RECORD_PRICE'] as const;
export type AbnormalReason = (typeof ABNORMAL_REASONS)[number];

type Ref = { readonly announcementId: string };

export type AnnouncementPublished = DomainEvent<
  'AnnouncementPublished',
  Ref & {
    readonly jurisdiction: string;
    readonly parcelIds: readonly string[];
    readonly method: SupplyMethod;
    readonly publishedOn: string;
    readonly activityStartsOn: string;
    /** LISTING only; null otherwise. */
    readonly listingEndsOn: string | null;
    readonly documentNo: string;
    /** The policy whose T32 periods were checked. */
    readonly policyVersion: string;
  }
>;

export type AnnouncementAmended = DomainEvent<
  'AnnouncementAmended',
  Ref & {
    readonly noticeNo: string;
    readonly publishedOn: string;
    readonly changes: readonly string[];
    /** Calendar days from the notice to the activity start as it stood before the notice. */
    readonly leadDays: number;
  }
>;

/** T31 (S4 §八): a supplementary notice less than 20 days before the start postpones the activity. */
export type ActivityRescheduled = DomainEvent<
  'ActivityRescheduled',
  Ref & {
    readonly from: string;
    readonly to: string;
    /** Calendar days of the postponement; the listing end moves by as many. */
    readonly days: number;
    readonly listingEndsOn: { readonly from: string; readonly to: string } | null;
    readonly reason: 'T31';
    readonly noticeNo: string;
    readonly policyVersion: string;
  }
>;

export type TransactionResultRecorded = DomainEvent<
  'TransactionResultRecorded',
  Ref & {
    readonly parcelId: string;
    readonly dealOn: string;
    readonly winnerId: string;
    readonly priceFen: number;
    readonly startingPriceFen: number;
    readonly recordPrice: boolean;
    /** (price − starting price) / starting price, exact: a decimal string, or 'n/d' when not finite. */
    readonly premium: string;
    readonly abnormal: boolean;
    readonly abnormalReasons: readonly AbnormalReason[];
    /** T32: the results are published within 10 working days of the deal. */
    readonly resultsDue: DueStamp;
    /** T38: an abnormal deal is reported within 2 working days; null when not abnormal. */
    readonly abnormalReportDue: DueStamp | null;
  }
>;

export type ResultsPublished = DomainEvent<
  'ResultsPublished',
  Ref & DueStamp & { readonly parcelId: string; readonly publishedOn: string; readonly late: boolean }
>;

export type AbnormalTransactionReported = DomainEvent<
  'AbnormalTransactionReported',
  Ref &
    DueStamp & {
      readonly parcelId: string;
      readonly reportedOn: string;
      readonly reportNo: string;
      readonly late: boolean;
    }
>;

/** T32 missed: the deal's results were not published by their due date (the system, on the timer). */
export type ResultsPublicationOverdue = DomainEvent<
  'ResultsPublicationOverdue',
  Ref & DueStamp & { readonly parcelId: string; readonly overdueOn: string; readonly timerId: string }
>;

/** T38 missed: the abnormal deal was not reported by its due date (the system, on the timer). */
export type AbnormalReportOverdue = DomainEvent<
  'AbnormalReportOverdue',
  Ref & DueStamp & { readonly parcelId: string; readonly overdueOn: string; readonly timerId: string }
>;

export type AnnouncementEvent =
  | AnnouncementPublished
  | AnnouncementAmended
  | ActivityRescheduled
  | TransactionResultRecorded
  | ResultsPublished
  | AbnormalTransactionReported
  | ResultsPublicationOverdue
  | AbnormalReportOverdue;
