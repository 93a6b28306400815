/**
 * §6 contract damages, computed exactly to the fen in the events that record the days late.
 * Days run from the day after the agreed (effective) date through the actual date.
 */
import t from 'tap';
import { given, history } from './fixtures/spec.js';
import {
  certify,
  command,
  declareCompletion,
  declareStart,
  deliver,
  HALF,
  issueAllocation,
  pay,
  signTransfer,
  verifyCompletion,
  verifyStart,
} from './fixtures/parcel.js';

t.test('late start: per day ‰ of the total price (ConstructionStartVerified)', async (t) => {
  const certified = (rate?: string) =>
    history(
      signTransfer(rate === undefined ? {} : { lateStartRatePerDay: rate }),
      pay(1, HALF, '2026-03-20'),
      deliver(),
      pay(2, HALF, '2026-04-08'),
      certify(),
    );
  // Agreed start 2026-09-01, actual start 2026-09-11: Sep 2 … Sep 11 = 10 days.
  // 231 000 000 fen × 0.0005 × 10 = 1 155 000 fen (11 550.00 yuan).
  given(history(...certified('0.0005'), declareStart('2026-09-11', '2026-09-12')))
    .when(verifyStart('2026-09-14'))
    .then(t, [
      {
        type: 'ConstructionStartVerified',
        data: {
          verifiedOn: '2026-09-14',
          actualDate: '2026-09-11',
          agreedDate: '2026-09-01',
          daysLate: 10,
          ratePerDay: '0.0005',
          baseFen: 231_000_000,
          damagesFen: 1_155_000,
        },
      },
    ]);
  given(history(...certified('0.0005'), declareStart()))
    .when(verifyStart())
    .thenMatches(
      t,
      [
        {
          type: 'ConstructionStartVerified',
          data: { daysLate: 0, ratePerDay: '0.0005', baseFen: 231_000_000, damagesFen: 0 },
        },
      ],
      'on time with a rate: zero damages',
    );
  given(history(...certified(), declareStart('2026-09-11', '2026-09-12')))
    .when(verifyStart('2026-09-14'))
    .thenMatches(
      t,
      [
        {
          type: 'ConstructionStartVerified',
          data: { daysLate: 10, ratePerDay: null, baseFen: null, damagesFen: null },
        },
      ],
      'no rate in the contract: no damages, not zero',
    );
  // An approved extension moves the agreed date the days count from: 2026-12-01 → 12-15 is 14 days.
  // 231 000 000 × 0.0005 × 14 = 1 617 000 fen.
  const extended = history(
    ...certified('0.0005'),
    command(
      'RequestExtension',
      { requestId: 'r1', kind: 'START', requestedOn: '2026-06-01', requestedDate: '2026-12-01', reason: 'rain' },
      '2026-06-01',
    ),
    command(
      'DecideExtension',
      { requestId: 'r1', decision: 'APPROVE', decidedOn: '2026-06-10', approvalRef: 'YQ-1' },
      '2026-06-10',
    ),
    declareStart('2026-12-15', '2026-12-16'),
  );
  given(extended)
    .when(verifyStart('2026-12-18'))
    .thenMatches(t, [
      { type: 'ConstructionStartVerified', data: { agreedDate: '2026-12-01', daysLate: 14, damagesFen: 1_617_000 } },
    ]);
  // Allocation has no price to apply a rate to: the rate is kept, the amount is not computed.
  const allocated = history(
    issueAllocation({ lateStartRatePerDay: '0.0005' }),
    deliver(),
    declareStart('2026-09-11', '2026-09-12'),
  );
  given(allocated)
    .when(verifyStart('2026-09-14'))
    .thenMatches(t, [
      {
        type: 'ConstructionStartVerified',
        data: { daysLate: 10, ratePerDay: '0.0005', baseFen: null, damagesFen: null },
      },
    ]);
});

t.test('late completion: per day ‰ of the total price, rounded half-up to the fen (CompletionVerified)', async (t) => {
  const price = 123_456_789;
  const started = history(
    signTransfer({
      priceFen: price,
      depositFen: 20_000_000,
      instalments: [
        { no: 1, dueDate: '2026-03-20', amountFen: 61_728_395 },
        { no: 2, dueDate: '2027-02-20', amountFen: 61_728_394 },
      ],
      lateCompletionRatePerDay: '0.0003',
    }),
    pay(1, 61_728_395, '2026-03-20'),
    deliver(),
    pay(2, 61_728_394, '2026-04-08'),
    certify(),
    declareStart(),
    verifyStart(),
  );
  // Agreed completion 2028-09-01, completed 2028-09-04: Sep 2, 3, 4 = 3 days.
  // 123 456 789 fen × 0.0003 × 3 = 111 111.1101 fen → 111 111 fen (1 111.11 yuan).
  given(history(...started, declareCompletion('2028-09-04', '2028-09-05')))
    .when(verifyCompletion('2028-09-08'))
    .then(t, [
      {
        type: 'CompletionVerified',
        data: {
          verifiedOn: '2028-09-08',
          actualDate: '2028-09-04',
          agreedDate: '2028-09-01',
          daysLate: 3,
          ratePerDay: '0.0003',
          baseFen: price,
          damagesFen: 111_111,
        },
      },
    ]);
  given(history(...started, declareCompletion()))
    .when(verifyCompletion())
    .thenMatches(t, [{ type: 'CompletionVerified', data: { daysLate: 0, damagesFen: 0 } }]);
});

t.test('grantor late delivery: per day ‰ of the price paid by the delivery (LandDeliveryConfirmed)', async (t) => {
  const contract = signTransfer({ grantorLateDeliveryRatePerDay: '0.0002' });
  const paid = history(contract, pay(1, HALF, '2026-03-20'), pay(2, 1_234_567, '2026-04-10'));
  // Agreed delivery 2026-04-01, delivered 2026-04-21: Apr 2 … Apr 21 = 20 days.
  // Paid by then: 115 500 000 + 1 234 567 = 116 734 567 fen.
  // 116 734 567 × 0.0002 × 20 = 466 938.268 fen → 466 938 fen (4 669.38 yuan).
  given(paid)
    .when(deliver('2026-04-21'))
    .then(t, [
      {
        type: 'LandDeliveryConfirmed',
        data: {
          deliveredOn: '2026-04-21',
          confirmationNo: 'JD-1',
          contractDeliveryDate: '2026-04-01',
          daysLate: 20,
          ratePerDay: '0.0002',
          baseFen: 116_734_567,
          damagesFen: 466_938,
        },
      },
    ]);
  // A payment dated after the delivery (recorded before the late confirmation) is not part of the base.
  const paidAfter = history(
    contract,
    pay(1, HALF, '2026-03-20'),
    pay(2, 1_234_567, '2026-04-10'),
    pay(2, 1_000_000, '2026-04-22'),
  );
  given(paidAfter)
    .when(command('ConfirmLandDelivery', { deliveredOn: '2026-04-21', confirmationNo: 'JD-1' }, '2026-04-25'))
    .thenMatches(t, [{ type: 'LandDeliveryConfirmed', data: { baseFen: 116_734_567, damagesFen: 466_938 } }]);
  given(paid)
    .when(deliver('2026-04-01'))
    .thenMatches(t, [{ type: 'LandDeliveryConfirmed', data: { daysLate: 0, damagesFen: 0 } }], 'on time');
  given(history(contract))
    .when(deliver('2026-04-21'))
    .thenMatches(t, [{ type: 'LandDeliveryConfirmed', data: { baseFen: 0, damagesFen: 0 } }], 'nothing paid yet');
  given(history(issueAllocation({ lateStartRatePerDay: '0.0005' })))
    .when(deliver('2026-04-21'))
    .thenMatches(
      t,
      [{ type: 'LandDeliveryConfirmed', data: { daysLate: 20, ratePerDay: null, baseFen: null, damagesFen: null } }],
      'allocation: no delivery-damage rate',
    );
});
