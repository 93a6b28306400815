import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import { given, history, stateOf } from './fixtures/spec.js';
import { command, HALF, HENAN, issueAllocation, pay, signTransfer, toCompleted } from './fixtures/parcel.js';

const granted = () => history(signTransfer());
const demand = (servedOn: string, instalmentNo = 1, demandId = `d-${servedOn}`) =>
  command('ServePaymentDemand', { demandId, instalmentNo, servedOn }, servedOn);
const terminate = (
  terminatedOn: string,
  extra: { governmentApprovalRef?: string } = { governmentApprovalRef: 'NJ-GOV-2026-88' },
  now = terminatedOn,
) => command('TerminateContract', { instalmentNo: 1, terminatedOn, reason: 'price unpaid', ...extra }, now);
const revoke = (extra: { provincialApprovalRef?: string } = {}) =>
  command('RevokeGrant', { revokedOn: '2026-03-10', reason: 'supply plan withdrawn', ...extra }, '2026-03-10');

t.test('RecordPayment on time: no damages', async (t) => {
  given(granted())
    .when(pay(1, HALF, '2026-03-20', 'p1'))
    .then(t, [
      {
        type: 'PaymentReceived',
        data: {
          paymentId: 'p1',
          instalmentNo: 1,
          amountFen: HALF,
          paidOn: '2026-03-20',
          dueDate: '2026-03-20',
          outstandingAfterFen: 0,
        },
      },
    ]);
});

t.test('RecordPayment late: damages to the fen at the contract rate (T07)', async (t) => {
  given(granted())
    .when(pay(1, HALF, '2026-04-09', 'p1'))
    .then(t, [
      {
        type: 'PaymentReceived',
        data: {
          paymentId: 'p1',
          instalmentNo: 1,
          amountFen: HALF,
          paidOn: '2026-04-09',
          dueDate: '2026-03-20',
          outstandingAfterFen: 0,
        },
      },
      {
        type: 'LatePaymentDamagesAssessed',
        data: {
          paymentId: 'p1',
          instalmentNo: 1,
          principalFen: HALF,
          ratePerDay: '0.001',
          dueDate: '2026-03-20',
          paidOn: '2026-04-09',
          daysLate: 20,
          damagesFen: 2_310_000,
        },
      },
    ]);
  // The Tiemenguan decision: 1 155 000 yuan × 1 ‰ × 662 days = 764 610 yuan.
  const [, tiemenguan] = given(granted())
    .when(pay(1, HALF, '2028-01-11'))
    .events();
  t.match(tiemenguan?.data, { daysLate: 662, damagesFen: 76_461_000 }, 'Tiemenguan example');
  // 1 234 567 fen × 0.001 × 3 = 3 703.701 fen → 3 704 (half-up).
  const [, rounded] = given(granted())
    .when(pay(1, 1_234_567, '2026-03-23'))
    .events();
  t.match(rounded?.data, { principalFen: 1_234_567, daysLate: 3, damagesFen: 3_704 }, 'rounded half-up to the fen');
  const [, custom] = given(history(signTransfer({ latePaymentRatePerDay: '0.0005' })))
    .when(pay(1, HALF, '2026-04-09'))
    .events();
  t.match(custom?.data, { ratePerDay: '0.0005', damagesFen: 1_155_000 }, 'contract rate used');
});

t.test('RecordPayment: partial payments and guards', async (t) => {
  const partial = history(signTransfer(), pay(1, 100_000_000, '2026-03-20', 'p1'));
  given(partial)
    .when(pay(1, HALF - 100_000_000, '2026-03-20', 'p2'))
    .thenMatches(t, [{ type: 'PaymentReceived', data: { outstandingAfterFen: 0 } }]);
  given(partial)
    .when(pay(1, HALF - 100_000_000 + 1, '2026-03-20', 'p2'))
    .thenRejects(t, {
      code: 'OVERPAYMENT',
      field: 'amountFen',
      details: { outstandingFen: HALF - 100_000_000 },
    });
  given(partial)
    .when(pay(1, 1, '2026-03-20', 'p1'))
    .thenRejects(t, { code: 'DUPLICATE_PAYMENT', field: 'paymentId' });
  const full = history(signTransfer(), pay(1, HALF, '2026-03-20', 'p1'));
  given(full)
    .when(pay(1, 1, '2026-03-21', 'p2'))
    .thenRejects(t, { code: 'INSTALMENT_ALREADY_PAID' });
  given(granted())
    .when(pay(3, 1, '2026-03-20'))
    .thenRejects(t, { code: 'INSTALMENT_NOT_FOUND', field: 'instalmentNo' });
  given(granted())
    .when(pay(1, 0, '2026-03-20'))
    .thenRejects(t, { code: 'AMOUNT_INVALID', field: 'amountFen' });
  given(granted())
    .when(
      command('RecordPayment', { paymentId: 'p', instalmentNo: 1, amountFen: 5, paidOn: '2026-03-21' }, '2026-03-20'),
    )
    .thenRejects(t, {
      code: 'DATE_IN_FUTURE',
      field: 'paidOn',
    });
  given(granted())
    .when(pay(1, 5, '2026-02-25'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'paidOn' });
  given(history(issueAllocation()))
    .when(pay(1, 5, '2026-03-20'))
    .thenRejects(t, { code: 'NOT_A_TRANSFER' });
  given([])
    .when(pay(1, 5, '2026-03-20'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
  given(history(...toCompleted()))
    .when(pay(1, 5, '2028-07-01'))
    .thenRejects(t, { code: 'INSTALMENT_ALREADY_PAID' }, 'completed parcels still take payments');
});

t.test('ServePaymentDemand only for an overdue, unpaid instalment', async (t) => {
  given(granted())
    .when(demand('2026-03-21', 1, 'd1'))
    .then(t, [
      {
        type: 'PaymentDemandServed',
        data: { demandId: 'd1', instalmentNo: 1, servedOn: '2026-03-21', overdueFen: HALF, daysOverdue: 1 },
      },
    ]);
  given(granted()).when(demand('2026-03-20')).thenRejects(t, { code: 'NOT_OVERDUE', rule: 'T08', field: 'servedOn' });
  given(history(signTransfer(), pay(1, HALF, '2026-03-20')))
    .when(demand('2026-03-21'))
    .thenRejects(t, { code: 'INSTALMENT_ALREADY_PAID' });
  given(history(signTransfer(), demand('2026-03-21', 1, 'd1')))
    .when(demand('2026-03-22', 1, 'd1'))
    .thenRejects(t, { code: 'DUPLICATE_DEMAND' });
  given(history(issueAllocation())).when(demand('2026-03-21')).thenRejects(t, { code: 'NOT_A_TRANSFER' });
  given([]).when(demand('2026-03-21')).thenRejects(t, { code: 'INVALID_STATE' });
});

t.test('TerminateContract: > 60 cd overdue and a demand served (T08); day 60 rejected, day 61 accepted', async (t) => {
  const overdue = history(signTransfer(), demand('2026-04-01', 1, 'd1'));
  given(overdue)
    .when(terminate('2026-05-19'))
    .thenRejects(t, {
      code: 'TERMINATION_NOT_YET_ALLOWED',
      rule: 'T08',
      details: { thresholdDate: '2026-05-19', daysOverdue: 60 },
    });
  given(overdue)
    .when(terminate('2026-05-20'))
    .then(t, [
      {
        type: 'ContractTerminated',
        data: {
          policyVersion: 'CN-JS-2026.1',
          calendarVersion: CALENDAR_VERSION,
          provisional: false,
          terminatedOn: '2026-05-20',
          instalmentNo: 1,
          dueDate: '2026-03-20',
          daysOverdue: 61,
          thresholdDate: '2026-05-19',
          demandId: 'd1',
          governmentApprovalRef: 'NJ-GOV-2026-88',
          depositForfeitedFen: 46_200_000,
          reason: 'price unpaid',
        },
      },
    ]);
  given(granted()).when(terminate('2026-05-20')).thenRejects(t, { code: 'PAYMENT_DEMAND_REQUIRED', rule: 'T08' });
  given(history(signTransfer(), demand('2026-05-25', 1, 'd1')))
    .when(terminate('2026-05-20', undefined, '2026-05-26'))
    .thenRejects(
      t,
      {
        code: 'PAYMENT_DEMAND_REQUIRED',
      },
      'the demand must precede the termination',
    );
  given(overdue)
    .when(terminate('2026-05-20', {}))
    .thenRejects(t, { code: 'GOVERNMENT_APPROVAL_REQUIRED', rule: 'S4 §十一' });
  const national = history(signTransfer({ jurisdiction: HENAN }), demand('2026-04-01', 1, 'd1'));
  given(national)
    .when(terminate('2026-05-20', {}))
    .thenMatches(t, [{ type: 'ContractTerminated', data: { governmentApprovalRef: null } }]);
  given(history(signTransfer(), demand('2026-04-01'), pay(1, HALF, '2026-05-01')))
    .when(terminate('2026-05-20'))
    .thenRejects(t, {
      code: 'INSTALMENT_ALREADY_PAID',
    });
  given(history(issueAllocation())).when(terminate('2026-05-20')).thenRejects(t, { code: 'NOT_A_TRANSFER' });
  const terminated = history(signTransfer(), demand('2026-04-01', 1, 'd1'), terminate('2026-05-20'));
  t.equal(stateOf(terminated).status, 'TERMINATED');
  given(terminated)
    .when(pay(1, HALF, '2026-05-21'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'TERMINATED' } });
  given(terminated).when(terminate('2026-05-21')).thenRejects(t, { code: 'INVALID_STATE' });
});

t.test('RevokeGrant: Jiangsu needs the province’s written approval (S4 §十)', async (t) => {
  given(granted())
    .when(revoke())
    .thenRejects(t, { code: 'PROVINCIAL_APPROVAL_REQUIRED', rule: 'S4 §十', field: 'provincialApprovalRef' });
  given(granted())
    .when(revoke({ provincialApprovalRef: 'SU-ZRZY-2026-5' }))
    .then(t, [
      {
        type: 'GrantRevoked',
        data: {
          revokedOn: '2026-03-10',
          provincialApprovalRef: 'SU-ZRZY-2026-5',
          reason: 'supply plan withdrawn',
          policyVersion: 'CN-JS-2026.1',
        },
      },
    ]);
  given(history(signTransfer({ jurisdiction: HENAN })))
    .when(revoke())
    .thenMatches(t, [{ type: 'GrantRevoked', data: { provincialApprovalRef: null } }]);
  const revoked = history(signTransfer(), revoke({ provincialApprovalRef: 'x' }));
  t.equal(stateOf(revoked).status, 'REVOKED');
  given(revoked)
    .when(revoke({ provincialApprovalRef: 'x' }))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'REVOKED' } });
  given(history(...toCompleted()))
    .when(revoke({ provincialApprovalRef: 'x' }))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'COMPLETED' } });
});
