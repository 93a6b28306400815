import t from 'tap';
import {
  buildSupplyRecord,
  INVESTOR_NATURES,
  LAND_USE_CLASSES,
  PAYMENT_MODES,
  RESIDENTIAL_SUBCLASSES,
  SUPPLY_METHODS,
  supplySourceFromParcel,
  validateSupplyRecord,
} from '../../../src/domain/filing/index.js';
import type { GrantedState, ParcelFacts } from '../../../src/domain/parcel/state.js';
import { context, extra, source, validRecord } from './fixtures/supply-record-fixtures.js';

t.test('enumerations of §8.3 as data', async (t) => {
  t.equal(INVESTOR_NATURES.length, 7);
  t.same(
    INVESTOR_NATURES.map((n) => n.subTypes.length),
    [0, 0, 0, 8, 4, 4, 0],
  );
  t.same(
    SUPPLY_METHODS.map((m) => m.zh),
    ['划拨', '招标拍卖挂牌出让', '协议出让', '租赁', '作价出资或入股', '授权经营'],
  );
  t.same(
    LAND_USE_CLASSES.map((c) => c.code),
    ['05', '06', '07', '08', '09', '10', '11'],
  );
  t.equal(RESIDENTIAL_SUBCLASSES.length, 5);
  t.same(
    PAYMENT_MODES.map((m) => m.zh),
    ['一次性支付', '分期支付'],
  );
});

t.test('招拍挂: area in its column, contract amount in 万元 at 2 dp, instalments → 分期支付', async (t) => {
  t.same(validRecord.areas, {
    total: '12.3456',
    allocation: '0.0000',
    tenderAuctionListing: '12.3456',
    negotiatedTransfer: '0.0000',
    lease: '0.0000',
    capitalContribution: '0.0000',
    authorizedOperation: '0.0000',
  });
  t.same(validRecord.amounts, {
    tenderAuctionListing: { contractAmount: '115.50', paymentMode: 'INSTALMENTS' },
    negotiatedTransfer: { contractAmount: null, paymentMode: null },
    lease: { rent: null },
    capitalContribution: { amount: null },
    authorizedOperation: { amount: null },
  });
  t.equal(validRecord.requirements.totalInvestment, '30000.00');
  t.equal(validRecord.land.sourceDocSignedOn, '2026-03-02');
  t.equal(validRecord.project.landUser, '南京某置业有限公司');
});

t.test('amounts round half-up to the 0.01 万元 (100 yuan)', async (t) => {
  const record = buildSupplyRecord(
    { ...source, supplyMethod: 'NEGOTIATED_TRANSFER', priceFen: 1_234_565_000, instalmentCount: 1 },
    extra,
  );
  t.same(record.amounts.negotiatedTransfer, { contractAmount: '1234.57', paymentMode: 'LUMP_SUM' });
  t.equal(record.areas.negotiatedTransfer, '12.3456');
});

t.test('several source documents → the latest signing date (note 10)', async (t) => {
  const record = buildSupplyRecord(
    {
      ...source,
      sourceDocuments: [
        { kind: 'TRANSFER_CONTRACT', no: 'C-1', signedOn: '2026-03-02' },
        { kind: 'TRANSFER_CONTRACT', no: 'C-1 补充', signedOn: '2026-04-08' },
      ],
    },
    extra,
  );
  t.equal(record.land.sourceDocSignedOn, '2026-04-08');
});

t.test('划拨 from an allocated parcel, and lease, both valid', async (t) => {
  const allocation = buildSupplyRecord(
    {
      ...source,
      supplyMethod: 'ALLOCATION',
      landUse: { code: '08', residentialSubclass: null },
      priceFen: null,
      instalmentCount: 0,
      termYears: null,
      sourceDocuments: [{ kind: 'ALLOCATION_DECISION', no: '宁划〔2026〕3号', signedOn: '2026-03-02' }],
    },
    { ...extra, project: { ...extra.project, investorNature: { category: '2', subType: null } } },
  );
  t.equal(allocation.areas.allocation, '12.3456');
  t.equal(allocation.amounts.tenderAuctionListing.contractAmount, null);
  t.same(validateSupplyRecord(allocation, context), []);
  const lease = buildSupplyRecord(
    {
      ...source,
      supplyMethod: 'LEASE',
      priceFen: 50_000_000,
      sourceDocuments: [{ kind: 'LEASE_CONTRACT', no: 'L-1', signedOn: '2026-03-02' }],
    },
    extra,
  );
  t.same(lease.amounts.lease, { rent: '50.00' });
  t.same(validateSupplyRecord(lease, context), []);
});

const facts: ParcelFacts = {
  alerts: [],
  parcelId: 'P-1',
  jurisdiction: 'CN-JS-3201',
  policyVersion: 'CN-JS-2026.1',
  grantKind: 'TRANSFER',
  dealConfirmedOn: '2026-02-20',
  dealEventId: null,
  grantedOn: '2026-03-02',
  grantEventId: null,
  supervisionNo: '3201012026B00017',
  trackingCardExtractedOn: null,
  trackingCardEventId: null,
  patrolTaskAssignedOn: null,
  patrolTaskEventId: null,
  supplyRecordFiledOn: null,
  supplyRecordFilingRef: null,
  supplyRecordEventId: null,
  supplyRecordDraft: null,
  supplyRecordDraftEventId: null,
  marketTransactions: [],
  reserve: null,
  terms: {
    areaHa: '12.3456',
    landUse: { code: '07', residentialSubclass: 3 },
    termYears: 70,
    priceFen: 115_500_000,
    depositFen: 23_100_000,
    allocationPriceFen: null,
    deliveryDate: '2026-04-01',
    farMin: '1.2',
    farMax: '2.5',
    greenRatio: '30',
    buildingDensity: '25',
    totalInvestmentFen: 30_000_000_000,
    rates: {
      latePaymentRatePerDay: '0.001',
      lateStartRatePerDay: null,
      lateCompletionRatePerDay: null,
      grantorLateDeliveryRatePerDay: null,
    },
    decisionId: 'D-2026-007',
    landUserId: 'LU-100',
    controllingShareholderIds: [],
    contractTemplateVersion: 'GF-2008-2601',
    documentNo: '3201012026B00017',
  },
  instalments: [
    { no: 1, dueDate: '2026-04-01', amountFen: 57_750_000 },
    { no: 2, dueDate: '2027-03-01', amountFen: 57_750_000 },
  ],
  payments: [],
  lateDamages: [],
  paymentDemands: [],
  deliveryDemands: [],
  deliveredOn: null,
  deliveryEventId: null,
  certificateIssuedOn: null,
  certificateEventId: null,
  sitePublicityPostedOn: null,
  sitePublicityEventId: null,
  start: {
    declaredOn: null,
    declaredDate: null,
    declarationEventId: null,
    verifiedOn: null,
    verificationEventId: null,
    actualDate: null,
    uploadedOn: null,
    uploadEventId: null,
  },
  completion: {
    declaredOn: null,
    declaredDate: null,
    declarationEventId: null,
    verifiedOn: null,
    verificationEventId: null,
    actualDate: null,
    uploadedOn: null,
    uploadEventId: null,
  },
  inspections: [],
  schedule: {
    originalStart: '2026-09-01',
    originalCompletion: '2029-09-01',
    agreedStart: '2027-03-01',
    agreedCompletion: '2030-03-01',
    changes: [],
  },
  pendingExtension: null,
  idleCase: null,
  closedIdleCases: [],
  terminatedOn: null,
  terminationEventId: null,
  revokedOn: null,
  revocationEventId: null,
};

t.test('from a granted parcel: the same record as the plain input, dates as originally agreed', async (t) => {
  const state: GrantedState = { status: 'GRANTED', facts };
  const fromParcel = supplySourceFromParcel(state, {
    transferMethod: 'TENDER_AUCTION_LISTING',
    landUserName: '南京某置业有限公司',
  });
  t.same(fromParcel, source);
  t.same(validateSupplyRecord(buildSupplyRecord(fromParcel, extra), context), []);
  t.throws(() => supplySourceFromParcel(state, { landUserName: 'x' }), { code: 'TRANSFER_METHOD_REQUIRED' });
  const allocated = supplySourceFromParcel(
    { status: 'GRANTED', facts: { ...facts, grantKind: 'ALLOCATION' } },
    { landUserName: '某事业单位' },
  );
  t.same(
    [allocated.supplyMethod, allocated.priceFen, allocated.sourceDocuments[0]?.kind],
    ['ALLOCATION', null, 'ALLOCATION_DECISION'],
  );
});
