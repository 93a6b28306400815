import t from 'tap';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import { allocation, demand, dueOf, HALF, lines, only, pay, run, stateOf, transfer } from './fixtures/parcel.js';

const PAYMENT_RULES = new Set(['T04', 'T05', 'T06', 'T07', 'T08']);
const paymentLines = (list: ReturnType<typeof obligationsOf>): string[] =>
  lines(list.filter((o) => PAYMENT_RULES.has(o.ruleId)));

t.test('an unpaid schedule: reminders, damages start, termination thresholds, T06 limits', async (t) => {
  const list = obligationsOf(stateOf(transfer()), NATIONAL_POLICY);
  t.same(paymentLines(list), [
    '2026-02-18 T04:1', // 30 cd before 2026-03-20, inside the Spring Festival break: fires anyway
    '2026-03-21 T07:1',
    '2026-03-26 T06:first', // signing 2026-02-26 + 1 month
    '2026-05-19 T08:1', // due + 60 cd: termination possible after this date
    '2027-01-21 T04:2',
    '2027-02-21 T07:2',
    '2027-02-26 T06:balance', // signing + 1 year
    '2027-04-21 T08:2',
  ]);
  t.match(only(list, 'T04', '1'), {
    kind: 'reminder',
    unit: 'cd',
    anchorDate: '2026-03-20',
    anchorEventId: 'TransferContractSigned#0',
    provisional: false,
  });
  t.match(
    only(list, 'T06', 'balance'),
    { kind: 'limit', unit: 'year', provisional: true },
    'the roll-off check reads 2027',
  );
  t.match(only(list, 'T07', '1'), { kind: 'threshold', description: /0\.001 per day/ });
  t.match(only(list, 'T08', '1'), { kind: 'threshold', description: /no demand served yet/ });
});

t.test('a paid instalment has no reminder, damages or termination; T05 follows the payment', async (t) => {
  const { state } = run(transfer(), pay(1, HALF, '2026-03-20'));
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.same(paymentLines(list), [
    '2026-04-03 T05:pay-1-2026-03-20', // Mar 20 (Fri) + 10 wd, before Qingming
    '2027-01-21 T04:2',
    '2027-02-21 T07:2',
    '2027-02-26 T06:balance',
    '2027-04-21 T08:2',
  ]);
  t.match(only(list, 'T05'), { kind: 'sla', unit: 'wd', anchorDate: '2026-03-20', anchorEventId: 'PaymentReceived#1' });
});

t.test('T05 over National Day: 2025-09-26 + 10 wd = 2025-10-16', async (t) => {
  const state = stateOf(
    transfer({
      signedOn: '2025-09-01',
      instalments: [
        { no: 1, dueDate: '2025-09-26', amountFen: HALF },
        { no: 2, dueDate: '2026-08-31', amountFen: HALF },
      ],
      deliveryDate: '2025-10-15',
      agreedStart: '2026-03-01',
      agreedCompletion: '2028-03-01',
    }),
    pay(1, HALF, '2025-09-26'),
  );
  // Sep 28 (Sun) and Oct 11 (Sat) are worked; Oct 1–8 are off.
  t.equal(dueOf(obligationsOf(state, NATIONAL_POLICY), 'T05'), '2025-10-16');
});

t.test('a partial payment keeps the instalment open; a served demand shows in T08', async (t) => {
  const state = stateOf(transfer(), pay(1, HALF - 100, '2026-03-20'), demand(1, '2026-04-10'));
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.equal(dueOf(list, 'T04', '1'), '2026-02-18');
  t.equal(dueOf(list, 'T07', '1'), '2026-03-21');
  t.match(only(list, 'T08', '1'), { dueDate: '2026-05-19', description: /\(demand served 2026-04-10\)$/ });
  t.equal(dueOf(list, 'T06', 'first'), '2026-03-26', 'less than half of the price paid');
});

t.test('paid in full: only the data-entry SLAs remain of the payment rules', async (t) => {
  const state = stateOf(transfer(), pay(1, HALF, '2026-03-20'), pay(2, HALF, '2026-12-30'));
  t.same(paymentLines(obligationsOf(state, NATIONAL_POLICY)), [
    '2026-04-03 T05:pay-1-2026-03-20',
    '2027-01-14 T05:pay-2-2026-12-30', // Dec 30 (Wed) + 10 wd, Jan 1 2027 (Fri) skipped; provisional
  ]);
  t.equal(only(obligationsOf(state, NATIONAL_POLICY), 'T05', 'pay-2-2026-12-30').provisional, true);
});

t.test('an allocation has no payment obligations', async (t) => {
  t.same(paymentLines(obligationsOf(stateOf(allocation()), NATIONAL_POLICY)), []);
});
