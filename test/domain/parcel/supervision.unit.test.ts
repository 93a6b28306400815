import t from 'tap';
import { NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import { timerPlan } from '../../../src/domain/parcel/index.js';
import type { ParcelCommand } from '../../../src/domain/parcel/index.js';
import type { TimerStamp } from '../../../src/domain/timers/index.js';
import { HALF, cmd, deliver, pay, requestExtension, run, stateOf, transfer } from '../deadlines/fixtures/parcel.js';
import { command, declareStart } from './fixtures/parcel.js';

const fire = (timer: TimerStamp, on: string): ParcelCommand =>
  ({ ...command('OpenIdleCase', {} as never, on), type: 'FireTimer', data: { timer } }) as unknown as ParcelCommand;

const planOf = (...commands: ParcelCommand[]) => timerPlan(stateOf(...commands), NATIONAL_POLICY);
const timer = (plan: readonly TimerStamp[], rule: string, subject: string | null = null): TimerStamp => {
  const found = plan.filter((p) => p.rule === rule && p.subject === subject);
  if (found.length !== 1 || found[0] === undefined) throw new Error(`${rule} ${subject} found ${found.length} times`);
  return found[0];
};
const lines = (plan: readonly TimerStamp[]) =>
  plan.map((p) => `${p.fireOn} ${p.rule}${p.subject ? `:${p.subject}` : ''}`);

t.test('a delivered national transfer: the timers it wants and the day each fires', async (t) => {
  t.same(lines(planOf(transfer(), deliver('2026-04-01'))), [
    '2026-02-18 T04:1', // reminder: on its day
    '2026-03-10 T03', // SLA: the day after its last day
    '2026-03-12 T02',
    '2026-03-21 T07:1', // first overdue day
    '2026-08-02 T12',
    '2026-08-02 T17:start', // the last day to ask: the window is closing
    '2026-09-01 T16:AGREED_START',
    '2027-01-21 T04:2',
    '2027-02-21 T07:2',
    '2027-09-01 T19', // one year on
    '2028-08-02 T13',
    '2028-08-02 T17:completion',
    '2028-09-01 T16:AGREED_COMPLETION',
    '2028-09-01 T24:recovery',
    '2065-04-02 T39', // reminder: the renewal window, a year before the 40-year term from delivery ends
    '2026-09-02 C2:start', // the watch comes after the engine's list
  ]);
  const reminder = timer(planOf(transfer()), 'T04', '1');
  t.match(reminder, {
    timerId: 'P-1/T04/1/2026-02-18',
    owner: 'P-1',
    dueAt: '2026-02-18T00:00:00+08:00',
    anchorDate: '2026-03-20',
    anchorEventId: 'TransferContractSigned#0',
    unit: 'cd',
    policyVersion: NATIONAL_POLICY.version,
  });
});

t.test('T08 is wanted only once a payment demand was served for the instalment', async (t) => {
  t.equal(
    planOf(transfer()).find((p) => p.rule === 'T08'),
    undefined,
  );
  const plan = planOf(
    transfer(),
    cmd('ServePaymentDemand', { instalmentNo: 1, servedOn: '2026-04-10', demandId: 'D-1' }),
  );
  t.match(timer(plan, 'T08', '1'), { dueDate: '2026-05-19', fireOn: '2026-05-20' });
});

t.test('FireTimer records the rule effect with the full stamp, only on or after its day', async (t) => {
  const history = [transfer(), deliver('2026-04-01')];
  const reminder = timer(planOf(...history), 'T04', '1');
  t.throws(() => run(...history, fire(reminder, '2026-02-17')), { code: 'TIMER_NOT_DUE' });
  const { events, state } = run(...history, fire(reminder, '2026-02-18'));
  t.match(events.at(-1), { type: 'PaymentReminderIssued', data: { ...reminder, firedOn: '2026-02-18' } });
  t.match('facts' in state && state.facts.alerts, [
    { timerId: reminder.timerId, rule: 'T04', eventType: 'PaymentReminderIssued', firedOn: '2026-02-18' },
  ]);
  const overdue = timer(planOf(...history), 'T07', '1');
  t.match(run(...history, fire(overdue, '2026-03-21')).events.at(-1), { type: 'PaymentOverdue' });
});

t.test('a fulfilled or moved obligation makes its timer obsolete', async (t) => {
  const history = [transfer(), deliver('2026-04-01')];
  const overdue = timer(planOf(...history), 'T07', '1');
  t.throws(() => run(...history, pay(1, HALF, '2026-03-19'), fire(overdue, '2026-03-21')), { code: 'TIMER_OBSOLETE' });
  const reminder = timer(planOf(...history), 'T04', '1');
  t.throws(
    () => run(...history, fire(reminder, '2026-03-25')),
    { code: 'TIMER_OBSOLETE' },
    'a reminder after its date',
  );
  const forged = { ...reminder, timerId: 'P-1/T04/1/2026-02-11', dueDate: '2026-02-11', fireOn: '2026-02-11' };
  t.throws(() => run(...history, fire(forged, '2026-02-18')), { code: 'TIMER_OBSOLETE' }, 'a date the plan never had');
});

t.test('T19 opens the type-A idle case itself, on the threshold date', async (t) => {
  const history = [transfer(), deliver('2026-04-01')];
  const idle = timer(planOf(...history), 'T19');
  const { events, state } = run(...history, fire(idle, '2027-09-03'));
  t.match(events.at(-1), {
    type: 'IdleSuspected',
    data: { caseId: 'IC-A-2027-09-01', type: 'A', suspectedOn: '2027-09-01', timerId: idle.timerId },
  });
  t.equal(
    timerPlan(state, NATIONAL_POLICY).find((p) => p.rule === 'T19'),
    undefined,
    'the open case fulfils T19',
  );
});

t.test('C2: the declaration watch is fulfilled by a declaration and paused by a pending extension', async (t) => {
  const history = [transfer(), deliver('2026-04-01')];
  t.match(timer(planOf(...history), 'C2', 'start'), { dueDate: '2026-09-01', fireOn: '2026-09-02', kind: 'deadline' });
  t.equal(
    planOf(...history, declareStart('2026-08-18', '2026-08-20')).find((p) => p.rule === 'C2' && p.subject === 'start'),
    undefined,
  );
  t.equal(
    planOf(...history, requestExtension('START', '2026-12-01', '2026-07-15')).find((p) => p.rule === 'C2'),
    undefined,
  );
  const { events } = run(...history, fire(timer(planOf(...history), 'C2', 'start'), '2026-09-02'));
  t.match(events.at(-1), { type: 'DeclarationMissing', data: { rule: 'C2', subject: 'start' } });
});

t.test('FireTimers: a parcel backlog in one command, each effect once, refusals skipped', async (t) => {
  const history = [transfer(), deliver('2026-04-01')];
  const plan = planOf(...history);
  const due = ['T04', 'T03', 'T07'].map((rule) => plan.find((p) => p.rule === rule) as TimerStamp);
  const batch = (on: string): ParcelCommand =>
    ({
      ...command('OpenIdleCase', {} as never, on),
      type: 'FireTimers',
      data: { timers: due },
    }) as unknown as ParcelCommand;
  const { events, state } = run(...history, batch('2026-03-25'));
  t.same(
    events.slice(2).map((e) => `${e.type} ${(e.data as { timerId: string }).timerId}`),
    ['SlaBreached P-1/T03/-/2026-03-09', 'PaymentOverdue P-1/T07/1/2026-03-21'],
    'the reminder after its date is skipped, the others recorded in order',
  );
  t.equal('facts' in state && state.facts.alerts.length, 2);
  t.equal(
    run(...history, batch('2026-03-25'), batch('2026-03-26')).events.length,
    events.length,
    'a second firing records nothing',
  );
});
