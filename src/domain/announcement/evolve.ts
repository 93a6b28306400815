import type { AnnouncementEvent } from './events.js';
import type { Announcement, AnnouncementState, TransactionResult } from './types.js';

export const initialState = (): AnnouncementState => ({ status: 'NONE' });

const withResult = (
  a: Announcement,
  parcelId: string,
  change: (r: TransactionResult) => TransactionResult,
): Announcement => ({ ...a, results: a.results.map((r) => (r.parcelId === parcelId ? change(r) : r)) });

/** Applies one event; events that do not fit the state are ignored (Decider contract). */
export const evolve = (state: AnnouncementState, event: AnnouncementEvent): AnnouncementState => {
  if (event.type === 'AnnouncementPublished') {
    if (state.status !== 'NONE') return state;
    const d = event.data;
    return {
      status: 'PUBLISHED',
      announcementId: d.announcementId,
      jurisdiction: d.jurisdiction,
      parcelIds: d.parcelIds,
      method: d.method,
      documentNo: d.documentNo,
      publishedOn: d.publishedOn,
      activityStartsOn: d.activityStartsOn,
      listingEndsOn: d.listingEndsOn,
      originalActivityStartsOn: d.activityStartsOn,
      notices: [],
      results: [],
    };
  }
  if (state.status === 'NONE') return state;
  const a: Announcement = state;
  switch (event.type) {
    case 'AnnouncementAmended': {
      const { noticeNo, publishedOn, changes } = event.data;
      return { ...a, notices: [...a.notices, { noticeNo, publishedOn, changes, postponedDays: 0 }] };
    }
    case 'ActivityRescheduled': {
      const { to, days, listingEndsOn, noticeNo } = event.data;
      return {
        ...a,
        activityStartsOn: to,
        listingEndsOn: listingEndsOn === null ? a.listingEndsOn : listingEndsOn.to,
        notices: a.notices.map((n) => (n.noticeNo === noticeNo ? { ...n, postponedDays: days } : n)),
      };
    }
    case 'TransactionResultRecorded': {
      const { announcementId: _id, ...result } = event.data;
      return { ...a, results: [...a.results, { ...result, resultsPublished: null, abnormalReport: null }] };
    }
    case 'ResultsPublished': {
      const { parcelId, publishedOn, late } = event.data;
      return withResult(a, parcelId, (r) => ({ ...r, resultsPublished: { publishedOn, late } }));
    }
    case 'AbnormalTransactionReported': {
      const { parcelId, reportedOn, reportNo, late } = event.data;
      return withResult(a, parcelId, (r) => ({ ...r, abnormalReport: { reportedOn, reportNo, late } }));
    }
    case 'ResultsPublicationOverdue':
    case 'AbnormalReportOverdue': {
      const { parcelId, dueDate, overdueOn } = event.data;
      const rule = event.type === 'ResultsPublicationOverdue' ? 'T32' : 'T38';
      return { ...a, breaches: [...(a.breaches ?? []), { rule, parcelId, dueDate, overdueOn }] };
    }
    default:
      return a;
  }
};
