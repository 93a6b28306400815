/**
 * RecordLinkageDeadlineMissed (T35, T36): the system's record of a missed deadline, refused when
 * the obligation was met meanwhile or no longer runs (the timer's firing is then obsolete), when
 * the deadline moved or has not passed; a breach recorded twice decides nothing. Not an HTTP
 * command: it is not in LINKAGE_COMMANDS.
 */
import t, { type Test } from 'tap';
import { DomainError } from '../../../src/domain/errors.js';
import {
  LINKAGE_COMMANDS,
  linkageDecider,
  type LinkageDeciderCommand,
  type LinkageEvent,
  type LinkageState,
} from '../../../src/domain/linkage/index.js';

const province = { id: 'u-prov-1', role: 'PROVINCE_REVIEWER' };
const city = { id: 'u-city-1', role: 'GRANTOR_ADMIN' };
const system = { id: 'system:timers', role: 'SYSTEM' };
const { linkageId: _id, ...approval } = LINKAGE_COMMANDS.ApproveLinkageOverall.example;

const cmd = (type: string, data: object, now: string, actor = city): LinkageDeciderCommand =>
  ({ type, data, context: { now, actor } }) as LinkageDeciderCommand;

const run = (commands: readonly LinkageDeciderCommand[], state: LinkageState = linkageDecider.initialState()) => {
  const events: LinkageEvent[] = [];
  let s = state;
  for (const command of commands) {
    for (const event of linkageDecider.decide(command, s)) {
      events.push(event);
      s = linkageDecider.evolve(s, event);
    }
  }
  return { state: s, events };
};

const missed = (rule: string, subject: string | null, dueDate: string, now: string) =>
  cmd(
    'RecordLinkageDeadlineMissed',
    { timerId: `linkage-LK/${rule}/${subject ?? '-'}/${dueDate}`, rule, subject, dueDate },
    now,
    system,
  );

const refuses = (t: Test, state: LinkageState, command: LinkageDeciderCommand, code: string) => {
  try {
    linkageDecider.decide(command, state);
    t.fail(`accepted, expected ${code}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    t.equal(error.code, code, code);
  }
};

const filed = run([
  cmd('ApproveLinkageOverall', { ...approval, linkageId: 'LK' }, '2026-02-20T09:00:00+08:00', province),
  cmd('FileLinkageBasicInfo', LINKAGE_COMMANDS.FileLinkageBasicInfo.example, '2026-02-20T09:00:00+08:00'),
]).state;

t.test('not an HTTP command', async (t) => {
  t.notOk('RecordLinkageDeadlineMissed' in LINKAGE_COMMANDS);
});

t.test('T35: recorded the day after the month’s last day, once; refused when filed, accepted or early', async (t) => {
  const { state, events } = run([missed('T35', '2026-02', '2026-02-28', '2026-03-01T00:00:00+08:00')], filed);
  t.match(events, [
    {
      type: 'LinkageProgressOverdue',
      data: { linkageId: 'LK', rule: 'T35', month: '2026-02', dueDate: '2026-02-28', overdueOn: '2026-03-01' },
    },
  ]);
  t.match(state, { breaches: [{ rule: 'T35', subject: '2026-02', dueDate: '2026-02-28', overdueOn: '2026-03-01' }] });
  t.same(
    linkageDecider.decide(missed('T35', '2026-02', '2026-02-28', '2026-03-02T00:00:00+08:00'), state),
    [],
    'twice: nothing',
  );

  refuses(t, filed, missed('T35', '2026-02', '2026-02-28', '2026-02-28T23:59:00+08:00'), 'DEADLINE_NOT_PASSED');
  refuses(t, filed, missed('T35', '2026-02', '2026-03-31', '2026-04-01T00:00:00+08:00'), 'DEADLINE_MOVED');
  refuses(t, filed, missed('T35', 'February', '2026-02-28', '2026-03-01T00:00:00+08:00'), 'DEADLINE_UNKNOWN');
  const inTime = run(
    [
      cmd(
        'FileLinkageProgress',
        { ...LINKAGE_COMMANDS.FileLinkageProgress.example, month: '2026-02' },
        '2026-02-25T09:00:00+08:00',
      ),
    ],
    filed,
  ).state;
  refuses(
    t,
    inTime,
    missed('T35', '2026-02', '2026-02-28', '2026-03-01T00:00:00+08:00'),
    'PROGRESS_MONTH_ALREADY_FILED',
  );
  const accepted = run(
    [
      cmd(
        'RecordLinkageAcceptance',
        { acceptedOn: '2026-02-26', documentNo: '验1' },
        '2026-02-26T09:00:00+08:00',
        province,
      ),
    ],
    filed,
  ).state;
  refuses(t, accepted, missed('T35', '2026-02', '2026-02-28', '2026-03-01T00:00:00+08:00'), 'LINKAGE_ALREADY_ACCEPTED');
});

t.test('T36: recorded the day after the stamped due date, once; refused once the acceptance is filed', async (t) => {
  refuses(t, filed, missed('T36', null, '2026-03-16', '2026-03-17T00:00:00+08:00'), 'LINKAGE_NOT_ACCEPTED');
  const accepted = run(
    [
      cmd(
        'RecordLinkageAcceptance',
        { acceptedOn: '2026-03-02', documentNo: '验1' },
        '2026-03-02T09:00:00+08:00',
        province,
      ),
    ],
    filed,
  ).state;
  t.match(accepted, { acceptance: { filingDue: { dueDate: '2026-03-16' } } });
  refuses(t, accepted, missed('T36', null, '2026-03-16', '2026-03-16T20:00:00+08:00'), 'DEADLINE_NOT_PASSED');
  const { state, events } = run([missed('T36', null, '2026-03-16', '2026-03-17T00:00:00+08:00')], accepted);
  t.match(events, [
    { type: 'LinkageAcceptanceFilingOverdue', data: { rule: 'T36', dueDate: '2026-03-16', overdueOn: '2026-03-17' } },
  ]);
  t.same(linkageDecider.decide(missed('T36', null, '2026-03-16', '2026-03-18T00:00:00+08:00'), state), []);
  const late = run(
    [
      cmd(
        'FileLinkageAcceptance',
        { ...LINKAGE_COMMANDS.FileLinkageAcceptance.example, filedOn: '2026-03-18' },
        '2026-03-18T09:00:00+08:00',
      ),
    ],
    state,
  );
  t.match(late.events, [{ type: 'LinkageAcceptanceFiled', data: { late: true } }], 'filed late after the breach');
  refuses(t, late.state, missed('T36', null, '2026-03-16', '2026-03-19T00:00:00+08:00'), 'ACCEPTANCE_ALREADY_FILED');
  refuses(t, accepted, missed('T99', null, '2026-03-16', '2026-03-17T00:00:00+08:00'), 'DEADLINE_UNKNOWN');
});
