import t from 'tap';
import type { Test } from 'tap';
import { validateSupplyRecord, type SupplyRecord, type SupplyRecordContext } from '../../../src/domain/filing/index.js';
import { NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import { context, craft, validRecord } from './fixtures/supply-record-fixtures.js';

/** Asserts the exact (rule, field) list, so a missing, extra or misplaced failure fails the test. */
const expectFailures = (
  t: Test,
  record: SupplyRecord,
  expected: [string, string][],
  ctx: SupplyRecordContext = context,
): void => {
  const failures = validateSupplyRecord(record, ctx);
  t.same(
    failures.map((f) => [f.rule, f.field]),
    expected,
  );
  for (const failure of failures) t.ok(failure.message.length > 0, `${failure.rule} has a message`);
};

t.test('a fully valid record passes', async (t) => {
  t.same(validateSupplyRecord(validRecord, context), []);
});

t.test('V1 total = sum of the six supply-method areas, exactly at 4 dp', async (t) => {
  expectFailures(t, craft({ areas: { total: '12.3457' } }), [['V1', 'areas.total']]);
  const [failure] = validateSupplyRecord(craft({ areas: { total: '12.3457' } }), context);
  t.equal(failure?.message, 'total 12.3457 ha ≠ sum of supply-method areas 12.3456 ha');
  t.same(
    validateSupplyRecord(craft({ areas: { total: '12.3457', allocation: '0.0001' } }), context).map((f) => f.rule),
    ['V5'],
    'split across methods the sum holds (V5 then asks for the allocation decision)',
  );
});

t.test('V2 areas with exactly 4 decimals, amounts in 万元 with exactly 2', async (t) => {
  expectFailures(t, craft({ areas: { allocation: '0.000' }, tender: { contractAmount: '115.5' } }), [
    ['V2', 'areas.allocation'],
    ['V2', 'amounts.tenderAuctionListing.contractAmount'],
  ]);
  expectFailures(t, craft({ requirements: { totalInvestment: '30000' } }), [['V2', 'requirements.totalInvestment']]);
});

t.test('V3 foreign currency converted at the contract-date rate', async (t) => {
  const usd = {
    field: 'amounts.tenderAuctionListing.contractAmount',
    currency: 'USD',
    originalAmount: '162000.00',
    rateToCny: '7.1296', // 1 154 995.20 yuan → 115.4995 万元 → 115.50 (half-up)
    rateDate: '2026-03-02',
  } as const;
  t.same(validateSupplyRecord(craft({ foreignCurrency: [usd] }), context), [], 'correctly converted');
  expectFailures(t, craft({ foreignCurrency: [{ ...usd, rateToCny: '7.2000' }] }), [
    ['V3', 'amounts.tenderAuctionListing.contractAmount'],
  ]);
  expectFailures(t, craft({ foreignCurrency: [{ ...usd, rateDate: '2026-03-01' }] }), [
    ['V3', 'foreignCurrency[0].rateDate'],
  ]);
  expectFailures(t, craft({ foreignCurrency: [{ ...usd, currency: 'CNY' }] }), [['V3', 'foreignCurrency[0].currency']]);
  expectFailures(t, craft({ foreignCurrency: [{ ...usd, rateToCny: '0' }] }), [['V3', 'foreignCurrency[0].rateToCny']]);
  expectFailures(
    t,
    craft({ foreignCurrency: [{ ...usd, field: 'amounts.lease.rent' }] }),
    [['V3', 'amounts.lease.rent']],
    context,
  );
});

t.test('V4 dates as YYYY-MM-DD, real dates', async (t) => {
  expectFailures(t, craft({ requirements: { agreedStart: '2026/09/01' } }), [['V4', 'requirements.agreedStart']]);
  expectFailures(t, craft({ requirements: { agreedCompletion: '2029-02-30' } }), [
    ['V4', 'requirements.agreedCompletion'],
  ]);
  expectFailures(
    t,
    craft({
      land: { sourceDocSignedOn: '2026年3月2日' },
      project: { sourceDocuments: [{ kind: 'TRANSFER_CONTRACT', no: 'x', signedOn: '2026年3月2日' }] },
    }),
    [
      ['V4', 'land.sourceDocSignedOn'],
      ['V4', 'project.sourceDocuments[0].signedOn'],
    ],
  );
});

t.test('V5 latest signing date; documents match the supply methods', async (t) => {
  expectFailures(t, craft({ land: { sourceDocSignedOn: '2026-03-01' } }), [['V5', 'land.sourceDocSignedOn']]);
  expectFailures(
    t,
    craft({
      project: {
        sourceDocuments: [
          { kind: 'TRANSFER_CONTRACT', no: 'C-1', signedOn: '2026-03-02' },
          { kind: 'TRANSFER_CONTRACT', no: 'C-1 补充', signedOn: '2026-04-08' },
        ],
      },
    }),
    [['V5', 'land.sourceDocSignedOn']],
    context,
  );
  expectFailures(
    t,
    craft({ project: { sourceDocuments: [{ kind: 'ALLOCATION_DECISION', no: 'D-1', signedOn: '2026-03-02' }] } }),
    [
      ['V5', 'project.sourceDocuments[0].kind'],
      ['V5', 'project.sourceDocuments'],
    ],
  );
  expectFailures(t, craft({ project: { sourceDocuments: [] } }), [['V5', 'project.sourceDocuments']]);
});

t.test('V6 supply approval more than 3 years after farmland conversion needs remarks', async (t) => {
  expectFailures(t, craft({ project: { approvalDate: '2027-05-21' } }), [['V6', 'remarks']]);
  t.same(
    validateSupplyRecord(craft({ project: { approvalDate: '2027-05-20' } }), context),
    [],
    'exactly 3 years is not more',
  );
  t.same(
    validateSupplyRecord(
      craft({ project: { approvalDate: '2027-05-21' }, remarks: '征地后规划调整，延至2027年供应' }),
      context,
    ),
    [],
  );
  t.same(
    validateSupplyRecord(craft({ project: { approvalDate: '2030-01-01' } }), {
      ...context,
      farmlandConversionApprovalDate: null,
    }),
    [],
    'stock land',
  );
  expectFailures(t, validRecord, [['V6', 'context.farmlandConversionApprovalDate']], {
    ...context,
    farmlandConversionApprovalDate: '2024-5-20',
  });
});

t.test('V7 agreed completion more than 3 years after start needs remarks', async (t) => {
  expectFailures(t, craft({ requirements: { agreedCompletion: '2029-09-02' } }), [['V7', 'remarks']]);
  t.same(
    validateSupplyRecord(craft({ requirements: { agreedCompletion: '2029-09-02' }, remarks: '分三期开发' }), context),
    [],
  );
});

t.test('V8 areas ≥ 0, at least one > 0, amounts where the method needs them', async (t) => {
  expectFailures(t, craft({ tender: { contractAmount: null } }), [
    ['V8', 'amounts.tenderAuctionListing.contractAmount'],
  ]);
  expectFailures(t, craft({ tender: { paymentMode: null } }), [['V8', 'amounts.tenderAuctionListing.paymentMode']]);
  expectFailures(t, craft({ tender: { paymentMode: 'MONTHLY' } }), [
    ['V8', 'amounts.tenderAuctionListing.paymentMode'],
  ]);
  expectFailures(t, craft({ areas: { allocation: '-1.0000', tenderAuctionListing: '13.3456' } }), [
    ['V8', 'areas.allocation'],
  ]);
  expectFailures(t, craft({ areas: { total: '0.0000', tenderAuctionListing: '0.0000' } }), [
    ['V5', 'project.sourceDocuments[0].kind'],
    ['V8', 'areas'],
  ]);
  expectFailures(
    t,
    craft({
      areas: { tenderAuctionListing: '10.3456', lease: '2.0000' },
      project: {
        sourceDocuments: [
          { kind: 'TRANSFER_CONTRACT', no: 'C-1', signedOn: '2026-03-02' },
          { kind: 'LEASE_CONTRACT', no: 'L-1', signedOn: '2026-03-02' },
        ],
      },
    }),
    [['V8', 'amounts.lease.rent']],
  );
});

t.test('V9 one of the 7 investor natures, sub-type for 4/5/6 only', async (t) => {
  expectFailures(t, craft({ project: { investorNature: { category: '8', subType: null } } }), [
    ['V9', 'project.investorNature.category'],
  ]);
  expectFailures(t, craft({ project: { investorNature: { category: '4', subType: null } } }), [
    ['V9', 'project.investorNature.subType'],
  ]);
  expectFailures(t, craft({ project: { investorNature: { category: '6', subType: '合资经营企业' } } }), [
    ['V9', 'project.investorNature.subType'],
  ]);
  expectFailures(t, craft({ project: { investorNature: { category: '1', subType: '国有企业' } } }), [
    ['V9', 'project.investorNature.subType'],
  ]);
  t.same(
    validateSupplyRecord(craft({ project: { investorNature: { category: '5', subType: '合资经营企业' } } }), context),
    [],
  );
  t.same(validateSupplyRecord(craft({ project: { investorNature: { category: '7', subType: null } } }), context), []);
});

t.test('V10 construction-land class; residential needs one of 5 sub-classes', async (t) => {
  expectFailures(t, craft({ land: { use: { code: '01', residentialSubclass: null } } }), [['V10', 'land.use.code']]);
  expectFailures(t, craft({ land: { use: { code: '07', residentialSubclass: 6 } } }), [
    ['V10', 'land.use.residentialSubclass'],
  ]);
  expectFailures(t, craft({ land: { use: { code: '07', residentialSubclass: null } } }), [
    ['V10', 'land.use.residentialSubclass'],
  ]);
  expectFailures(t, craft({ land: { use: { code: '05', residentialSubclass: 3 } } }), [
    ['V10', 'land.use.residentialSubclass'],
  ]);
});

t.test('V11 industry code in the versioned catalogue', async (t) => {
  expectFailures(t, craft({ project: { industryCode: 'Z9999' } }), [['V11', 'project.industryCode']]);
  const [failure] = validateSupplyRecord(craft({ project: { industryCode: 'Z9999' } }), context);
  t.match(failure?.message ?? '', 'GB/T 4754-2002 目录 v1');
});

t.test('V12 land user as named on the source document', async (t) => {
  expectFailures(t, craft({ project: { landUser: '南京某置业公司' } }), [['V12', 'project.landUser']]);
});

t.test('V13 agreed completion not before agreed start', async (t) => {
  expectFailures(t, craft({ requirements: { agreedCompletion: '2026-08-31' } }), [
    ['V13', 'requirements.agreedCompletion'],
  ]);
  t.same(
    validateSupplyRecord(craft({ requirements: { agreedCompletion: '2026-09-01' } }), context),
    [],
    'same day is allowed',
  );
});

t.test('V14 Jiangsu residential FAR lower bound > 1', async (t) => {
  expectFailures(t, craft({ requirements: { far: { lowerBound: '1.0', upperBound: '2.5' } } }), [
    ['V14', 'requirements.far.lowerBound'],
  ]);
  expectFailures(t, craft({ requirements: { far: { lowerBound: null, upperBound: '2.5' } } }), [
    ['V14', 'requirements.far.lowerBound'],
  ]);
  t.same(
    validateSupplyRecord(craft({ requirements: { far: { lowerBound: '1.01', upperBound: '2.5' } } }), context),
    [],
  );
  const national = { ...context, policy: NATIONAL_POLICY };
  t.same(
    validateSupplyRecord(craft({ requirements: { far: { lowerBound: '0.8', upperBound: '2.5' } } }), national),
    [],
    'not a national rule',
  );
  const industrial = craft({
    land: { use: { code: '06', residentialSubclass: null } },
    requirements: { far: { lowerBound: '0.8', upperBound: '2.0' } },
  });
  t.same(validateSupplyRecord(industrial, context), [], 'not for industrial land');
});

t.test('all failures are reported, in rule order, never just the first', async (t) => {
  const record = craft({
    areas: { total: '99.0000' },
    project: { investorNature: { category: '9', subType: null }, industryCode: 'nope', landUser: '别人' },
    requirements: { far: { lowerBound: '0.9', upperBound: '2.5' } },
  });
  expectFailures(t, record, [
    ['V1', 'areas.total'],
    ['V9', 'project.investorNature.category'],
    ['V11', 'project.industryCode'],
    ['V12', 'project.landUser'],
    ['V14', 'requirements.far.lowerBound'],
  ]);
});
