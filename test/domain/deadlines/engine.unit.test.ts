import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { JIANGSU_POLICY, NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import { JS, lines, stateOf, transfer } from './fixtures/parcel.js';

t.test('the full list of a freshly signed national transfer, in order', async (t) => {
  // No idle clock (T19, T24) runs on land not yet delivered (§5.2(1), parcel/rules/idle-clock.ts).
  t.same(lines(obligationsOf(stateOf(transfer()), NATIONAL_POLICY)), [
    '2026-02-18 T04:1',
    '2026-03-09 T03',
    '2026-03-11 T02',
    '2026-03-21 T07:1',
    '2026-03-26 T06:first',
    '2026-04-01 T09:delivery',
    '2026-05-19 T08:1',
    '2026-05-31 T09:termination',
    '2026-08-02 T12', // same day as T17: ordered by rule id
    '2026-08-02 T17:start',
    '2026-09-01 T16:AGREED_START',
    '2027-01-21 T04:2',
    '2027-02-21 T07:2',
    '2027-02-26 T06:balance',
    '2027-04-21 T08:2',
    '2027-09-01 T18:start',
    '2028-08-02 T13',
    '2028-08-02 T17:completion',
    '2028-09-01 T16:AGREED_COMPLETION',
    '2029-09-01 T18:completion',
  ]);
});

t.test('Jiangsu adds the start window and counts T17 in working days', async (t) => {
  const list = obligationsOf(stateOf(transfer({ jurisdiction: JS })), JIANGSU_POLICY);
  const only = (prefix: string) => lines(list).filter((l) => l.includes(prefix));
  t.same(only(' T11'), ['2026-10-01 T11:normal', '2027-04-01 T11:max']);
  t.same(only(' T17'), ['2026-07-21 T17:start', '2028-07-21 T17:completion']);
  t.ok(list.every((o) => o.policyVersion === 'CN-JS-2026.1' && o.calendarVersion === CALENDAR_VERSION));
});

t.test('deterministic: the same state and policy give the same list', async (t) => {
  const state = stateOf(transfer());
  const first = obligationsOf(state, NATIONAL_POLICY);
  t.same(obligationsOf(state, NATIONAL_POLICY), first);
  t.same(obligationsOf(structuredClone(state), NATIONAL_POLICY), first, 'a copy of the state');
});
