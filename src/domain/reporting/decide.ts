/**
 * The report obligation's decide and evolve (DOMAIN.md §13). Pure: today is the Shanghai date of
 * `context.now`. Opening is deterministic and idempotent (a second open decides nothing); a
 * submission is never refused for lateness, only flagged; a second submission is refused; the
 * overdue mark (from the timer) is refused once the report is in, and decides nothing twice.
 */
import { shanghaiDate } from '../calendar/index.js';
import { InvalidPeriodError, parsePeriod, type ReportPeriod } from '../../reports/period.js';
import { fail } from './errors.js';
import {
  dueDateOf,
  isReportType,
  notOwedBecause,
  obligationIdOf,
  opensOn,
  periodNotOwedBecause,
  REPORT_RULES,
} from './schedule.js';
import type {
  MarkReportOverdue,
  OpenReportObligation,
  ReportEvent,
  ReportObligation,
  ReportState,
  SubmitReport,
  ReportCommand,
} from './types.js';

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const periodOf = (label: string): ReportPeriod => {
  try {
    return parsePeriod(label);
  } catch (error) {
    if (error instanceof InvalidPeriodError) return fail('REPORT_PERIOD_INVALID', error.message, { field: 'period' });
    throw error;
  }
};

/** The ReportDue of an obligation, as the opener computes it (also used by tests and the opener). */
export const reportDueOf = (data: OpenReportObligation['data']): ReportEvent & { type: 'ReportDue' } => {
  const { type, jurisdiction, period: label } = data;
  if (!isReportType(type))
    return fail('REPORT_TYPE_UNKNOWN', `${String(type)} is not a report type`, { field: 'type' });
  const period = periodOf(label);
  const periodWhy = periodNotOwedBecause(type, period);
  if (periodWhy !== null) fail('REPORT_PERIOD_NOT_OWED', periodWhy, { field: 'period', rule: REPORT_RULES[type].rule });
  const why = notOwedBecause(type, jurisdiction);
  if (why !== null) fail('JURISDICTION_NOT_OBLIGED', why, { field: 'jurisdiction', rule: REPORT_RULES[type].rule });
  const rule = REPORT_RULES[type];
  return {
    type: 'ReportDue',
    data: {
      obligationId: obligationIdOf(type, jurisdiction, label),
      type,
      period: label,
      jurisdiction,
      periodFrom: period.from,
      periodTo: period.to,
      dueDate: dueDateOf(type, period),
      rule: rule.rule,
      source: rule.source,
      title: rule.title,
      owedFrom: opensOn(type, period),
    },
  };
};

const open = (command: OpenReportObligation, state: ReportState): ReportEvent[] => {
  const due = reportDueOf(command.data);
  if (state.status !== 'NONE') return [];
  const today = shanghaiDate(command.context.now);
  if (today < due.data.owedFrom) {
    fail('REPORT_PERIOD_NOT_ENDED', `${due.data.obligationId} is owed from ${due.data.owedFrom}, not ${today}`, {
      field: 'period',
      rule: due.data.rule,
    });
  }
  return [due];
};

const opened = (state: ReportState, command: string): ReportObligation =>
  state.status === 'NONE'
    ? fail('REPORT_OBLIGATION_NOT_OPEN', `${command}: no report obligation is open on this stream`, {})
    : state;

const submit = ({ data, context }: SubmitReport, state: ReportState): ReportEvent[] => {
  const o = opened(state, 'SubmitReport');
  if (o.status === 'SUBMITTED') {
    fail('REPORT_ALREADY_SUBMITTED', `${o.obligationId} was submitted on ${o.submission?.submittedOn}`, {
      rule: o.rule,
      documentNo: o.submission?.documentNo,
    });
  }
  const today = shanghaiDate(context.now);
  if (data.submittedOn > today) {
    fail('DATE_IN_FUTURE', `submittedOn ${data.submittedOn} is after today (${today})`, { field: 'submittedOn' });
  }
  const daysLate = Math.max(0, daysBetween(o.dueDate, data.submittedOn));
  return [
    {
      type: 'ReportSubmitted',
      data: {
        obligationId: o.obligationId,
        type: o.type,
        period: o.period,
        jurisdiction: o.jurisdiction,
        submittedOn: data.submittedOn,
        documentNo: data.documentNo,
        ...(data.summary === undefined ? {} : { summary: data.summary }),
        dueDate: o.dueDate,
        rule: o.rule,
        late: daysLate > 0,
        daysLate,
      },
    },
  ];
};

const markOverdue = ({ data, context }: MarkReportOverdue, state: ReportState): ReportEvent[] => {
  const o = opened(state, 'MarkReportOverdue');
  if (o.status === 'SUBMITTED') {
    fail('REPORT_ALREADY_SUBMITTED', `${o.obligationId} was submitted on ${o.submission?.submittedOn}`, {
      rule: o.rule,
    });
  }
  if (o.status === 'OVERDUE') return [];
  const today = shanghaiDate(context.now);
  if (today <= o.dueDate) {
    fail('REPORT_NOT_YET_OVERDUE', `${o.obligationId} is due by ${o.dueDate}; today is ${today}`, { rule: o.rule });
  }
  return [
    {
      type: 'ReportOverdue',
      data: {
        obligationId: o.obligationId,
        type: o.type,
        period: o.period,
        jurisdiction: o.jurisdiction,
        dueDate: o.dueDate,
        rule: o.rule,
        overdueOn: today,
        ...(data.timerId === undefined ? {} : { timerId: data.timerId }),
      },
    },
  ];
};

export const decide = (command: ReportCommand, state: ReportState): ReportEvent[] => {
  switch (command.type) {
    case 'OpenReportObligation':
      return open(command, state);
    case 'SubmitReport':
      return submit(command, state);
    case 'MarkReportOverdue':
      return markOverdue(command, state);
    default: {
      const _never: never = command;
      return _never;
    }
  }
};

export const initialState = (): ReportState => ({ status: 'NONE' });

export const evolve = (state: ReportState, event: ReportEvent): ReportState => {
  switch (event.type) {
    case 'ReportDue':
      return state.status !== 'NONE'
        ? state
        : { ...event.data, status: 'DUE', dueEventId: event.id ?? null, overdueOn: null, submission: null };
    case 'ReportSubmitted':
      return state.status === 'NONE'
        ? state
        : {
            ...state,
            status: 'SUBMITTED',
            submission: {
              submittedOn: event.data.submittedOn,
              documentNo: event.data.documentNo,
              summary: event.data.summary ?? null,
              late: event.data.late,
              daysLate: event.data.daysLate,
            },
          };
    case 'ReportOverdue':
      return state.status === 'DUE' ? { ...state, status: 'OVERDUE', overdueOn: event.data.overdueOn } : state;
    default:
      return state;
  }
};
