import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import { timersDecider, type TimerCommand, type TimerStamp } from '../../../src/domain/timers/index.js';

const stamp = (dueDate: string, rule = 'T12'): TimerStamp => ({
  timerId: `P-1/${rule}/-/${dueDate}`,
  owner: 'P-1',
  rule,
  subject: null,
  kind: 'reminder',
  description: 'Start reminder',
  dueDate,
  fireOn: dueDate,
  dueAt: `${dueDate}T00:00:00+08:00`,
  anchorEventId: 'e-1',
  anchorDate: '2026-09-01',
  unit: 'cd',
  policyVersion: 'CN-2026.1',
  calendarVersion: 'cal-1',
  provisional: false,
});
const context = { now: '2026-08-02T00:00:05+08:00', actor: { id: 'system:sagas', role: 'SYSTEM' } };
const apply = (requests: unknown[]): TimerCommand =>
  ({ type: 'ApplyTimerRequests', data: { saga: 'parcel-timers', requests }, context }) as TimerCommand;

const decideAll = (...commands: TimerCommand[]) => {
  let state = timersDecider.initialState();
  const events = [];
  for (const command of commands) {
    const decided = timersDecider.decide(command, state);
    state = fold({ ...timersDecider, initialState: () => state }, decided);
    events.push(...decided);
  }
  return { state, events };
};

t.test('schedule, reschedule, cancel: each an event with the full stamp', async (t) => {
  const a = stamp('2026-08-02');
  const b = stamp('2026-11-01');
  const { state, events } = decideAll(
    apply([{ action: 'schedule', timer: a }]),
    apply([{ action: 'reschedule', timer: b, previous: a }]),
    apply([{ action: 'cancel', timer: b, reason: 'started' }]),
  );
  t.same(
    events.map((e) => e.type),
    ['TimerScheduled', 'TimerRescheduled', 'TimerCancelled'],
  );
  t.match(events[0]?.data, { ...a, saga: 'parcel-timers' });
  t.match(events[1]?.data, { ...b, previousTimerId: a.timerId, previousDueAt: a.dueAt });
  t.match(events[2]?.data, { ...b, reason: 'started' });
  t.same(state.pending, {});
});

t.test('requests that would repeat a fact record nothing', async (t) => {
  const a = stamp('2026-08-02');
  const { events } = decideAll(
    apply([{ action: 'schedule', timer: a }]),
    apply([{ action: 'schedule', timer: a }]),
    apply([{ action: 'cancel', timer: stamp('2026-01-01'), reason: 'x' }]),
  );
  t.equal(events.length, 1);
});

t.test('an obsolete firing is recorded once and ends the pending timer', async (t) => {
  const a = stamp('2026-08-02');
  const obsolete: TimerCommand = {
    type: 'RecordObsoleteFiring',
    data: { saga: 'parcel-timers', timer: a, code: 'TIMER_OBSOLETE', message: 'started' },
    context,
  };
  const { state, events } = decideAll(apply([{ action: 'schedule', timer: a }]), obsolete, obsolete);
  t.same(
    events.map((e) => e.type),
    ['TimerScheduled', 'TimerFired'],
  );
  t.match(events[1]?.data, { outcome: 'obsolete', code: 'TIMER_OBSOLETE', firedAt: context.now });
  t.same(state.pending, {});
});
