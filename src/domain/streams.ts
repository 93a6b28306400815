/**
 * Stream names of the three aggregates (ARCHITECTURE.md "Adapters": `<category>-<id>`, so that
 * EventStoreDB's `$ce-` category streams work).
 */
export const parcelStream = (parcelId: string): string => `parcel-${parcelId}`;
export const decisionStream = (decisionId: string): string => `decision-${decisionId}`;
export const creditStream = (landUserId: string): string => `credit-${landUserId}`;
/** A linkage project area (增减挂钩项目区, DOMAIN.md §9). */
export const linkageStream = (linkageId: string): string => `linkage-${linkageId}`;
/** A supply announcement (出让公告, DOMAIN.md §4 T31, T32, T38). */
export const announcementStream = (announcementId: string): string => `announcement-${announcementId}`;
/** A periodic report obligation (DOMAIN.md §13): `report-<type>-<jurisdiction>-<period>`, e.g. `report-S1-CN-JS-2026Q3`. */
export const reportStream = (obligationId: string): string => `report-${obligationId}`;

export const STREAM_CATEGORIES = {
  parcel: 'parcel-',
  decision: 'decision-',
  credit: 'credit-',
  linkage: 'linkage-',
  announcement: 'announcement-',
  report: 'report-',
  timers: 'timers-',
  calendar: 'calendar-',
  access: 'access-',
  digest: 'digest-',
} as const;

/** The log digests (Merkle roots over every stream's head), one chained stream for the whole log. */
export const DIGEST_STREAM = 'digest-log';

/** The timers of one owner (a parcel): scheduled, rescheduled, cancelled, obsolete firings. */
export const timersStream = (ownerId: string): string => `timers-${ownerId}`;

/** A WorkingCalendar scope's notices: 'CN' (national) or a regional overlay such as 'CN-XZ'. */
export const calendarStream = (scope: string): string => `calendar-${scope}`;
