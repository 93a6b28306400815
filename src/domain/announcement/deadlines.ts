/**
 * The announcement's missed deadlines (T32 results publication, T38 abnormal-transaction report),
 * recorded by the system when a timer of the announcement-deadlines saga fires
 * (src/sagas/announcement): `RecordAnnouncementDeadlineMissed` is a system command, not in
 * ANNOUNCEMENT_COMMANDS (no HTTP route). It is refused — the firing is obsolete — when the
 * obligation was met meanwhile (results published, report filed), when the due date moved or has
 * not passed yet; a breach already recorded decides nothing. The due date is the one the deal
 * stamped (`resultsDue`, `abnormalReportDue`), the same the filing's `late` is judged on. Pure.
 */
import { shanghaiDate } from '../calendar/index.js';
import type { Command } from '../decider.js';
import { fail } from './errors.js';
import type { AnnouncementEvent } from './events.js';
import type { Announcement, AnnouncementState, TransactionResult } from './types.js';

/** Only the system sends it (the timer poller), keyed by the timer id. */
export type RecordAnnouncementDeadlineMissed = Command<
  'RecordAnnouncementDeadlineMissed',
  {
    readonly timerId: string;
    /** 'T32' (results publication) or 'T38' (abnormal-transaction report). */
    readonly rule: string;
    readonly parcelId: string;
    readonly dueDate: string;
  }
>;

/** A missed deadline as the announcement remembers it. */
export type AnnouncementBreach = {
  readonly rule: 'T32' | 'T38';
  readonly parcelId: string;
  readonly dueDate: string;
  readonly overdueOn: string;
};

const recorded = (a: Announcement, rule: 'T32' | 'T38', parcelId: string): boolean =>
  (a.breaches ?? []).some((b) => b.rule === rule && b.parcelId === parcelId);

const passed = (due: string, asked: string, today: string, rule: string): void => {
  if (asked !== due) fail('DEADLINE_MOVED', `the ${rule} deadline is ${due}, not ${asked}`, { rule, dueDate: due });
  if (today <= due) {
    fail('DEADLINE_NOT_PASSED', `the ${rule} deadline ${due} has not passed (today is ${today})`, { rule });
  }
};

export const decideAnnouncementDeadlineMissed = (
  command: RecordAnnouncementDeadlineMissed,
  state: AnnouncementState,
): AnnouncementEvent[] => {
  const { data } = command;
  if (state.status === 'NONE') {
    return fail('ANNOUNCEMENT_NOT_PUBLISHED', `${command.type}: the announcement has not been published`, {
      rule: data.rule,
    });
  }
  const a: Announcement = state;
  const today = shanghaiDate(command.context.now);
  const r: TransactionResult =
    a.results.find((x) => x.parcelId === data.parcelId) ??
    fail('RESULT_NOT_RECORDED', `no transaction result is recorded for parcel ${data.parcelId}`, {
      field: 'parcelId',
      rule: data.rule,
    });
  if (data.rule === 'T32') {
    if (r.resultsPublished !== null) {
      fail(
        'RESULTS_ALREADY_PUBLISHED',
        `the result of parcel ${r.parcelId} was published on ${r.resultsPublished.publishedOn}`,
        { field: 'parcelId', rule: 'T32' },
      );
    }
    if (recorded(a, 'T32', r.parcelId)) return [];
    passed(r.resultsDue.dueDate, data.dueDate, today, 'T32');
    return [
      {
        type: 'ResultsPublicationOverdue',
        data: {
          announcementId: a.announcementId,
          parcelId: r.parcelId,
          ...r.resultsDue,
          overdueOn: today,
          timerId: data.timerId,
        },
      },
    ];
  }
  if (data.rule === 'T38') {
    if (!r.abnormal || r.abnormalReportDue === null) {
      return fail('TRANSACTION_NOT_ABNORMAL', `the deal of parcel ${r.parcelId} is not abnormal`, {
        field: 'parcelId',
        rule: 'T38',
      });
    }
    if (r.abnormalReport !== null) {
      fail(
        'ABNORMAL_ALREADY_REPORTED',
        `the deal of parcel ${r.parcelId} was reported on ${r.abnormalReport.reportedOn}`,
        {
          field: 'parcelId',
          rule: 'T38',
        },
      );
    }
    if (recorded(a, 'T38', r.parcelId)) return [];
    passed(r.abnormalReportDue.dueDate, data.dueDate, today, 'T38');
    return [
      {
        type: 'AbnormalReportOverdue',
        data: {
          announcementId: a.announcementId,
          parcelId: r.parcelId,
          ...r.abnormalReportDue,
          overdueOn: today,
          timerId: data.timerId,
        },
      },
    ];
  }
  return fail('DEADLINE_UNKNOWN', `an announcement has no ${data.rule} deadline (T32, T38)`, {
    field: 'rule',
    rule: data.rule,
  });
};
