/**
 * The supply report's exact arithmetic and layout (S1/§13): hectares as integer m², 万元 from fen,
 * unit prices as fractions, groups named, and the flat table that CSV and XLSX export.
 */
import t from 'tap';
import {
  fenToWanYuan,
  hectaresToM2,
  m2ToHectares,
  priceStats,
  roundHalfUp,
  safeNumber,
} from '../../src/reports/exact.js';
import { parsePeriod } from '../../src/reports/period.js';
import { SUPPLY_COLUMNS, buildSupplyReport, groupName, type GroupFigures } from '../../src/reports/supply.js';

t.test('S1/§13: hectares, fen and 万元 are exact', async (t) => {
  t.equal(hectaresToM2('12.3456'), 123_456n);
  t.equal(hectaresToM2('0.1'), 1_000n);
  t.equal(hectaresToM2('7'), 70_000n);
  t.throws(() => hectaresToM2('1.23456'));
  t.throws(() => hectaresToM2('-1.0000'));
  // 0.1 + 0.2 ha: 0.30000000000000004 in floats, 0.3000 here.
  t.equal(m2ToHectares(hectaresToM2('0.1000') + hectaresToM2('0.2000')), '0.3000');
  t.equal(m2ToHectares(1n), '0.0001');
  t.equal(fenToWanYuan(231_000_000n), '231.000000');
  t.equal(fenToWanYuan(1n), '0.000001');
  t.equal(fenToWanYuan(12_345_678_901n), '12345.678901');
  t.equal(safeNumber(2n ** 53n - 1n), Number.MAX_SAFE_INTEGER);
  t.throws(() => safeNumber(2n ** 53n));
});

t.test('S1/§13: rounding half up to a hundredth of a fen', async (t) => {
  t.equal(roundHalfUp({ num: 1n, den: 3n }, 2), '0.33');
  t.equal(roundHalfUp({ num: 2n, den: 3n }, 2), '0.67');
  t.equal(roundHalfUp({ num: 1n, den: 200n }, 2), '0.01', 'exactly half rounds up');
  t.equal(roundHalfUp({ num: 1n, den: 201n }, 2), '0.00');
  t.equal(roundHalfUp({ num: 5n, den: 2n }, 0), '3');
});

t.test('S1/§13: unit prices in fen/m²: min, max, mean, median and area-weighted mean', async (t) => {
  t.same(priceStats([]), {
    grants: 0,
    minFenPerM2: null,
    maxFenPerM2: null,
    meanFenPerM2: null,
    medianFenPerM2: null,
    weightedMeanFenPerM2: null,
  });
  // 100 fen over 3 m² (33.33…), 300 over 2 (150), 1000 over 10 (100); unpriced and zero-area left out.
  const stats = priceStats([
    { priceFen: 100n, areaM2: 3n },
    { priceFen: 300n, areaM2: 2n },
    { priceFen: 1000n, areaM2: 10n },
    { priceFen: 0n, areaM2: 5n },
    { priceFen: 7n, areaM2: 0n },
  ]);
  t.same(stats, {
    grants: 3,
    minFenPerM2: '33.33',
    maxFenPerM2: '150.00',
    meanFenPerM2: '94.44', // (33.333… + 150 + 100) / 3 = 94.444…
    medianFenPerM2: '100.00',
    weightedMeanFenPerM2: '93.33', // 1400 / 15
  });
  // Even count: the median is the mean of the two middle prices, exactly: (1/3 + 2/3) / 2 = 0.5.
  t.match(
    priceStats([
      { priceFen: 1n, areaM2: 3n },
      { priceFen: 2n, areaM2: 3n },
      { priceFen: 9n, areaM2: 1n },
      { priceFen: 0n, areaM2: 1n },
    ]),
    { grants: 3, medianFenPerM2: '0.67' },
  );
  t.match(
    priceStats([
      { priceFen: 1n, areaM2: 3n },
      { priceFen: 2n, areaM2: 3n },
    ]),
    { grants: 2, medianFenPerM2: '0.50', meanFenPerM2: '0.50' },
  );
});

t.test('S1/§13: groups are named in Chinese and laid out as one table', async (t) => {
  t.equal(groupName('landUse', '07'), '住宅用地');
  t.equal(groupName('residentialSubclass', '07-3'), '其他普通商品住房用地');
  t.equal(groupName('supplyMethod', 'TENDER_AUCTION_LISTING'), '招标拍卖挂牌出让');
  t.equal(groupName('supplyMethod', 'TRANSFER_UNSPECIFIED'), '出让（方式未载明）');
  t.equal(groupName('grantKind', 'ALLOCATION'), '划拨');
  const base = {
    delivered: 0,
    started: 0,
    completed: 0,
    idle: 0,
    paymentOverdue: 0,
    late: 0,
    withAlerts: 0,
    slaBreached: 0,
  };
  const groups: GroupFigures[] = [
    { ...base, section: 'landUse', code: '07', parcels: 1, areaM2: 10_000n, priceFen: 5n },
    { ...base, section: 'total', code: '', parcels: 2, areaM2: 15_000n, priceFen: 5n, delivered: 1 },
    { ...base, section: 'landUse', code: '05', parcels: 1, areaM2: 5_000n, priceFen: 0n },
    { ...base, section: 'residentialSubclass', code: '07-3', parcels: 1, areaM2: 10_000n, priceFen: 5n },
    { ...base, section: 'residentialSubclass', code: '05-', parcels: 1, areaM2: 5_000n, priceFen: 0n },
  ];
  const report = buildSupplyReport({
    period: parsePeriod('2025Q3'),
    jurisdiction: '41',
    on: '2025-11-01',
    groups,
    priced: [
      {
        priceFen: 5n,
        areaM2: 10_000n,
        keys: {
          landUseCode: '07',
          residentialSubclass: 3,
          grantKind: 'TRANSFER',
          supplyMethod: 'NEGOTIATED_TRANSFER',
          divisionCode: '410102',
        },
      },
    ],
  });
  t.match(report.totals, {
    parcels: 2,
    areaHa: '1.5000',
    priceFen: 5,
    priceWanYuan: '0.000005',
    pace: { delivered: 1 },
  });
  t.same(
    report.byLandUse.map((f) => [f.code, f.name, f.areaHa]),
    [
      ['05', '商服用地', '0.5000'],
      ['07', '住宅用地', '1.0000'],
    ],
    'sorted by code',
  );
  t.same(
    report.byResidentialSubclass.map((f) => f.code),
    ['07-3'],
    'sub-classes of residential use only',
  );
  t.equal(report.byLandUse[1]?.unitPrice.minFenPerM2, '0.00', '5 fen over 1 ha rounds to 0.00 fen/m²');
  t.equal(report.byLandUse[0]?.unitPrice.grants, 0);
  t.equal(report.paceAsOf, '2025-09-30', 'pace is counted at the end of the period');
  t.equal(report.rows.length, 4, 'total, two uses, one sub-class');
  t.same(
    Object.keys(report.rows[0] ?? {}),
    SUPPLY_COLUMNS.map((c) => c.key),
    'one cell per column',
  );
  t.match(report.rows[0], { section: '合计', parcels: 2, areaHa: '1.5000', priceWanYuan: '0.000005' });
  t.ok(
    ['分类', '宗数', '面积(公顷)', '成交价款(万元)'].every((h) => SUPPLY_COLUMNS.some((c) => c.header === h)),
    'Chinese headers',
  );
});
