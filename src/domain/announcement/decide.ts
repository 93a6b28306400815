/**
 * The supply announcement's decide (DOMAIN.md §4 T31, T32, T38; S4 §八). Pure: today is the
 * Shanghai date of `context.now`; the periods are the jurisdiction's policy (`policyFor`), counted
 * on the calendar source the decider is built with (the service's: the log's notices; tests: the
 * seed), as the linkage area's T36.
 */
import {
  addWorkingDays,
  applyPeriod,
  calendarDaysBetween,
  addCalendarDays,
  shanghaiDate,
  type Calendar,
  type CalendarSource,
} from '../calendar/index.js';
import { instantMillis } from '../instant.js';
import { divisionCodeOf } from '../jurisdiction.js';
import { policyFor, type Period, type Policy } from '../policy/index.js';
import { fail } from './errors.js';
import type { AbnormalReason, AnnouncementEvent, DueStamp } from './events.js';
import { premiumOf, premiumOver50Percent } from './premium.js';
import { decideAnnouncementDeadlineMissed } from './deadlines.js';
import type {
  Announcement,
  AnnouncementCommand,
  AnnouncementDeciderCommand,
  AnnouncementState,
  TransactionResult,
} from './types.js';

/** T32 (E10, Decree 39 Art 19): a listing (挂牌) lasts at least 10 days. */
export const LISTING_MIN_DAYS = 10;
/** T32 (E10): the results are published within 10 working days of the deal. */
export const RESULTS_PUBLICATION_WORKING_DAYS = 10;
/** T38 (E17, MLR 2010-12): an abnormal deal is reported within 2 working days of the deal. */
export const ABNORMAL_REPORT_WORKING_DAYS = 2;

type CommandOf<T extends AnnouncementCommand['type']> = Extract<AnnouncementCommand, { type: T }>;

interface Ctx {
  readonly today: string;
  readonly calendars: CalendarSource;
}

/** The jurisdiction's policy, its calendar the current one of the source (the log's in the service). */
export const announcementPolicy = (calendars: CalendarSource, jurisdiction: string): Policy => ({
  ...policyFor(jurisdiction),
  calendar: calendars.current(jurisdiction),
});

const dueStamp = (policy: Policy, rule: string, anchor: string, workingDays: number): DueStamp => {
  const due = addWorkingDays(policy.calendar, anchor, workingDays);
  return {
    rule,
    dueDate: due.date,
    policyVersion: policy.version,
    calendarVersion: policy.calendar.version,
    provisional: due.provisional,
  };
};

/** T32: the results of a deal on `dealOn` are published by this date (10 wd, anchor not counted). */
export const resultsDueOn = (calendar: Calendar, dealOn: string) =>
  addWorkingDays(calendar, dealOn, RESULTS_PUBLICATION_WORKING_DAYS);
/** T38: an abnormal deal on `dealOn` is reported by this date (2 wd, anchor not counted). */
export const abnormalReportDueOn = (calendar: Calendar, dealOn: string) =>
  addWorkingDays(calendar, dealOn, ABNORMAL_REPORT_WORKING_DAYS);

const days = (period: Period): string => `${period.offset} ${period.unit === 'cd' ? 'days' : period.unit}`;

const notAfterToday = (date: string, field: string, ctx: Ctx): string =>
  date > ctx.today ? fail('DATE_IN_FUTURE', `${field} ${date} is after today (${ctx.today})`, { field }) : date;

const notBefore = (date: string, anchor: string, field: string, what: string, rule: string): string =>
  date < anchor ? fail('DATE_BEFORE_ANCHOR', `${field} ${date} is before ${what} (${anchor})`, { field, rule }) : date;

const published = (state: AnnouncementState, command: string): Announcement =>
  state.status === 'NONE'
    ? fail('ANNOUNCEMENT_NOT_PUBLISHED', `${command}: the announcement has not been published`, { rule: 'T32' })
    : state;

const offered = (a: Announcement, parcelId: string, field: string): string =>
  a.parcelIds.includes(parcelId)
    ? parcelId
    : fail('PARCEL_NOT_IN_ANNOUNCEMENT', `parcel ${parcelId} is not offered by announcement ${a.announcementId}`, {
        field,
        rule: '§10.3',
      });

const resultOf = (a: Announcement, parcelId: string, field: string, rule: string): TransactionResult => {
  offered(a, parcelId, field);
  return (
    a.results.find((r) => r.parcelId === parcelId) ??
    fail('RESULT_NOT_RECORDED', `no transaction result is recorded for parcel ${parcelId}`, { field, rule })
  );
};

const noDuplicates = (ids: readonly string[], field: string): void => {
  ids.forEach((parcelId, i) => {
    if (ids.indexOf(parcelId) !== i) {
      fail('DUPLICATE_PARCEL', `parcel ${parcelId} appears twice`, { field: `${field}.${i}`, rule: '§10.3' });
    }
  });
};

// ---------------------------------------------------------------------------------------------

/** T32: the activity at least 20 days after publication; a listing period of at least 10 days. */
const publish = (command: CommandOf<'PublishAnnouncement'>, state: AnnouncementState, ctx: Ctx) => {
  const { data } = command;
  if (state.status !== 'NONE') {
    fail(
      'ANNOUNCEMENT_ALREADY_PUBLISHED',
      `announcement ${state.announcementId} was published on ${state.publishedOn}`,
      {
        rule: 'T32',
      },
    );
  }
  const code = divisionCodeOf(data.jurisdiction);
  if (code === null || code.length < 4) {
    fail(
      'ANNOUNCEMENT_JURISDICTION_INVALID',
      `a supply announcement is published by a city or county ('CN-JS-3201'), not '${data.jurisdiction}'`,
      { field: 'jurisdiction', rule: '§10.3' },
    );
  }
  const policy = announcementPolicy(ctx.calendars, data.jurisdiction);
  noDuplicates(data.parcelIds, 'parcelIds');
  notAfterToday(data.publishedOn, 'publishedOn', ctx);
  if (data.method === 'LISTING' && data.listingEndsOn === undefined) {
    fail('LISTING_END_REQUIRED', 'a listing (挂牌) announcement states when the listing period ends', {
      field: 'listingEndsOn',
      rule: 'T32',
    });
  }
  if (data.method !== 'LISTING' && data.listingEndsOn !== undefined) {
    fail('LISTING_END_NOT_ALLOWED', `a ${data.method} announcement has no listing period`, {
      field: 'listingEndsOn',
      rule: 'T32',
    });
  }
  const lead = policy.announcementMinLead;
  const earliest = applyPeriod(policy.calendar, data.publishedOn, lead, 'after').date;
  if (data.activityStartsOn < earliest) {
    fail(
      'ANNOUNCEMENT_LEAD_TOO_SHORT',
      `the activity starts ${data.activityStartsOn}, ${calendarDaysBetween(data.publishedOn, data.activityStartsOn)} days after publication (${data.publishedOn}); it must be at least ${days(lead)} after it, on ${earliest} or later (T32)`,
      { field: 'activityStartsOn', rule: 'T32', earliest, minLead: lead },
    );
  }
  const listingEndsOn = data.listingEndsOn ?? null;
  if (listingEndsOn !== null) {
    const period = calendarDaysBetween(data.activityStartsOn, listingEndsOn);
    if (period < LISTING_MIN_DAYS) {
      fail(
        'LISTING_PERIOD_TOO_SHORT',
        `the listing period from ${data.activityStartsOn} to ${listingEndsOn} is ${period} days; it must be at least ${LISTING_MIN_DAYS} days (T32)`,
        {
          field: 'listingEndsOn',
          rule: 'T32',
          earliest: addCalendarDays(data.activityStartsOn, LISTING_MIN_DAYS).date,
          minDays: LISTING_MIN_DAYS,
        },
      );
    }
  }
  return [
    {
      type: 'AnnouncementPublished',
      data: {
        announcementId: data.announcementId,
        jurisdiction: data.jurisdiction,
        parcelIds: data.parcelIds,
        method: data.method,
        publishedOn: data.publishedOn,
        activityStartsOn: data.activityStartsOn,
        listingEndsOn,
        documentNo: data.documentNo,
        policyVersion: policy.version,
      },
    },
  ] satisfies AnnouncementEvent[];
};

/** T31 (S4 §八): a notice less than 20 days before the start postpones the activity to 20 days after it. */
const supplement = (
  command: CommandOf<'PublishSupplementaryNotice'>,
  state: AnnouncementState,
  ctx: Ctx,
): AnnouncementEvent[] => {
  const a = published(state, command.type);
  const { data } = command;
  const same = a.notices.find((n) => n.noticeNo === data.noticeNo);
  if (same !== undefined) {
    fail('NOTICE_ALREADY_PUBLISHED', `supplementary notice ${data.noticeNo} was published on ${same.publishedOn}`, {
      field: 'noticeNo',
      rule: 'T31',
    });
  }
  if (a.results.length > 0) {
    fail(
      'TRANSACTION_ALREADY_RECORDED',
      'a transaction result is recorded: the announcement can no longer be amended',
      {
        rule: 'T31',
      },
    );
  }
  notAfterToday(data.publishedOn, 'publishedOn', ctx);
  notBefore(data.publishedOn, a.publishedOn, 'publishedOn', 'the announcement', 'T31');
  if (data.publishedOn > a.activityStartsOn) {
    fail(
      'ACTIVITY_ALREADY_STARTED',
      `the activity started on ${a.activityStartsOn}: a supplementary notice is published during the announcement period (S4 §八)`,
      { field: 'publishedOn', rule: 'T31' },
    );
  }
  const policy = announcementPolicy(ctx.calendars, a.jurisdiction);
  const leadDays = calendarDaysBetween(data.publishedOn, a.activityStartsOn);
  const events: AnnouncementEvent[] = [
    {
      type: 'AnnouncementAmended',
      data: {
        announcementId: a.announcementId,
        noticeNo: data.noticeNo,
        publishedOn: data.publishedOn,
        changes: data.changes,
        leadDays,
      },
    },
  ];
  const earliest = applyPeriod(
    policy.calendar,
    data.publishedOn,
    policy.supplementaryAnnouncementMinLead,
    'after',
  ).date;
  if (a.activityStartsOn < earliest) {
    const shift = calendarDaysBetween(a.activityStartsOn, earliest);
    events.push({
      type: 'ActivityRescheduled',
      data: {
        announcementId: a.announcementId,
        from: a.activityStartsOn,
        to: earliest,
        days: shift,
        listingEndsOn:
          a.listingEndsOn === null ? null : { from: a.listingEndsOn, to: addCalendarDays(a.listingEndsOn, shift).date },
        reason: 'T31',
        noticeNo: data.noticeNo,
        policyVersion: policy.version,
      },
    });
  }
  return events;
};

/** The deal; stamps T32's results publication and, for an abnormal deal, T38's report. */
const recordResult = (
  command: CommandOf<'RecordTransactionResult'>,
  state: AnnouncementState,
  ctx: Ctx,
): AnnouncementEvent[] => {
  const a = published(state, command.type);
  const { data } = command;
  offered(a, data.parcelId, 'parcelId');
  const done = a.results.find((r) => r.parcelId === data.parcelId);
  if (done !== undefined) {
    fail('RESULT_ALREADY_RECORDED', `the deal of parcel ${data.parcelId} was recorded (${done.dealOn})`, {
      field: 'parcelId',
      rule: 'T32',
    });
  }
  notAfterToday(data.dealOn, 'dealOn', ctx);
  notBefore(data.dealOn, a.activityStartsOn, 'dealOn', 'the activity start', 'T32');
  const policy = announcementPolicy(ctx.calendars, a.jurisdiction);
  const reasons: AbnormalReason[] = [];
  if (premiumOver50Percent(data.priceFen, data.startingPriceFen)) reasons.push('PREMIUM_OVER_50_PERCENT');
  if (data.recordPrice) reasons.push('RECORD_PRICE');
  const abnormal = reasons.length > 0;
  return [
    {
      type: 'TransactionResultRecorded',
      data: {
        announcementId: a.announcementId,
        parcelId: data.parcelId,
        dealOn: data.dealOn,
        winnerId: data.winnerId,
        priceFen: data.priceFen,
        startingPriceFen: data.startingPriceFen,
        recordPrice: data.recordPrice,
        premium: premiumOf(data.priceFen, data.startingPriceFen),
        abnormal,
        abnormalReasons: reasons,
        resultsDue: dueStamp(policy, 'T32', data.dealOn, RESULTS_PUBLICATION_WORKING_DAYS),
        abnormalReportDue: abnormal ? dueStamp(policy, 'T38', data.dealOn, ABNORMAL_REPORT_WORKING_DAYS) : null,
      },
    },
  ];
};

/** T32: late publication is recorded and flagged, never refused. One event per parcel. */
const publishResults = (
  command: CommandOf<'PublishResults'>,
  state: AnnouncementState,
  ctx: Ctx,
): AnnouncementEvent[] => {
  const a = published(state, command.type);
  const { data } = command;
  let targets: TransactionResult[];
  if (data.parcelIds === undefined) {
    targets = a.results.filter((r) => r.resultsPublished === null);
    if (targets.length === 0) {
      fail('NO_RESULTS_TO_PUBLISH', 'every recorded transaction result is already published', { rule: 'T32' });
    }
  } else {
    noDuplicates(data.parcelIds, 'parcelIds');
    targets = data.parcelIds.map((parcelId, i) => {
      const result = resultOf(a, parcelId, `parcelIds.${i}`, 'T32');
      if (result.resultsPublished !== null) {
        fail(
          'RESULTS_ALREADY_PUBLISHED',
          `the result of parcel ${parcelId} was published on ${result.resultsPublished.publishedOn}`,
          { field: `parcelIds.${i}`, rule: 'T32' },
        );
      }
      return result;
    });
  }
  notAfterToday(data.publishedOn, 'publishedOn', ctx);
  for (const r of targets) notBefore(data.publishedOn, r.dealOn, 'publishedOn', `the deal of ${r.parcelId}`, 'T32');
  return targets.map((r) => ({
    type: 'ResultsPublished',
    data: {
      announcementId: a.announcementId,
      parcelId: r.parcelId,
      ...r.resultsDue,
      publishedOn: data.publishedOn,
      late: data.publishedOn > r.resultsDue.dueDate,
    },
  }));
};

/** T38: only an abnormal deal is reported; late is recorded and flagged, never refused. */
const reportAbnormal = (
  command: CommandOf<'ReportAbnormalTransaction'>,
  state: AnnouncementState,
  ctx: Ctx,
): AnnouncementEvent[] => {
  const a = published(state, command.type);
  const { data } = command;
  const r = resultOf(a, data.parcelId, 'parcelId', 'T38');
  if (!r.abnormal || r.abnormalReportDue === null) {
    return fail(
      'TRANSACTION_NOT_ABNORMAL',
      `the deal of parcel ${r.parcelId} is not abnormal: premium ${r.premium} is not above 0.5 and no record price`,
      { field: 'parcelId', rule: 'T38', premium: r.premium },
    );
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
  notAfterToday(data.reportedOn, 'reportedOn', ctx);
  notBefore(data.reportedOn, r.dealOn, 'reportedOn', 'the deal', 'T38');
  return [
    {
      type: 'AbnormalTransactionReported',
      data: {
        announcementId: a.announcementId,
        parcelId: r.parcelId,
        ...r.abnormalReportDue,
        reportedOn: data.reportedOn,
        reportNo: data.reportNo,
        late: data.reportedOn > r.abnormalReportDue.dueDate,
      },
    },
  ];
};

export const makeDecide =
  (calendars: CalendarSource) =>
  (command: AnnouncementDeciderCommand, state: AnnouncementState): readonly AnnouncementEvent[] => {
    instantMillis(command.context.now, 'context.now');
    const ctx: Ctx = { today: shanghaiDate(command.context.now), calendars };
    switch (command.type) {
      case 'PublishAnnouncement':
        return publish(command, state, ctx);
      case 'PublishSupplementaryNotice':
        return supplement(command, state, ctx);
      case 'RecordTransactionResult':
        return recordResult(command, state, ctx);
      case 'PublishResults':
        return publishResults(command, state, ctx);
      case 'ReportAbnormalTransaction':
        return reportAbnormal(command, state, ctx);
      case 'RecordAnnouncementDeadlineMissed':
        return decideAnnouncementDeadlineMissed(command, state);
      default: {
        const _never: never = command;
        return fail('UNKNOWN_COMMAND', `unknown command ${(_never as { type: string }).type}`);
      }
    }
  };
