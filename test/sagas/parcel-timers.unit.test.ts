import t from 'tap';
import { SEED_CALENDARS } from '../../src/domain/working-calendar/seed-calendar.js';
import type { SagaEnv } from '../../src/sagas/saga.js';

const ENV: SagaEnv = { calendars: SEED_CALENDARS };
import { timerPlan } from '../../src/domain/parcel/index.js';
import type { ParcelCommand } from '../../src/domain/parcel/index.js';
import { NATIONAL_POLICY } from '../../src/domain/policy/index.js';
import type { TimerRequest } from '../../src/domain/timers/index.js';
import { parcelTimersSaga, type ParcelTimersState } from '../../src/sagas/parcel-timers/saga.js';
import type { RecordedEvent } from '../../src/eventstore/types.js';
import {
  HALF,
  approveExtension,
  deliver,
  pay,
  requestExtension,
  run,
  transfer,
} from '../domain/deadlines/fixtures/parcel.js';
import { command } from '../domain/parcel/fixtures/parcel.js';
import { recorded } from './fixtures/recorded.js';

const saga = parcelTimersSaga;

/** Given the commands' events delivered in order, the state and every request made. */
const given = (...commands: ParcelCommand[]) => {
  const { events } = run(...commands);
  return feed(saga.initialState('P-1'), recorded('parcel-P-1', events));
};

const feed = (from: ParcelTimersState, events: readonly RecordedEvent[]) => {
  let state = from;
  const requests: TimerRequest[] = [];
  for (const event of events) {
    const reaction = saga.react(state, event, ENV);
    state = reaction.state;
    requests.push(...reaction.timers);
    t.same(reaction.commands, [], 'the timers saga sends no commands itself');
  }
  return { state, requests };
};

/** Events of further commands on top of a history, numbered after it. */
const then = (history: ParcelCommand[], ...more: ParcelCommand[]) => {
  const before = run(...history).events.length;
  return recorded('parcel-P-1', run(...history, ...more).events, before);
};

const summary = (requests: readonly TimerRequest[]) =>
  requests.map((r) => `${r.action} ${r.timer.rule}${r.timer.subject ? `:${r.timer.subject}` : ''} ${r.timer.fireOn}`);

t.test('a grant schedules exactly the timers of its plan', async (t) => {
  const { state, requests } = given(transfer());
  const plan = timerPlan(run(transfer()).state, NATIONAL_POLICY);
  t.same(
    requests.map((r) => r.timer),
    plan,
  );
  t.ok(requests.every((r) => r.action === 'schedule'));
  t.equal(Object.keys(state.pending).length, plan.length);
});

t.test('a payment cancels the reminder and overdue timers of its instalment, nothing else', async (t) => {
  const history = [transfer(), deliver('2026-04-01')];
  const { state } = given(...history);
  const { requests } = feed(state, then(history, pay(1, HALF, '2026-03-01')));
  t.same(summary(requests), [
    'schedule T05:pay-1-2026-03-01 2026-03-14', // the payment's data-entry SLA starts
    'cancel T04:1 2026-02-18',
    'cancel T07:1 2026-03-21',
  ]);
  t.match(requests[1], { reason: 'no longer due after PaymentReceived' });
});

t.test('an approved extension reschedules the start timers under new ids', async (t) => {
  const history = [transfer(), deliver('2026-04-01'), requestExtension('START', '2026-12-01', '2026-07-15')];
  const { state } = given(...history);
  const { requests } = feed(state, then(history, approveExtension('2026-07-20')));
  const moved = requests.filter((r) => r.action === 'reschedule');
  // C2:start and T17:start were paused by the pending request: they are scheduled anew, not moved.
  t.same(summary(requests.filter((r) => r.action === 'schedule')), [
    'schedule T17:start 2026-11-01',
    'schedule C2:start 2026-12-02',
  ]);
  t.same(summary(moved).sort(), [
    'reschedule T12 2026-11-01',
    'reschedule T13 2028-11-01',
    'reschedule T16:AGREED_COMPLETION 2028-12-01',
    'reschedule T16:AGREED_START 2026-12-01',
    'reschedule T17:completion 2028-11-01',
    'reschedule T19 2027-12-01',
    'reschedule T24:recovery 2028-12-01',
  ]);
  const t12 = moved.find((r) => r.timer.rule === 'T12');
  t.match(t12, {
    timer: { timerId: 'P-1/T12/-/2026-11-01' },
    previous: { timerId: 'P-1/T12/-/2026-08-02' },
  });
});

t.test('a fired timer is remembered: never scheduled again, not cancelled when its obligation ends', async (t) => {
  const history = [transfer(), deliver('2026-04-01')];
  const { state } = given(...history);
  const reminder = state.pending['T04/1'];
  if (reminder === undefined) throw new Error('no T04 timer');
  const fire = { ...command('OpenIdleCase', {} as never, '2026-02-27'), type: 'FireTimer', data: { timer: reminder } };
  const fired = feed(state, then(history, fire as unknown as ParcelCommand));
  t.same(fired.requests, [], 'the reminder event only marks it fired');
  t.ok(fired.state.fired.includes(reminder.timerId));
  t.equal(fired.state.pending['T04/1'], undefined);
  const paid = feed(fired.state, then([...history, fire as unknown as ParcelCommand], pay(1, HALF, '2026-03-01')));
  t.same(summary(paid.requests), ['schedule T05:pay-1-2026-03-01 2026-03-14', 'cancel T07:1 2026-03-21']);
});

t.test('an obsolete firing recorded on the timers stream counts as fired', async (t) => {
  const { state } = given(transfer());
  const timer = state.pending['T12/-'];
  if (timer === undefined) throw new Error('no T12 timer');
  const [event] = recorded('timers-P-1', [
    { type: 'TimerFired', data: { ...timer, outcome: 'obsolete', code: 'TIMER_OBSOLETE' }, id: 'tf-1' },
  ]);
  const after = feed(state, event === undefined ? [] : [event]);
  t.same(after.requests, []);
  t.ok(after.state.fired.includes(timer.timerId));
  t.equal(saga.keyOf(event as RecordedEvent), 'P-1');
});
