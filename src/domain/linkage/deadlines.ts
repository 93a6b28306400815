/**
 * The linkage area's missed deadlines (T35, T36), recorded by the system when a timer of the
 * linkage-deadlines saga fires (src/sagas/linkage): `RecordLinkageDeadlineMissed` is a system
 * command, not in LINKAGE_COMMANDS (no HTTP route). It is refused — the firing is obsolete — when
 * the obligation was met meanwhile (the month's progress filed, the acceptance filed), when T35 no
 * longer runs (the area was accepted), when the due date moved or has not passed yet; a breach
 * already recorded decides nothing. Pure.
 *
 * T35's due date is the read model's (src/projections/linkage/views.ts): a month's progress is
 * missing from the first day of the following month, so it is due by the month's last day.
 */
import { shanghaiDate } from '../calendar/index.js';
import type { Command } from '../decider.js';
import { fail } from './errors.js';
import type { LinkageEvent } from './events.js';
import type { LinkageArea, LinkageState } from './types.js';

/** Only the system sends it (the timer poller), keyed by the timer id. */
export type RecordLinkageDeadlineMissed = Command<
  'RecordLinkageDeadlineMissed',
  {
    readonly timerId: string;
    /** 'T35' (a month's progress) or 'T36' (the acceptance filing). */
    readonly rule: string;
    /** T35: the month 'YYYY-MM'; T36: null. */
    readonly subject: string | null;
    readonly dueDate: string;
  }
>;

/** A missed deadline as the area remembers it. */
export type LinkageBreach = {
  readonly rule: 'T35' | 'T36';
  /** T35: the month; T36: null. */
  readonly subject: string | null;
  readonly dueDate: string;
  readonly overdueOn: string;
};

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** The month after 'YYYY-MM'. */
export const nextMonthOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** T35: a month's progress is due by the month's last day (missing from the 1st of the next). */
export const progressDueDate = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

const recorded = (a: LinkageArea, rule: 'T35' | 'T36', subject: string | null): boolean =>
  (a.breaches ?? []).some((b) => b.rule === rule && b.subject === subject);

const passed = (due: string, asked: string, today: string, rule: string): void => {
  if (asked !== due) {
    fail('DEADLINE_MOVED', `the ${rule} deadline is ${due}, not ${asked}`, { rule, dueDate: due });
  }
  if (today <= due) {
    fail('DEADLINE_NOT_PASSED', `the ${rule} deadline ${due} has not passed (today is ${today})`, { rule });
  }
};

export const decideDeadlineMissed = (command: RecordLinkageDeadlineMissed, state: LinkageState): LinkageEvent[] => {
  const { data } = command;
  if (state.status === 'NONE') {
    return fail('LINKAGE_NOT_APPROVED', `${command.type}: the project area has no overall approval`, {
      rule: '§9.1',
    });
  }
  const a: LinkageArea = state;
  const today = shanghaiDate(command.context.now);
  if (data.rule === 'T35') {
    const month = data.subject;
    if (month === null || !MONTH.test(month)) {
      return fail('DEADLINE_UNKNOWN', `T35 names a month 'YYYY-MM', not ${String(month)}`, {
        field: 'subject',
        rule: 'T35',
      });
    }
    if (a.status === 'ACCEPTED' || a.status === 'ACCEPTANCE_FILED') {
      fail('LINKAGE_ALREADY_ACCEPTED', `T35 ends with the acceptance (${a.acceptance?.acceptedOn})`, {
        rule: 'T35',
        status: a.status,
      });
    }
    if (a.status === 'OVERALL_APPROVED') {
      fail('BASIC_INFO_NOT_FILED', "T35 runs once the area's basic information is filed", { rule: 'T35' });
    }
    const filed = a.progress.find((p) => p.month === month);
    if (filed !== undefined) {
      fail('PROGRESS_MONTH_ALREADY_FILED', `the progress of ${month} was filed on ${filed.filedOn}`, {
        field: 'subject',
        rule: 'T35',
      });
    }
    if (recorded(a, 'T35', month)) return [];
    const dueDate = progressDueDate(month);
    passed(dueDate, data.dueDate, today, 'T35');
    return [
      {
        type: 'LinkageProgressOverdue',
        data: { linkageId: a.linkageId, rule: 'T35', month, dueDate, overdueOn: today, timerId: data.timerId },
      },
    ];
  }
  if (data.rule === 'T36') {
    if (a.status === 'ACCEPTANCE_FILED') {
      fail('ACCEPTANCE_ALREADY_FILED', `the acceptance was filed on ${a.acceptanceFiling?.filedOn}`, { rule: 'T36' });
    }
    if (a.status !== 'ACCEPTED' || a.acceptance === null) {
      return fail('LINKAGE_NOT_ACCEPTED', 'the project area has not been accepted yet', {
        rule: 'T36',
        status: a.status,
      });
    }
    if (recorded(a, 'T36', null)) return [];
    const due = a.acceptance.filingDue;
    passed(due.dueDate, data.dueDate, today, 'T36');
    return [
      {
        type: 'LinkageAcceptanceFilingOverdue',
        data: { linkageId: a.linkageId, ...due, overdueOn: today, timerId: data.timerId },
      },
    ];
  }
  return fail('DEADLINE_UNKNOWN', `the linkage area has no ${data.rule} deadline (T35, T36)`, {
    field: 'rule',
    rule: data.rule,
  });
};
