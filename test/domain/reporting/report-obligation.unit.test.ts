/**
 * The report obligation (DOMAIN.md §13; §4 T33, T34, T37): due dates of S1, S3, T33 and T34, who
 * owes them, idempotent opening, late submissions flagged, overdue marking.
 */
import t from 'tap';
import { DomainError } from '../../../src/domain/errors.js';
import {
  obligationIdOf,
  parseObligationId,
  reportDecider,
  reportDueOf,
  reportStream,
  type ReportCommand,
  type ReportEvent,
  type ReportState,
} from '../../../src/domain/reporting/index.js';

const system = { id: 'system:reports', role: 'SYSTEM' };
const province = { id: 'u-prov', role: 'PROVINCE_REVIEWER' };

const run = (commands: readonly ReportCommand[]): { state: ReportState; events: ReportEvent[] } => {
  let state = reportDecider.initialState();
  const events: ReportEvent[] = [];
  for (const command of commands) {
    const decided = reportDecider.decide(command, state);
    events.push(...decided);
    state = decided.reduce((s, e) => reportDecider.evolve(s, e), state);
  }
  return { state, events };
};

const open = (type: string, jurisdiction: string, period: string, now: string): ReportCommand =>
  ({
    type: 'OpenReportObligation',
    data: { type, jurisdiction, period },
    context: { now, actor: system },
  }) as ReportCommand;
const submit = (submittedOn: string, now: string): ReportCommand => ({
  type: 'SubmitReport',
  data: { submittedOn, documentNo: '苏自然资函〔2026〕1号' },
  context: { now, actor: province },
});
const overdue = (now: string): ReportCommand => ({
  type: 'MarkReportOverdue',
  data: { timerId: 'x' },
  context: { now, actor: system },
});

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

const dueOf = (type: string, jurisdiction: string, period: string): string =>
  reportDueOf({ type, jurisdiction, period } as never).data.dueDate;

t.test('S1 monitoring analysis: Q1, H1, Q1–3 and the year, due the 10th of the next quarter', async (t) => {
  t.equal(dueOf('S1', 'CN-JS', '2026Q1'), '2026-04-10');
  t.equal(dueOf('S1', 'CN-JS', '2026H1'), '2026-07-10');
  t.equal(dueOf('S1', 'CN-JS', '2026Q3'), '2026-10-10');
  t.equal(dueOf('S1', 'CN-JS-3201', '2026'), '2027-01-10');
  t.equal(reportDueOf({ type: 'S1', jurisdiction: 'CN-JS', period: '2026Q3' }).data.rule, 'T37');
  t.equal(
    codeOf(() => dueOf('S1', 'CN-JS', '2026Q2')),
    'REPORT_PERIOD_NOT_OWED',
    'Q2 is the H1 report',
  );
  t.equal(
    codeOf(() => dueOf('S1', 'CN-JS-320115', '2026Q3')),
    'JURISDICTION_NOT_OBLIGED',
    'not a county',
  );
  t.equal(
    codeOf(() => dueOf('S1', 'CN', '2026Q3')),
    'JURISDICTION_NOT_OBLIGED',
  );
});

t.test(
  'S3 filing analysis: quarterly by the 15th of the next quarter’s first month, annual by 15 January',
  async (t) => {
    t.equal(dueOf('S3', 'CN-JS', '2026Q1'), '2026-04-15');
    t.equal(dueOf('S3', 'CN-JS', '2026Q2'), '2026-07-15');
    t.equal(dueOf('S3', 'CN-JS', '2026Q3'), '2026-10-15');
    t.equal(dueOf('S3', 'CN-JS', '2026Q4'), '2027-01-15');
    t.equal(dueOf('S3', 'CN-JS', '2026'), '2027-01-15');
    t.equal(
      codeOf(() => dueOf('S3', 'CN-JS-3201', '2026Q3')),
      'JURISDICTION_NOT_OBLIGED',
      'owed by provinces',
    );
    t.equal(
      codeOf(() => dueOf('S3', 'CN-JS', '2026H1')),
      'REPORT_PERIOD_NOT_OWED',
    );
    t.equal(
      codeOf(() => dueOf('S3', 'CN-JS', '2026M07')),
      'REPORT_PERIOD_NOT_OWED',
    );
  },
);

t.test('T33 supply plan and T34 base land price: Jiangsu cities and counties, by 31 March', async (t) => {
  t.equal(dueOf('T33', 'CN-JS-3201', '2027'), '2027-03-31');
  t.equal(dueOf('T34', 'CN-JS-320115', '2027'), '2027-03-31');
  t.equal(reportDueOf({ type: 'T33', jurisdiction: 'CN-JS-3201', period: '2027' }).data.rule, 'T33');
  t.equal(reportDueOf({ type: 'T34', jurisdiction: 'CN-JS-3201', period: '2027' }).data.rule, 'T34');
  t.equal(
    codeOf(() => dueOf('T33', 'CN-SC-5101', '2027')),
    'JURISDICTION_NOT_OBLIGED',
    'Jiangsu only (S4)',
  );
  t.equal(
    codeOf(() => dueOf('T34', 'CN-JS', '2027')),
    'JURISDICTION_NOT_OBLIGED',
    'cities and counties',
  );
  t.equal(
    codeOf(() => dueOf('T33', 'CN-JS-3201', '2027Q1')),
    'REPORT_PERIOD_NOT_OWED',
  );
  // Owed from 1 January: opened on the first day of the year, not before.
  t.equal(
    codeOf(() => run([open('T33', 'CN-JS-3201', '2027', '2026-12-31T12:00:00+08:00')])),
    'REPORT_PERIOD_NOT_ENDED',
  );
  t.equal(run([open('T33', 'CN-JS-3201', '2027', '2027-01-01T00:00:00+08:00')]).events.length, 1);
});

t.test('S1 opening: after the period only, deterministic, and a second open changes nothing', async (t) => {
  t.equal(
    codeOf(() => run([open('S1', 'CN-JS', '2026Q3', '2026-09-30T23:59:00+08:00')])),
    'REPORT_PERIOD_NOT_ENDED',
  );
  const now = '2026-10-01T00:00:00+08:00';
  const once = run([open('S1', 'CN-JS', '2026Q3', now)]);
  const twice = run([open('S1', 'CN-JS', '2026Q3', now), open('S1', 'CN-JS', '2026Q3', '2026-12-01T00:00:00+08:00')]);
  t.same(twice.events, once.events, 'the second open decides nothing');
  t.match(once.events[0], {
    type: 'ReportDue',
    data: {
      obligationId: 'S1-CN-JS-2026Q3',
      type: 'S1',
      period: '2026Q3',
      jurisdiction: 'CN-JS',
      periodFrom: '2026-07-01',
      periodTo: '2026-09-30',
      dueDate: '2026-10-10',
      rule: 'T37',
      source: 'S1 §三',
      owedFrom: '2026-10-01',
    },
  });
  t.equal(twice.state.status, 'DUE');
  t.equal(reportStream(obligationIdOf('S1', 'CN-JS', '2026Q3')), 'report-S1-CN-JS-2026Q3');
  t.same(parseObligationId('T34-CN-JS-320115-2027'), { type: 'T34', jurisdiction: 'CN-JS-320115', period: '2027' });
  t.equal(parseObligationId('S9-CN-JS-2027'), null);
});

t.test(
  'S3 submission: on time is not late; after the due date flagged late, never refused; twice refused',
  async (t) => {
    const opened = open('S3', 'CN-JS', '2026Q3', '2026-10-01T09:00:00+08:00');
    const onTime = run([opened, submit('2026-10-15', '2026-10-15T17:00:00+08:00')]);
    t.match(onTime.events[1], { type: 'ReportSubmitted', data: { late: false, daysLate: 0, dueDate: '2026-10-15' } });
    const late = run([opened, submit('2026-10-20', '2026-10-21T09:00:00+08:00')]);
    t.match(late.events[1], { type: 'ReportSubmitted', data: { late: true, daysLate: 5 } });
    t.match(late.state, { status: 'SUBMITTED', submission: { late: true, submittedOn: '2026-10-20' } });
    t.equal(
      codeOf(() =>
        run([
          opened,
          submit('2026-10-10', '2026-10-11T09:00:00+08:00'),
          submit('2026-10-11', '2026-10-11T10:00:00+08:00'),
        ]),
      ),
      'REPORT_ALREADY_SUBMITTED',
    );
    t.equal(
      codeOf(() => run([opened, submit('2026-10-12', '2026-10-11T09:00:00+08:00')])),
      'DATE_IN_FUTURE',
    );
    t.equal(
      codeOf(() => run([submit('2026-10-10', '2026-10-11T09:00:00+08:00')])),
      'REPORT_OBLIGATION_NOT_OPEN',
    );
  },
);

t.test('S1 overdue: only after the due date, once, never after the submission', async (t) => {
  const opened = open('S1', 'CN-JS', '2026Q3', '2026-10-01T09:00:00+08:00');
  t.equal(
    codeOf(() => run([opened, overdue('2026-10-10T23:00:00+08:00')])),
    'REPORT_NOT_YET_OVERDUE',
  );
  const late = run([opened, overdue('2026-10-11T00:00:00+08:00'), overdue('2026-10-12T00:00:00+08:00')]);
  t.equal(late.events.length, 2, 'ReportDue and one ReportOverdue');
  t.match(late.events[1], { type: 'ReportOverdue', data: { dueDate: '2026-10-10', overdueOn: '2026-10-11' } });
  t.equal(late.state.status, 'OVERDUE');
  // Overdue, then submitted: flagged late, kept as submitted with the day it went overdue.
  const after = run([opened, overdue('2026-10-11T00:00:00+08:00'), submit('2026-10-13', '2026-10-13T10:00:00+08:00')]);
  t.match(after.state, { status: 'SUBMITTED', overdueOn: '2026-10-11', submission: { late: true, daysLate: 3 } });
  t.equal(
    codeOf(() =>
      run([opened, submit('2026-10-09', '2026-10-09T10:00:00+08:00'), overdue('2026-10-11T00:00:00+08:00')]),
    ),
    'REPORT_ALREADY_SUBMITTED',
    'no ReportOverdue once submitted',
  );
});

t.test('T34 late publication is flagged', async (t) => {
  const r = run([
    open('T34', 'CN-JS-3201', '2027', '2027-01-01T08:00:00+08:00'),
    submit('2027-04-02', '2027-04-02T10:00:00+08:00'),
  ]);
  t.match(r.events[1], { type: 'ReportSubmitted', data: { late: true, daysLate: 2, rule: 'T34' } });
});
