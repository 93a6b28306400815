/**
 * A granted right on the market and at the end of its term: T28 (a transfer, lease or mortgage
 * entered within 7 wd of taking effect, S1 §二(五)) and T39 (the renewal window a year before the
 * term, counted from the actual delivery, ends).
 */
import t from 'tap';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { JIANGSU_POLICY, NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import type { CommandOf, ParcelEvent } from '../../../src/domain/parcel/index.js';
import { command, deliver, toGranted, transferData } from './fixtures/parcel.js';
import { given, history, stateOf } from './fixtures/spec.js';

const mortgage = (overrides: Partial<CommandOf<'RecordMarketTransaction'>['data']> = {}, on = '2026-05-06') =>
  command(
    'RecordMarketTransaction',
    {
      transactionId: 'MT-1',
      kind: 'MORTGAGE',
      occurredOn: '2026-05-06',
      documentNo: '苏(2026)宁不动产证明第0031号',
      counterparty: '中国工商银行南京分行',
      amountFen: 50_000_000_000,
      ...overrides,
    },
    on,
  );
const enter = (enteredOn: string, transactionId = 'MT-1') =>
  command('EnterMarketTransactionInfo', { transactionId, enteredOn }, enteredOn);

const t28 = (events: readonly ParcelEvent[]) =>
  obligationsOf(stateOf(events), JIANGSU_POLICY).filter((o) => o.ruleId === 'T28');

t.test('T28: a mortgage opens a 7-wd entry SLA from the day it took effect', async (t) => {
  const open = t28(history(...toGranted(), mortgage()));
  t.equal(open.length, 1);
  // 2026-05-06 (Wed) + 7 wd: 05-07, 08, 09 (Saturday worked after the Labour Day break), 11, 12, 13, 14.
  t.match(open[0], { kind: 'sla', subject: 'MT-1', anchorDate: '2026-05-06', dueDate: '2026-05-14', unit: 'wd' });
  t.same(t28(history(...toGranted(), mortgage(), enter('2026-05-12'))), [], 'gone once entered');
});

t.test('T28: the entry is stamped with its due date and flagged when late, never refused', async (t) => {
  given(history(...toGranted(), mortgage()))
    .when(enter('2026-05-12'))
    .thenMatches(t, [
      { type: 'MarketTransactionInfoEntered', data: { transactionId: 'MT-1', dueDate: '2026-05-14', late: false } },
    ]);
  given(history(...toGranted(), mortgage()))
    .when(enter('2026-05-20'))
    .thenMatches(t, [{ type: 'MarketTransactionInfoEntered', data: { late: true } }]);
});

t.test('T28: refusals name the field and the rule', async (t) => {
  given(history(...toGranted(), mortgage()))
    .when(mortgage())
    .thenRejects(t, { code: 'MARKET_TRANSACTION_EXISTS', field: 'transactionId', rule: 'T28' });
  given(history(...toGranted()))
    .when(enter('2026-05-12'))
    .thenRejects(t, { code: 'MARKET_TRANSACTION_NOT_FOUND', field: 'transactionId' });
  given(history(...toGranted(), mortgage(), enter('2026-05-12')))
    .when(enter('2026-05-13'))
    .thenRejects(t, { code: 'MARKET_TRANSACTION_ALREADY_ENTERED', rule: 'T28' });
  given(history(...toGranted()))
    .when(mortgage({ occurredOn: '2026-02-01' }))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'occurredOn', rule: 'T28' });
  given(history(...toGranted(), mortgage()))
    .when(enter('2026-05-05'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'enteredOn', rule: 'T28' });
  given(history(...toGranted()))
    .when(mortgage({ occurredOn: '2026-06-01' }, '2026-05-06'))
    .thenRejects(t, { code: 'DATE_IN_FUTURE', field: 'occurredOn' });
});

t.test('T39: the renewal window opens a year before the term from delivery ends', async (t) => {
  const years = transferData().termYears;
  t.equal(years, 70);
  t.same(
    obligationsOf(stateOf(history(...toGranted())), NATIONAL_POLICY).filter((o) => o.ruleId === 'T39'),
    [],
    'not before delivery: the term runs from the actual delivery',
  );
  const delivered = obligationsOf(stateOf(history(...toGranted(), deliver('2026-04-01'))), NATIONAL_POLICY);
  t.match(
    delivered.find((o) => o.ruleId === 'T39'),
    { kind: 'reminder', anchorDate: '2096-04-01', dueDate: '2095-04-01', unit: 'year' },
    '70 years from 2026-04-01 end 2096-04-01; the window opens 2095-04-01',
  );
});

const revoked = () =>
  history(
    ...toGranted(),
    command('RevokeGrant', { revokedOn: '2026-03-10', provincialApprovalRef: 'p', reason: 'r' }, '2026-03-10'),
  );
const intake = (takenOn = '2026-03-20') =>
  command('TakeIntoReserve', { reserveNo: '宁储〔2026〕12号', takenOn, reserveAgency: '南京市土地储备中心' }, takenOn);
const enterReserve = (enteredOn: string) => command('EnterReserveInfo', { enteredOn }, enteredOn);

t.test('T27: an ended right’s land taken into the reserve is entered within 7 wd', async (t) => {
  const open = obligationsOf(stateOf(history(...revoked(), intake())), JIANGSU_POLICY).filter(
    (o) => o.ruleId === 'T27',
  );
  // 2026-03-20 (Fri) + 7 wd: 03-23 … 03-27, 03-30, 03-31.
  t.match(open, [{ kind: 'sla', anchorDate: '2026-03-20', dueDate: '2026-03-31', unit: 'wd' }]);
  given(history(...revoked(), intake()))
    .when(enterReserve('2026-04-02'))
    .thenMatches(t, [{ type: 'ReserveInfoEntered', data: { dueDate: '2026-03-31', late: true } }]);
  t.same(
    obligationsOf(stateOf(history(...revoked(), intake(), enterReserve('2026-03-25'))), JIANGSU_POLICY).filter(
      (o) => o.ruleId === 'T27',
    ),
    [],
    'gone once entered',
  );
});

t.test('T27: only an ended right goes into the reserve, once; the entry needs the intake', async (t) => {
  given(history(...toGranted()))
    .when(intake())
    .thenRejects(t, { code: 'INVALID_STATE' });
  given(history(...revoked(), intake()))
    .when(intake('2026-03-21'))
    .thenRejects(t, { code: 'RESERVE_ALREADY_TAKEN', rule: 'T27' });
  given(revoked()).when(enterReserve('2026-03-25')).thenRejects(t, { code: 'RESERVE_NOT_TAKEN', rule: 'T27' });
  given(revoked()).when(intake('2026-03-05')).thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'takenOn', rule: 'T27' });
});
