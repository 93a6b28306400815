/** The supply announcement's state and unions (DOMAIN.md §4 T31, T32, T38, §10.3). */
import type { AnnouncementBreach, RecordAnnouncementDeadlineMissed } from './deadlines.js';
import type { AnnouncementEvent, TransactionResultRecorded } from './events.js';
import type {
  PublishAnnouncement,
  PublishResults,
  PublishSupplementaryNotice,
  RecordTransactionResult,
  ReportAbnormalTransaction,
  SupplyMethod,
} from './schemas.js';

export type * from './events.js';
export type * from './schemas.js';
export { ABNORMAL_REASONS } from './events.js';
export { SUPPLY_METHODS } from './schemas.js';

export type AnnouncementCommand =
  | PublishAnnouncement
  | PublishSupplementaryNotice
  | RecordTransactionResult
  | PublishResults
  | ReportAbnormalTransaction;

export type { AnnouncementEvent };
export type { AnnouncementBreach, RecordAnnouncementDeadlineMissed } from './deadlines.js';

/** Commands only the system sends (the timer poller): not in ANNOUNCEMENT_COMMANDS, so no HTTP route. */
export type AnnouncementSystemCommand = RecordAnnouncementDeadlineMissed;

/** Everything the announcement decider decides: the HTTP commands and the system's. */
export type AnnouncementDeciderCommand = AnnouncementCommand | AnnouncementSystemCommand;

/** One parcel's deal as recorded, and what followed it (T32 results publication, T38 abnormal report). */
export type TransactionResult = Omit<TransactionResultRecorded['data'], 'announcementId'> & {
  readonly resultsPublished: { readonly publishedOn: string; readonly late: boolean } | null;
  readonly abnormalReport: { readonly reportedOn: string; readonly reportNo: string; readonly late: boolean } | null;
};

export type SupplementaryNotice = {
  readonly noticeNo: string;
  readonly publishedOn: string;
  readonly changes: readonly string[];
  /** The postponement it caused (T31), if any: calendar days. */
  readonly postponedDays: number;
};

export type Announcement = {
  readonly status: 'PUBLISHED';
  readonly announcementId: string;
  readonly jurisdiction: string;
  readonly parcelIds: readonly string[];
  readonly method: SupplyMethod;
  readonly documentNo: string;
  readonly publishedOn: string;
  /** As announced, then as postponed by supplementary notices (T31). */
  readonly activityStartsOn: string;
  readonly listingEndsOn: string | null;
  /** As first announced. */
  readonly originalActivityStartsOn: string;
  readonly notices: readonly SupplementaryNotice[];
  /** In recording order. */
  readonly results: readonly TransactionResult[];
  /** Missed T32/T38 deadlines the timers recorded; absent until the first. */
  readonly breaches?: readonly AnnouncementBreach[];
};

export type AnnouncementState = { readonly status: 'NONE' } | Announcement;
