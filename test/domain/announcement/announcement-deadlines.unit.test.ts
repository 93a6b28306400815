/**
 * RecordAnnouncementDeadlineMissed (T32, T38): the system's record of a missed results publication
 * or abnormal-deal report, refused when it was met meanwhile (the timer's firing is then obsolete),
 * when the deadline moved or has not passed; a breach recorded twice decides nothing. Not an HTTP
 * command: it is not in ANNOUNCEMENT_COMMANDS.
 */
import t, { type Test } from 'tap';
import { DomainError } from '../../../src/domain/errors.js';
import {
  ANNOUNCEMENT_COMMANDS,
  announcementDecider,
  type AnnouncementDeciderCommand,
  type AnnouncementEvent,
  type AnnouncementState,
} from '../../../src/domain/announcement/index.js';

const city = { id: 'u-city-1', role: 'GRANTOR_ADMIN' };
const system = { id: 'system:timers', role: 'SYSTEM' };
const cmd = (type: string, data: object, now: string, actor = city): AnnouncementDeciderCommand =>
  ({ type, data, context: { now, actor } }) as AnnouncementDeciderCommand;

const run = (commands: readonly AnnouncementDeciderCommand[], state = announcementDecider.initialState()) => {
  const events: AnnouncementEvent[] = [];
  let s: AnnouncementState = state;
  for (const command of commands) {
    for (const event of announcementDecider.decide(command, s)) {
      events.push(event);
      s = announcementDecider.evolve(s, event);
    }
  }
  return { state: s, events };
};
const missed = (rule: string, parcelId: string, dueDate: string, now: string) =>
  cmd(
    'RecordAnnouncementDeadlineMissed',
    { timerId: `x/${rule}/${parcelId}/${dueDate}`, rule, parcelId, dueDate },
    now,
    system,
  );
const refuses = (t: Test, state: AnnouncementState, command: AnnouncementDeciderCommand, code: string) => {
  try {
    announcementDecider.decide(command, state);
    t.fail(`accepted, expected ${code}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    t.equal(error.code, code, code);
  }
};

// G05 abnormal (premium 52 %), G06 normal; deals on 2026-03-06: T32 due 03-20, T38 due 03-10.
const dealt = run([
  cmd('PublishAnnouncement', ANNOUNCEMENT_COMMANDS.PublishAnnouncement.example, '2026-02-02T09:00:00+08:00'),
  cmd('RecordTransactionResult', ANNOUNCEMENT_COMMANDS.RecordTransactionResult.example, '2026-03-06T16:00:00+08:00'),
  cmd(
    'RecordTransactionResult',
    { ...ANNOUNCEMENT_COMMANDS.RecordTransactionResult.example, parcelId: 'NO.2026G06', priceFen: 1_000_000_000_00 },
    '2026-03-06T16:00:00+08:00',
  ),
]).state;

t.test('not an HTTP command', async (t) => {
  t.notOk('RecordAnnouncementDeadlineMissed' in ANNOUNCEMENT_COMMANDS);
});

t.test('T32: results never published are recorded overdue the day after, once; refused once published', async (t) => {
  refuses(t, dealt, missed('T32', 'NO.2026G06', '2026-03-20', '2026-03-20T22:00:00+08:00'), 'DEADLINE_NOT_PASSED');
  refuses(t, dealt, missed('T32', 'NO.2026G06', '2026-03-19', '2026-03-21T00:00:00+08:00'), 'DEADLINE_MOVED');
  const { state, events } = run([missed('T32', 'NO.2026G06', '2026-03-20', '2026-03-21T00:00:00+08:00')], dealt);
  t.match(events, [
    {
      type: 'ResultsPublicationOverdue',
      data: { parcelId: 'NO.2026G06', rule: 'T32', dueDate: '2026-03-20', overdueOn: '2026-03-21' },
    },
  ]);
  t.match(state, { breaches: [{ rule: 'T32', parcelId: 'NO.2026G06', overdueOn: '2026-03-21' }] });
  t.same(announcementDecider.decide(missed('T32', 'NO.2026G06', '2026-03-20', '2026-03-22T00:00:00+08:00'), state), []);
  const published = run(
    [cmd('PublishResults', { publishedOn: '2026-03-12' }, '2026-03-12T09:00:00+08:00')],
    dealt,
  ).state;
  refuses(
    t,
    published,
    missed('T32', 'NO.2026G06', '2026-03-20', '2026-03-21T00:00:00+08:00'),
    'RESULTS_ALREADY_PUBLISHED',
  );
  refuses(t, dealt, missed('T32', 'NO.2026G99', '2026-03-20', '2026-03-21T00:00:00+08:00'), 'RESULT_NOT_RECORDED');
});

t.test(
  'T38: an abnormal deal not reported is recorded overdue; refused when reported in time or not abnormal',
  async (t) => {
    const { events } = run([missed('T38', 'NO.2026G05', '2026-03-10', '2026-03-11T00:00:00+08:00')], dealt);
    t.match(events, [
      { type: 'AbnormalReportOverdue', data: { parcelId: 'NO.2026G05', rule: 'T38', dueDate: '2026-03-10' } },
    ]);
    const reported = run(
      [
        cmd(
          'ReportAbnormalTransaction',
          ANNOUNCEMENT_COMMANDS.ReportAbnormalTransaction.example,
          '2026-03-09T09:00:00+08:00',
        ),
      ],
      dealt,
    ).state;
    refuses(
      t,
      reported,
      missed('T38', 'NO.2026G05', '2026-03-10', '2026-03-11T00:00:00+08:00'),
      'ABNORMAL_ALREADY_REPORTED',
    );
    refuses(
      t,
      dealt,
      missed('T38', 'NO.2026G06', '2026-03-10', '2026-03-11T00:00:00+08:00'),
      'TRANSACTION_NOT_ABNORMAL',
    );
    refuses(t, dealt, missed('T99', 'NO.2026G05', '2026-03-10', '2026-03-11T00:00:00+08:00'), 'DEADLINE_UNKNOWN');
  },
);
