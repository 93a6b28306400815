import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import type { ParcelEvent } from '../../../src/domain/parcel/index.js';
import { given, history } from './fixtures/spec.js';
import {
  command,
  confirmDeal,
  HALF,
  HENAN,
  issueAllocation,
  JS,
  PRICE,
  signTransfer,
  type transferData,
} from './fixtures/parcel.js';

const JS_VERSIONS = { policyVersion: 'CN-JS-2026.1', calendarVersion: CALENDAR_VERSION, provisional: false };
const deal = () => history(confirmDeal());
const abort = (abortedOn: string) => command('AbortSupply', { abortedOn, reason: 'winner did not sign' }, abortedOn);

t.test('ConfirmDeal stamps the T01 signing deadline (10 wd over the Spring Festival)', async (t) => {
  given([])
    .when(confirmDeal())
    .then(t, [
      {
        type: 'DealConfirmed',
        data: {
          ...JS_VERSIONS,
          parcelId: 'P-1',
          jurisdiction: JS,
          winnerId: 'dev-1',
          confirmedOn: '2026-02-10',
          signingDeadline: '2026-03-02',
        },
      },
    ]);
  given(deal())
    .when(confirmDeal())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'DEAL_CONCLUDED' } });
  given(history(signTransfer()))
    .when(confirmDeal())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'GRANTED' } });
  given([])
    .when(confirmDeal({ confirmedOn: '2026-02-11' }))
    .thenRejects(t, { code: 'DATE_IN_FUTURE', field: 'confirmedOn' });
  given([])
    .when(confirmDeal({ jurisdiction: 'US-CA' }))
    .thenRejects(t, { code: 'JURISDICTION_UNKNOWN' });
  given([])
    .when(confirmDeal({ winnerId: '' }))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'winnerId' });
});

t.test('AbortSupply only after the signing deadline has passed (T01)', async (t) => {
  given(deal())
    .when(abort('2026-03-03'))
    .then(t, [
      {
        type: 'SupplyAborted',
        data: {
          abortedOn: '2026-03-03',
          signingDeadline: '2026-03-02',
          depositForfeited: true,
          reason: 'winner did not sign',
        },
      },
    ]);
  given(deal())
    .when(abort('2026-03-02'))
    .thenRejects(t, { code: 'SIGNING_WINDOW_OPEN', rule: 'T01', details: { signingDeadline: '2026-03-02' } });
  given([])
    .when(abort('2026-03-03'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
  given(history(confirmDeal(), abort('2026-03-03')))
    .when(signTransfer({ signedOn: '2026-03-03' }, '2026-03-03'))
    .thenRejects(t, {
      code: 'INVALID_STATE',
      details: { status: 'SUPPLY_ABORTED' },
    });
});

t.test('SignTransferContract records every term and the T11 window', async (t) => {
  const expected: ParcelEvent = {
    type: 'TransferContractSigned',
    data: {
      ...JS_VERSIONS,
      parcelId: 'P-1',
      jurisdiction: JS,
      supervisionNo: '3201132026B000017',
      grantedOn: '2026-02-26',
      dealConfirmedOn: null,
      terms: {
        areaHa: '12.3456',
        landUse: { code: '07', residentialSubclass: 3 },
        termYears: 70,
        priceFen: PRICE,
        depositFen: 46_200_000,
        allocationPriceFen: null,
        deliveryDate: '2026-04-01',
        farMin: '1.5',
        farMax: '2.5',
        greenRatio: '0.30',
        buildingDensity: '0.25',
        totalInvestmentFen: 500_000_000,
        rates: {
          latePaymentRatePerDay: '0.001',
          lateStartRatePerDay: null,
          lateCompletionRatePerDay: null,
          grantorLateDeliveryRatePerDay: null,
        },
        decisionId: 'D-2026-01',
        landUserId: 'dev-1',
        controllingShareholderIds: ['holding-1'],
        contractTemplateVersion: 'GF-2008-2601',
        documentNo: '3201-2026-017',
      },
      agreedStart: '2026-09-01',
      agreedCompletion: '2028-09-01',
      startWindow: { normalLimit: '2026-10-01', maxLimit: '2027-04-01', beyondNormal: false },
      instalments: [
        { no: 1, dueDate: '2026-03-20', amountFen: HALF },
        { no: 2, dueDate: '2027-02-20', amountFen: HALF },
      ],
    },
  };
  given([]).when(signTransfer()).then(t, [expected]);
  const [custom] = given([])
    .when(signTransfer({ latePaymentRatePerDay: '0.0005', lateStartRatePerDay: '0.0002' }))
    .events();
  t.match(
    custom?.data,
    { terms: { rates: { latePaymentRatePerDay: '0.0005', lateStartRatePerDay: '0.0002' } } },
    'contract rates override the policy',
  );
  given(history(signTransfer()))
    .when(signTransfer())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'GRANTED' } });
});

t.test('SignTransferContract after a deal: within 10 working days (T01)', async (t) => {
  given(deal())
    .when(signTransfer({ signedOn: '2026-03-02' }, '2026-03-02'))
    .thenMatches(t, [
      { type: 'TransferContractSigned', data: { grantedOn: '2026-03-02', dealConfirmedOn: '2026-02-10' } },
    ]);
  given(deal())
    .when(signTransfer({ signedOn: '2026-03-03' }, '2026-03-03'))
    .thenRejects(t, {
      code: 'SIGNING_DEADLINE_PASSED',
      rule: 'T01',
      field: 'signedOn',
      details: { signingDeadline: '2026-03-02', dealConfirmedOn: '2026-02-10' },
    });
  given(deal())
    .when(signTransfer({ landUserId: 'someone-else' }))
    .thenRejects(t, { code: 'LAND_USER_MISMATCH', field: 'landUserId' });
  given(deal())
    .when(signTransfer({ parcelId: 'P-9' }))
    .thenRejects(t, { code: 'PARCEL_MISMATCH' });
  given(deal())
    .when(signTransfer({ jurisdiction: 'CN-JS-3202' }))
    .thenRejects(t, { code: 'JURISDICTION_MISMATCH' });
  given(deal())
    .when(signTransfer({ signedOn: '2026-02-09' }))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'signedOn' });
});

t.test('SignTransferContract: documents and parcel terms', async (t) => {
  const reject = (overrides: Parameters<typeof transferData>[0], code: string, rule?: string, field?: string) =>
    given([])
      .when(signTransfer(overrides))
      .thenRejects(t, { code, ...(rule ? { rule } : {}), ...(field ? { field } : {}) });
  reject({ supervisionNo: ' ' }, 'SUPERVISION_NO_REQUIRED', 'S4 §十', 'supervisionNo');
  reject({ decisionId: '' }, 'DECISION_REQUIRED', '§10.1', 'decisionId');
  reject({ documentNo: '' }, 'FIELD_REQUIRED', undefined, 'documentNo');
  reject({ contractTemplateVersion: '' }, 'FIELD_REQUIRED', 'Q16', 'contractTemplateVersion');
  reject({ areaHa: '12.345' }, 'AREA_FORMAT', 'V2', 'areaHa');
  reject({ areaHa: '0.0000' }, 'AREA_INVALID', 'V8', 'areaHa');
  reject({ landUse: { code: '01' as '05', residentialSubclass: null } }, 'LAND_USE_INVALID', 'V10', 'landUse.code');
  reject(
    { landUse: { code: '07', residentialSubclass: null } },
    'LAND_USE_INVALID',
    'V10',
    'landUse.residentialSubclass',
  );
  reject({ landUse: { code: '05', residentialSubclass: 2 } }, 'LAND_USE_INVALID', 'V10', 'landUse.residentialSubclass');
  reject({ landUse: { code: '05', residentialSubclass: null }, termYears: 41 }, 'TERM_TOO_LONG', 'E18', 'termYears');
  reject({ termYears: 71 }, 'TERM_TOO_LONG', 'E18', 'termYears');
  reject({ termYears: 0 }, 'TERM_INVALID', undefined, 'termYears');
  reject({ priceFen: 0 }, 'AMOUNT_INVALID', undefined, 'priceFen');
  reject({ depositFen: PRICE + 1 }, 'DEPOSIT_INVALID', undefined, 'depositFen');
  reject({ signedOn: '2026-02-30' }, 'DATE_INVALID', undefined, 'signedOn');
  reject({ signedOn: '2026-02-27' }, 'DATE_IN_FUTURE', undefined, 'signedOn');
  reject({ agreedCompletion: '2026-08-31' }, 'COMPLETION_BEFORE_START', 'V13', 'agreedCompletion');
  reject({ agreedStart: '2026-03-31' }, 'DATE_TOO_EARLY', 'T11', 'agreedStart');
  reject({ farMin: '3', farMax: '2.5' }, 'FAR_RANGE_INVALID', undefined, 'farMin');
  reject({ farMin: 'abc' }, 'RATE_INVALID', undefined, 'farMin');
  reject({ greenRatio: '1.2' }, 'RATIO_OUT_OF_RANGE', undefined, 'greenRatio');
  reject({ latePaymentRatePerDay: '1‰' }, 'RATE_INVALID', undefined, 'latePaymentRatePerDay');
  reject({ policyVersion: 'CN-JS-2019.1' }, 'POLICY_VERSION_MISMATCH', undefined, 'policyVersion');
  reject({ controllingShareholderIds: [''] }, 'FIELD_INVALID', '§7.1', 'controllingShareholderIds');
});

t.test('Jiangsu residential FAR must exceed 1 (V14, S4 §五); nationally it need not', async (t) => {
  given([])
    .when(signTransfer({ farMin: '1' }))
    .thenRejects(t, { code: 'RESIDENTIAL_FAR_TOO_LOW', rule: 'V14', field: 'farMin' });
  given([])
    .when(signTransfer({ farMin: '1.0001' }))
    .thenMatches(t, [{ type: 'TransferContractSigned' }]);
  given([])
    .when(signTransfer({ farMin: '0.9', jurisdiction: HENAN }))
    .thenMatches(t, [{ type: 'TransferContractSigned' }]);
  const commercial = { landUse: { code: '05', residentialSubclass: null }, termYears: 40, farMin: '0.8' } as const;
  given([])
    .when(signTransfer(commercial))
    .thenMatches(t, [{ type: 'TransferContractSigned' }], 'not residential');
});

t.test(
  'Start window after delivery: Jiangsu 6 m normal, 1 y max (T11); national housing 1 y / 3 y (T11b)',
  async (t) => {
    const commercial = { landUse: { code: '05', residentialSubclass: null }, termYears: 40 } as const;
    given([])
      .when(signTransfer({ ...commercial, agreedStart: '2027-04-02', agreedCompletion: '2029-04-02' }))
      .thenRejects(t, {
        code: 'START_WINDOW_EXCEEDED',
        rule: 'T11',
        field: 'agreedStart',
        details: { maxLimit: '2027-04-01', normalLimit: '2026-10-01' },
      });
    given([])
      .when(signTransfer({ ...commercial, agreedStart: '2026-10-02' }))
      .thenMatches(t, [
        {
          type: 'TransferContractSigned',
          data: { startWindow: { normalLimit: '2026-10-01', maxLimit: '2027-04-01', beyondNormal: true } },
        },
      ]);
    given([])
      .when(
        signTransfer({ ...commercial, jurisdiction: HENAN, agreedStart: '2027-06-01', agreedCompletion: '2030-06-01' }),
      )
      .thenMatches(t, [{ type: 'TransferContractSigned', data: { startWindow: null, policyVersion: 'CN-2026.1' } }]);
    given([])
      .when(signTransfer({ jurisdiction: HENAN, agreedStart: '2027-04-02', agreedCompletion: '2029-04-02' }))
      .thenRejects(t, {
        code: 'HOUSING_START_TOO_LATE',
        rule: 'T11b',
        details: { limit: '2027-04-01' },
      });
    given([])
      .when(signTransfer({ jurisdiction: HENAN, agreedCompletion: '2029-09-02' }))
      .thenRejects(t, {
        code: 'HOUSING_COMPLETION_TOO_LATE',
        rule: 'T11b',
        details: { limit: '2029-09-01' },
      });
  },
);

t.test('Instalment schedule (T06): sum = price, ≥ 50 % within 1 month, balance within 1 year', async (t) => {
  const reject = (
    instalments: { no: number; dueDate: string; amountFen: number }[],
    code: string,
    details?: Record<string, unknown>,
  ) =>
    given([])
      .when(signTransfer({ instalments }))
      .thenRejects(t, { code, ...(details ? { details } : {}) });
  reject([], 'INSTALMENTS_REQUIRED');
  reject([{ no: 2, dueDate: '2026-03-20', amountFen: PRICE }], 'INSTALMENT_NUMBERING');
  reject([{ no: 1, dueDate: '2026-02-25', amountFen: PRICE }], 'INSTALMENT_DUE_BEFORE_SIGNING');
  reject(
    [
      { no: 1, dueDate: '2026-03-20', amountFen: HALF },
      { no: 2, dueDate: '2026-03-19', amountFen: HALF },
    ],
    'INSTALMENT_ORDER',
  );
  reject([{ no: 1, dueDate: '2026-03-20', amountFen: PRICE - 1 }], 'INSTALMENTS_SUM_MISMATCH', {
    sumFen: PRICE - 1,
    priceFen: PRICE,
  });
  reject([{ no: 1, dueDate: '2026-03-20', amountFen: 0 }], 'AMOUNT_INVALID');
  reject(
    [
      { no: 1, dueDate: '2026-03-26', amountFen: HALF - 1 },
      { no: 2, dueDate: '2026-12-01', amountFen: HALF + 1 },
    ],
    'FIRST_INSTALMENT_TOO_SMALL',
    { firstWithin: '2026-03-26', dueEarlyFen: HALF - 1, rule: 'T06' },
  );
  reject(
    [
      { no: 1, dueDate: '2026-03-27', amountFen: HALF },
      { no: 2, dueDate: '2026-12-01', amountFen: HALF },
    ],
    'FIRST_INSTALMENT_TOO_SMALL',
  );
  reject(
    [
      { no: 1, dueDate: '2026-03-20', amountFen: HALF },
      { no: 2, dueDate: '2027-03-01', amountFen: HALF },
    ],
    'BALANCE_TOO_LATE',
    { rule: 'T06', balanceBy: '2027-02-26' },
  );
  given([])
    .when(
      signTransfer({
        instalments: [
          { no: 1, dueDate: '2026-03-26', amountFen: HALF },
          { no: 2, dueDate: '2027-02-26', amountFen: HALF },
        ],
      }),
    )
    .thenMatches(t, [{ type: 'TransferContractSigned' }], 'both limits are inclusive');
});

t.test('IssueAllocationDecision: no price terms, optional allocation price and term', async (t) => {
  const [event] = given([])
    .when(issueAllocation())
    .thenMatches(t, [
      {
        type: 'AllocationDecisionIssued',
        data: {
          ...JS_VERSIONS,
          parcelId: 'P-2',
          grantedOn: '2026-02-26',
          dealConfirmedOn: null,
          terms: {
            priceFen: null,
            depositFen: null,
            allocationPriceFen: 12_345_679,
            termYears: null,
            contractTemplateVersion: null,
          },
        },
      },
    ]);
  t.notOk(event !== undefined && 'instalments' in event.data, 'no instalments');
  given([])
    .when(issueAllocation({ termYears: 51 }))
    .thenRejects(t, { code: 'TERM_TOO_LONG', rule: 'E18' });
  given([])
    .when(issueAllocation({ supervisionNo: '' }))
    .thenRejects(t, { code: 'SUPERVISION_NO_REQUIRED', rule: 'S4 §十' });
  given([])
    .when(issueAllocation({ allocationPriceFen: -1 }))
    .thenRejects(t, { code: 'AMOUNT_INVALID', field: 'allocationPriceFen' });
  given(deal())
    .when(issueAllocation())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'DEAL_CONCLUDED' } });
  given(history(issueAllocation()))
    .when(issueAllocation())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'GRANTED' } });
});
