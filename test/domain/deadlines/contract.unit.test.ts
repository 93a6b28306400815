import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { JIANGSU_POLICY, NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import { cmd, confirmDeal, dueOf, HALF, JS, only, pick, run, stateOf, transfer } from './fixtures/parcel.js';

t.test('T01: sign within 10 wd of the deal, across the 2026 Spring Festival', async (t) => {
  const { state } = run(confirmDeal('2026-02-10'));
  // Feb 14 (Sat) and Feb 28 (Sat) are make-up working days; Feb 15–23 are off.
  t.same(obligationsOf(state, NATIONAL_POLICY), [
    {
      ruleId: 'T01',
      dueDate: '2026-03-02',
      unit: 'wd',
      anchorEventId: 'DealConfirmed#0',
      anchorDate: '2026-02-10',
      provisional: false,
      policyVersion: 'CN-2026.1',
      calendarVersion: CALENDAR_VERSION,
      kind: 'deadline',
      description: 'Sign the transfer contract (else supply aborted, deposit kept)',
    },
  ]);
});

t.test('T01 is gone once the contract is signed; T02 and T03 follow the grant', async (t) => {
  const { state } = run(confirmDeal('2026-02-10'), transfer({ signedOn: '2026-02-26' }));
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.same(pick(list, 'T01'), []);
  t.equal(dueOf(list, 'T02'), '2026-03-11', 'Feb 28 (Sat) is a make-up working day');
  // 2026-03-08 is a Sunday: a legal period in calendar days ends on the next working day.
  t.equal(dueOf(list, 'T03'), '2026-03-09');
  t.match(only(list, 'T02'), {
    unit: 'wd',
    anchorEventId: 'TransferContractSigned#1',
    anchorDate: '2026-02-26',
    kind: 'sla',
  });
  t.match(only(list, 'T03'), { unit: 'cd', anchorEventId: 'TransferContractSigned#1', kind: 'sla' });
});

t.test('T02 over the New Year: 2025-12-30 + 10 wd = 2026-01-14 (Jan 4 Sun is worked)', async (t) => {
  const state = stateOf(
    transfer({
      signedOn: '2025-12-30',
      instalments: [
        { no: 1, dueDate: '2026-01-20', amountFen: HALF },
        { no: 2, dueDate: '2026-12-20', amountFen: HALF },
      ],
    }),
  );
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.equal(dueOf(list, 'T02'), '2026-01-14');
  t.equal(dueOf(list, 'T03'), '2026-01-09', '10 cd ending on a Friday');
});

t.test('T03 rolls off the National Day holiday', async (t) => {
  const state = stateOf(
    transfer({
      signedOn: '2026-09-24',
      instalments: [
        { no: 1, dueDate: '2026-10-20', amountFen: HALF },
        { no: 2, dueDate: '2027-09-01', amountFen: HALF },
      ],
      deliveryDate: '2026-10-15',
      agreedStart: '2027-03-01',
      agreedCompletion: '2029-03-01',
    }),
  );
  // 2026-10-04 is inside Oct 1–7; Oct 8 (Thu) is the next working day.
  t.equal(dueOf(obligationsOf(state, NATIONAL_POLICY), 'T03'), '2026-10-08');
});

t.test('a due date in 2027 (no holiday notice yet) is provisional', async (t) => {
  const state = stateOf(
    transfer({
      signedOn: '2026-12-24',
      instalments: [
        { no: 1, dueDate: '2027-01-20', amountFen: HALF },
        { no: 2, dueDate: '2027-12-20', amountFen: HALF },
      ],
      deliveryDate: '2027-01-15',
      agreedStart: '2027-06-01',
      agreedCompletion: '2029-06-01',
    }),
  );
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.match(only(list, 'T02'), { dueDate: '2027-01-08', provisional: true }, 'Jan 1 2027 skipped by the fixed-date rule');
  t.match(only(list, 'T03'), { dueDate: '2027-01-04', provisional: true }, '2027-01-03 is a Sunday');
});

t.test('policy version and calendar version are stamped on every obligation', async (t) => {
  const js = obligationsOf(stateOf(transfer({ jurisdiction: JS })), JIANGSU_POLICY);
  t.ok(js.length > 10);
  t.ok(js.every((o) => o.policyVersion === 'CN-JS-2026.1' && o.calendarVersion === CALENDAR_VERSION));
  const cn = obligationsOf(stateOf(transfer()), NATIONAL_POLICY);
  t.ok(cn.every((o) => o.policyVersion === 'CN-2026.1' && o.calendarVersion === CALENDAR_VERSION));
});

t.test('no obligations before a deal, after an aborted supply, or after termination', async (t) => {
  t.same(obligationsOf(stateOf(), NATIONAL_POLICY), []);
  const aborted = stateOf(
    confirmDeal('2026-02-10'),
    cmd('AbortSupply', { abortedOn: '2026-03-03', reason: 'winner did not sign' }),
  );
  t.equal(aborted.status, 'SUPPLY_ABORTED');
  t.same(obligationsOf(aborted, NATIONAL_POLICY), []);
  const terminated = stateOf(
    transfer(),
    cmd('ServePaymentDemand', { demandId: 'd-1', instalmentNo: 1, servedOn: '2026-04-10' }),
    cmd('TerminateContract', { instalmentNo: 1, terminatedOn: '2026-05-20', reason: 'unpaid' }),
  );
  t.equal(terminated.status, 'TERMINATED');
  t.same(obligationsOf(terminated, NATIONAL_POLICY), []);
});

t.test('a policy of another jurisdiction is refused', async (t) => {
  t.throws(() => obligationsOf(stateOf(transfer()), JIANGSU_POLICY), {
    code: 'POLICY_JURISDICTION_MISMATCH',
    details: { field: 'jurisdiction', jurisdiction: 'CN-HA-4101' },
  });
  t.throws(() => obligationsOf(stateOf(confirmDeal('2026-02-10')), JIANGSU_POLICY), {
    code: 'POLICY_JURISDICTION_MISMATCH',
  });
});
