/**
 * GET /reports/supply (issue 10; S1 §三, DOMAIN.md §13) on real PostgreSQL with the projections
 * in-process: parcels granted in different quarters, uses, supply methods and places; totals by
 * hand; the same totals as GET /parcels over the period; CSV and XLSX read back equal the JSON;
 * bad periods, foreign jurisdictions and land users refused as problem+json.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import t from 'tap';
import { hectaresToM2, m2ToHectares } from '../../src/reports/exact.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { at, contract } from '../api/fixtures/parcel.js';
import { decide, grant, ok, type Grant } from './fixtures/grants.js';

type Role = Parameters<TestApp['token']>[0];

const get = async (h: TestApp, url: string, options: { role?: Role; sub?: string; jurisdiction?: string } = {}) => {
  const token = await h.token(options.role ?? 'PROVINCE_REVIEWER', { jurisdiction: '41', ...options });
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
};

const GRANTS: Grant[] = [
  // 2026Q3, Zhengzhou (4101): residential 07/3 and commercial 05 by 招拍挂; the second on the quarter's last day.
  {
    parcelId: 'P-HA-1',
    jurisdiction: 'CN-HA-4101',
    decisionId: 'D-HA-1',
    on: '2026-07-08',
    areaHa: '12.3456',
    landUse: { code: '07', residentialSubclass: 3 },
    priceFen: 231_000_000,
    kind: 'TRANSFER',
  },
  {
    parcelId: 'P-HA-2',
    jurisdiction: 'CN-HA-4101',
    decisionId: 'D-HA-1',
    on: '2026-09-30',
    areaHa: '3.3333',
    landUse: { code: '05', residentialSubclass: null },
    priceFen: 100_000_001,
    kind: 'TRANSFER',
  },
  // 2026Q3, Kaifeng (4102): a school's allocation (划拨) under the same decision.
  {
    parcelId: 'P-HA-3',
    jurisdiction: 'CN-HA-4102',
    decisionId: 'D-HA-1',
    on: '2026-08-15',
    areaHa: '3.0000',
    landUse: { code: '08', residentialSubclass: null },
    priceFen: 12_345_679,
    kind: 'ALLOCATION',
  },
  // 2026Q4 (the day after Q3 ends), a Zhengzhou district (410102): industrial, by agreement (协议出让).
  {
    parcelId: 'P-HA-4',
    jurisdiction: 'CN-HA-410102',
    decisionId: 'D-HA-2',
    on: '2026-10-01',
    areaHa: '1.0001',
    landUse: { code: '06', residentialSubclass: null },
    priceFen: 99_999_999,
    kind: 'TRANSFER',
  },
];

/** Henan's parcels, one Jiangsu parcel in Q3, and a Henan deal never signed; returns the last position. */
const seed = async (h: TestApp): Promise<string> => {
  await decide(h, '41', 'D-HA-1', 'CN-HA-4101', 'TENDER_AUCTION_LISTING', ['P-HA-1', 'P-HA-2', 'P-HA-3', 'P-JS-1']);
  await decide(h, '41', 'D-HA-2', 'CN-HA-4101', 'NEGOTIATED_TRANSFER', ['P-HA-4']);
  for (const g of GRANTS) await grant(h, '41', g);
  // Jiangsu: outside a Henan report, inside the country's.
  h.setNow(at('2026-07-20'));
  await ok(
    h.command(
      '/parcels/P-JS-1/sign-transfer-contract',
      contract({
        decisionId: 'D-HA-1',
        signedOn: '2026-07-20',
        instalments: [
          { no: 1, dueDate: '2026-07-31', amountFen: 115_500_000 },
          { no: 2, dueDate: '2027-06-30', amountFen: 115_500_000 },
        ],
      }),
      { jurisdiction: '32' },
    ),
    'grant P-JS-1',
  );
  h.setNow(at('2026-09-01'));
  await ok(
    h.command(
      '/parcels/P-HA-5/confirm-deal',
      {
        jurisdiction: 'CN-HA-4101',
        winnerId: 'LU-HA-9',
        confirmedOn: '2026-09-01',
      },
      { jurisdiction: '41' },
    ),
    'deal P-HA-5',
  );
  // Pace: P-HA-1 delivered and started within Q3; P-HA-2 delivered after it; P-HA-2 paid in time.
  h.setNow(at('2026-08-10'));
  await ok(
    h.command(
      '/parcels/P-HA-1/confirm-land-delivery',
      { deliveredOn: '2026-08-07', confirmationNo: 'JD-HA-1' },
      { jurisdiction: '41' },
    ),
    'deliver P-HA-1',
  );
  h.setNow(at('2026-09-22'));
  await ok(
    h.command(
      '/parcels/P-HA-1/declare-start',
      { declarationNo: 'DG-HA-1', declaredOn: '2026-09-22', startedOn: '2026-09-20', constructionPermitNo: 'SG-HA-1' },
      { role: 'FIELD_INSPECTOR', jurisdiction: '41' },
    ),
    'declare start P-HA-1',
  );
  h.setNow(at('2026-09-25'));
  await ok(
    h.command(
      '/parcels/P-HA-1/verify-start',
      { verifiedOn: '2026-09-25', outcome: 'VERIFIED' },
      {
        role: 'FIELD_INSPECTOR',
        jurisdiction: '41',
      },
    ),
    'verify start P-HA-1',
  );
  h.setNow(at('2026-10-12'));
  await ok(
    h.command(
      '/parcels/P-HA-2/record-payment',
      {
        paymentId: 'PAY-HA-2',
        instalmentNo: 1,
        amountFen: 100_000_001,
        paidOn: '2026-10-12',
      },
      { role: 'PATROL_POST', jurisdiction: '41' },
    ),
    'pay P-HA-2',
  );
  const last = await ok(
    h.command(
      '/parcels/P-HA-2/confirm-land-delivery',
      { deliveredOn: '2026-10-12', confirmationNo: 'JD-HA-2' },
      { jurisdiction: '41' },
    ),
    'deliver P-HA-2',
  );
  h.setNow(at('2026-11-01'));
  return last.json<{ position: string }>().position;
};

interface Figures {
  code: string;
  name: string;
  parcels: number;
  areaHa: string;
  priceFen: number;
  priceWanYuan: string;
  unitPrice: Record<string, string | number | null>;
  pace: { delivered: number; started: number; completed: number };
  problems: Record<string, number>;
}
interface Report {
  period: { label: string; from: string; to: string; reportDueOn: string | null };
  totals: Figures;
  byLandUse: Figures[];
  byResidentialSubclass: Figures[];
  byGrantKind: Figures[];
  bySupplyMethod: Figures[];
  byCity: Figures[];
  byDivision: Figures[];
  columns: { key: string; header: string; kind: string; decimals?: number }[];
  rows: Record<string, string | number | null>[];
  position: string | null;
}

const codes = (list: Figures[]) => list.map((f) => [f.code, f.parcels, f.areaHa, f.priceFen]);

/** Every parcel GET /parcels lists for the filter, page by page. */
const listAll = async (h: TestApp, query: string, options: { role?: Role; jurisdiction?: string } = {}) => {
  const items: {
    parcelId: string;
    areaHa: string;
    priceFen: number | null;
    grantedOn: string;
    alerts: unknown[];
    flags: { slaBreaches: number };
  }[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(h, `/parcels?${query}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, options);
    if (res.statusCode !== 200) throw new Error(res.body);
    const page = res.json<{ items: typeof items; nextCursor: string | null }>();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
};

t.test('S1/§13: the supply report of a period, checked by hand and against GET /parcels', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  const position = encodeURIComponent(await seed(h));

  const res = await get(h, `/reports/supply?period=2026Q3&jurisdiction=41&on=2026-11-01&minPosition=${position}`);
  t.equal(res.statusCode, 200, res.body.slice(0, 500));
  t.ok(res.headers['x-read-position'], 'the answer names the log position it reflects');
  const report = res.json<Report>();
  t.match(report.period, { label: '2026Q3', from: '2026-07-01', to: '2026-09-30', reportDueOn: '2026-10-10' });
  // P-HA-1 + P-HA-2 + P-HA-3; not P-HA-4 (Q4), P-HA-5 (not granted) or P-JS-1 (Jiangsu).
  t.match(report.totals, {
    parcels: 3,
    areaHa: '18.6789',
    priceFen: 343_345_680,
    priceWanYuan: '343.345680',
    // Pace by the period's end: P-HA-1 delivered and started in Q3; P-HA-2 was delivered in October.
    pace: { delivered: 1, started: 1, completed: 0 },
    // Judged on 2026-11-01: P-HA-1's instalment (due 07-28) is unpaid; P-HA-1 started after its agreed
    // start (09-06) and P-HA-3 has not started by its own (10-14): both late.
    problems: { idle: 0, paymentOverdue: 1, late: 2, withAlerts: 0 },
  });
  t.same(report.totals.unitPrice, {
    grants: 3,
    minFenPerM2: '411.52', // 12,345,679 / 30,000
    maxFenPerM2: '3000.03', // 100,000,001 / 33,333
    meanFenPerM2: '1760.89',
    medianFenPerM2: '1871.11', // 231,000,000 / 123,456
    weightedMeanFenPerM2: '1838.15', // 343,345,680 / 186,789
  });
  t.same(codes(report.byLandUse), [
    ['05', 1, '3.3333', 100_000_001],
    ['07', 1, '12.3456', 231_000_000],
    ['08', 1, '3.0000', 12_345_679],
  ]);
  t.equal(report.byLandUse[1]?.name, '住宅用地');
  t.same(codes(report.byResidentialSubclass), [['07-3', 1, '12.3456', 231_000_000]]);
  t.same(codes(report.byGrantKind), [
    ['ALLOCATION', 1, '3.0000', 12_345_679],
    ['TRANSFER', 2, '15.6789', 331_000_001],
  ]);
  t.same(codes(report.bySupplyMethod), [
    ['ALLOCATION', 1, '3.0000', 12_345_679],
    ['TENDER_AUCTION_LISTING', 2, '15.6789', 331_000_001],
  ]);
  t.same(codes(report.byCity), [
    ['4101', 2, '15.6789', 331_000_001],
    ['4102', 1, '3.0000', 12_345_679],
  ]);
  t.same(codes(report.byDivision), codes(report.byCity), 'in Q3 every parcel is at city level');

  // The same rows as GET /parcels over the period, its flags included.
  const on = 'on=2026-11-01';
  const range = `grantedFrom=2026-07-01&grantedTo=2026-09-30&jurisdiction=41&${on}`;
  const listed = await listAll(h, range);
  t.same(
    listed.map((p) => p.parcelId),
    ['P-HA-1', 'P-HA-2', 'P-HA-3'],
  );
  t.equal(report.totals.parcels, listed.length, 'count equals GET /parcels');
  t.equal(
    report.totals.areaHa,
    m2ToHectares(listed.reduce((s, p) => s + hectaresToM2(p.areaHa), 0n)),
    'area equals GET /parcels, summed exactly',
  );
  t.equal(
    report.totals.priceFen,
    listed.reduce((s, p) => s + (p.priceFen ?? 0), 0),
    'price equals GET /parcels',
  );
  for (const [flag, key] of [
    ['overdue', 'paymentOverdue'],
    ['late', 'late'],
    ['idle', 'idle'],
  ] as const) {
    const flagged = await listAll(h, `${range}&${flag}=true`);
    t.equal(report.totals.problems[key], flagged.length, `${key} equals GET /parcels?${flag}=true`);
  }
  t.equal(
    report.totals.problems['slaBreached'],
    listed.filter((p) => p.flags.slaBreaches > 0).length,
    'SLA breaches as GET /parcels flags them',
  );
  t.equal(
    report.totals.problems['withAlerts'],
    listed.filter((p) => p.alerts.length > 0).length,
    'alerts as GET /parcels lists them',
  );

  // Other periods: the whole year and the second half take in P-HA-4, agreed in Q4 by 协议出让; July only P-HA-1.
  const year = (await get(h, `/reports/supply?period=2026&jurisdiction=41&${on}`)).json<Report>();
  t.match(year.totals, { parcels: 4, areaHa: '19.6790', priceFen: 443_345_679 });
  t.match(year.totals.unitPrice, { grants: 4, maxFenPerM2: '9999.00', medianFenPerM2: '2435.57' });
  t.same(
    year.bySupplyMethod.map((f) => [f.code, f.name, f.parcels]),
    [
      ['ALLOCATION', '划拨', 1],
      ['NEGOTIATED_TRANSFER', '协议出让', 1],
      ['TENDER_AUCTION_LISTING', '招标拍卖挂牌出让', 2],
    ],
  );
  t.same(
    year.byDivision.map((f) => [f.code, f.parcels]),
    [
      ['4101', 2],
      ['410102', 1],
      ['4102', 1],
    ],
  );
  t.same(
    year.byCity.map((f) => [f.code, f.parcels]),
    [
      ['4101', 3],
      ['4102', 1],
    ],
    'a district counts in its city',
  );
  const half = (await get(h, `/reports/supply?period=2026H2&jurisdiction=41&${on}`)).json<Report>();
  t.same(half.totals, year.totals, 'nothing granted in H1');
  const july = (await get(h, `/reports/supply?period=2026M07&jurisdiction=41&${on}`)).json<Report>();
  t.match(july.totals, { parcels: 1, areaHa: '12.3456' });
  t.equal(july.period.reportDueOn, null, 'a month is no S1 reporting period');
  const q4 = (await get(h, `/reports/supply?period=2026Q4&jurisdiction=4101&${on}`)).json<Report>();
  t.match(q4.totals, { parcels: 1, areaHa: '1.0001', pace: { delivered: 0 } });
  const emptyRes = await get(h, `/reports/supply?period=2025Q3&${on}`);
  t.equal(emptyRes.statusCode, 200, emptyRes.body.slice(0, 500));
  const empty = emptyRes.json<Report>();
  t.match(empty.totals, { parcels: 0, areaHa: '0.0000', priceFen: 0, unitPrice: { grants: 0, meanFenPerM2: null } });

  // The ministry sees both provinces; the Jiangsu parcel adds its figures.
  const country = (
    await get(h, `/reports/supply?period=2026Q3&${on}`, { role: 'MINISTRY', jurisdiction: 'CN' })
  ).json<Report>();
  t.match(country.totals, { parcels: 4, areaHa: '31.0245', priceFen: 574_345_680 });
  const everywhere = await listAll(h, `grantedFrom=2026-07-01&grantedTo=2026-09-30&${on}`, {
    role: 'MINISTRY',
    jurisdiction: 'CN',
  });
  t.equal(country.totals.parcels, everywhere.length);
});

t.test('S1/§13: CSV and XLSX downloads hold the JSON table, with Chinese headers', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  const position = encodeURIComponent(await seed(h));
  const query = `period=2026&jurisdiction=41&on=2026-11-01&minPosition=${position}`;
  const report = (await get(h, `/reports/supply?${query}`)).json<Report>();
  const headers = report.columns.map((c) => c.header);
  t.ok(
    ['分类', '宗数', '面积(公顷)', '成交价款(万元)'].every((x) => headers.includes(x)),
    'Chinese headers',
  );
  t.equal(report.rows[0]?.['section'], '合计');
  const expected = report.rows.map((row) => report.columns.map((c) => row[c.key] ?? null));

  const csv = await get(h, `/reports/supply?${query}&format=csv`);
  t.equal(csv.statusCode, 200, csv.body.slice(0, 300));
  t.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
  t.equal(csv.headers['content-disposition'], 'attachment; filename="supply-2026-41.csv"');
  const records = parse(csv.rawPayload, { bom: true });
  t.same(records[0], headers);
  t.same(
    records.slice(1),
    expected.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
    'every CSV cell is the JSON cell',
  );

  const xlsx = await get(h, `/reports/supply?${query}&format=xlsx`);
  t.equal(xlsx.statusCode, 200, xlsx.body.slice(0, 300));
  t.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  t.equal(xlsx.headers['content-disposition'], 'attachment; filename="supply-2026-41.xlsx"');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('供应统计');
  t.ok(sheet, 'the data sheet');
  const read: unknown[][] = [];
  sheet?.eachRow((row) => {
    read.push(report.columns.map((_, i) => row.getCell(i + 1).value ?? null));
  });
  t.same(read[0], headers);
  // Decimals are numbers shown with their decimals; read back with those decimals they are the JSON's strings.
  const normalized = read.slice(1).map((row) =>
    row.map((cell, i) => {
      const column = report.columns[i];
      return column?.kind === 'decimal' && typeof cell === 'number' ? cell.toFixed(column.decimals ?? 0) : cell;
    }),
  );
  t.same(
    normalized,
    expected.map((row) => row.map((cell) => (cell === '' ? null : cell))),
    'every XLSX cell is the JSON cell (an empty text an empty cell)',
  );
  const notes = workbook.getWorksheet('说明');
  t.equal(notes?.getRow(2).getCell(2).value, '2026', 'the notes name the period');
});

t.test('S1/§13: bad period 400, foreign jurisdiction and land users 403, as problem+json', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  for (const period of ['2026Q5', '2026M13', 'Q3', '1800']) {
    const bad = await get(h, `/reports/supply?period=${period}`);
    t.equal(bad.statusCode, 400, period);
    t.match(bad.headers['content-type'], /^application\/problem\+json/);
    t.match(bad.json(), {
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'querystring.period', rule: String, message: /period|year/ }],
    });
  }
  const missing = await get(h, '/reports/supply');
  t.equal(missing.statusCode, 400);
  t.equal(missing.json<{ errors: { field: string }[] }>().errors[0]?.field, 'querystring.period');
  const badFormat = await get(h, '/reports/supply?period=2026&format=pdf');
  t.equal(badFormat.json<{ errors: { field: string }[] }>().errors[0]?.field, 'querystring.format');

  const foreign = await get(h, '/reports/supply?period=2026Q3&jurisdiction=41', { jurisdiction: '32' });
  t.equal(foreign.statusCode, 403);
  t.match(foreign.headers['content-type'], /^application\/problem\+json/);
  t.match(foreign.json(), { code: 'JURISDICTION_FORBIDDEN', rule: '§12', errors: [{ field: 'query.jurisdiction' }] });
  const landUser = await get(h, '/reports/supply?period=2026Q3', { role: 'LAND_USER', sub: 'LU-HA-1' });
  t.equal(landUser.statusCode, 403);
  t.match(landUser.json(), { code: 'ROLE_NOT_ALLOWED', rule: '§12' });
  const anonymous = await h.app.inject({ method: 'GET', url: '/reports/supply?period=2026Q3' });
  t.equal(anonymous.statusCode, 401);
  const behind = await get(h, `/reports/supply?period=2026Q3&minPosition=${encodeURIComponent('999999999/1')}`);
  t.equal(behind.statusCode, 503, 'read model behind minPosition');
  t.match(behind.json(), { code: 'READ_MODEL_BEHIND' });
  t.equal(behind.headers['retry-after'], '1');
  const docs = await h.app.inject({ method: 'GET', url: '/docs/json' });
  const op = docs.json<{ paths: Record<string, { get?: { tags?: string[]; operationId?: string } }> }>().paths[
    '/reports/supply'
  ]?.get;
  t.match(op, { tags: ['reports'], operationId: 'GetSupplyReport' }, 'in the OpenAPI document');
});
