/**
 * The announcement's open obligations (T32 results publication, T38 abnormal-transaction report)
 * with their due dates on a given working calendar: `policyFor(jurisdiction).calendar` or the
 * log's current one (`calendars.current(jurisdiction)`). Pure; `on` (an ISO date) flags overdue.
 */
import type { Calendar } from '../calendar/index.js';
import { abnormalReportDueOn, resultsDueOn } from './decide.js';
import type { AnnouncementState } from './types.js';

export type AnnouncementObligationKind = 'RESULTS_PUBLICATION' | 'ABNORMAL_TRANSACTION_REPORT';

export type AnnouncementObligation = {
  readonly rule: 'T32' | 'T38';
  readonly kind: AnnouncementObligationKind;
  readonly parcelId: string;
  /** The deal the period runs from. */
  readonly anchorDate: string;
  readonly dueDate: string;
  readonly calendarVersion: string;
  readonly provisional: boolean;
  /** Only when `on` is given: the due date is before it. */
  readonly overdue?: boolean;
};

/** Earliest due first, then by parcel and rule. */
export const announcementObligations = (
  state: AnnouncementState,
  calendar: Calendar,
  options: { readonly on?: string } = {},
): AnnouncementObligation[] => {
  if (state.status === 'NONE') return [];
  const open: AnnouncementObligation[] = [];
  const add = (
    rule: 'T32' | 'T38',
    kind: AnnouncementObligationKind,
    parcelId: string,
    anchorDate: string,
    due: { readonly date: string; readonly provisional: boolean },
  ) =>
    open.push({
      rule,
      kind,
      parcelId,
      anchorDate,
      dueDate: due.date,
      calendarVersion: calendar.version,
      provisional: due.provisional,
      ...(options.on === undefined ? {} : { overdue: options.on > due.date }),
    });
  for (const r of state.results) {
    if (r.resultsPublished === null)
      add('T32', 'RESULTS_PUBLICATION', r.parcelId, r.dealOn, resultsDueOn(calendar, r.dealOn));
    if (r.abnormal && r.abnormalReport === null) {
      add('T38', 'ABNORMAL_TRANSACTION_REPORT', r.parcelId, r.dealOn, abnormalReportDueOn(calendar, r.dealOn));
    }
  }
  return open.sort(
    (x, y) =>
      x.dueDate.localeCompare(y.dueDate) || x.parcelId.localeCompare(y.parcelId) || x.rule.localeCompare(y.rule),
  );
};
