/**
 * The report page end to end in a real browser: the service on a real port (PostgreSQL, read side
 * in-process), Jiangsu parcels granted in 2026Q3 through the API (two decisions, three uses, two
 * supply methods, a transfer and an allocation, one delivered) and one in Q4, then a provincial
 * reviewer signs in on /reports/ with a pasted token, loads 2026Q3 for '32' and reads the same
 * figures GET /reports/supply answers: totals, one bar per land use, jurisdiction tables, unit
 * prices, pace and problems; downloads the CSV; an unknown period shows the 400 naming `period`.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import t from 'tap';
import { signToken } from '../../src/api/auth/token.js';
import { at } from '../api/fixtures/parcel.js';
import { decide, grant, ok, type Grant } from '../reports/fixtures/grants.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { chromiumMissing, launchChromium } from './chromium.js';
import { checkServed, pasteToken, signIn, until, watchedPage } from './page-helpers.js';

const OFFICIAL = { jurisdiction: '32' } as const;

const GRANTS: Grant[] = [
  {
    parcelId: 'P-RP-1',
    jurisdiction: 'CN-JS-3201',
    decisionId: 'D-RP-1',
    on: '2026-07-08',
    areaHa: '12.3456',
    landUse: { code: '07', residentialSubclass: 3 },
    priceFen: 231_000_000,
    kind: 'TRANSFER',
  },
  {
    parcelId: 'P-RP-2',
    jurisdiction: 'CN-JS-3201',
    decisionId: 'D-RP-1',
    on: '2026-09-30',
    areaHa: '3.3333',
    landUse: { code: '05', residentialSubclass: null },
    priceFen: 100_000_001,
    kind: 'TRANSFER',
  },
  {
    parcelId: 'P-RP-3',
    jurisdiction: 'CN-JS-3201',
    decisionId: 'D-RP-1',
    on: '2026-08-15',
    areaHa: '3.0000',
    landUse: { code: '08', residentialSubclass: null },
    priceFen: 12_345_679,
    kind: 'ALLOCATION',
  },
  {
    parcelId: 'P-RP-4',
    jurisdiction: 'CN-JS-3202',
    decisionId: 'D-RP-2',
    on: '2026-08-20',
    areaHa: '1.0001',
    landUse: { code: '06', residentialSubclass: null },
    priceFen: 99_999_999,
    kind: 'TRANSFER',
  },
  // Q4: outside the report.
  {
    parcelId: 'P-RP-5',
    jurisdiction: 'CN-JS-3202',
    decisionId: 'D-RP-2',
    on: '2026-10-01',
    areaHa: '2.0000',
    landUse: { code: '06', residentialSubclass: null },
    priceFen: 50_000_000,
    kind: 'TRANSFER',
  },
];

/** The parcels of GRANTS, P-RP-1 delivered in Q3; returns the last command's log position. */
const seed = async (h: TestApp): Promise<string> => {
  await decide(h, '32', 'D-RP-1', 'CN-JS-3201', 'TENDER_AUCTION_LISTING', ['P-RP-1', 'P-RP-2', 'P-RP-3']);
  await decide(h, '32', 'D-RP-2', 'CN-JS-3202', 'NEGOTIATED_TRANSFER', ['P-RP-4', 'P-RP-5']);
  for (const g of GRANTS) await grant(h, '32', g);
  h.setNow(at('2026-08-10'));
  const body = await ok(
    h.command(
      '/parcels/P-RP-1/confirm-land-delivery',
      { deliveredOn: '2026-08-07', confirmationNo: 'JD-RP-1' },
      OFFICIAL,
    ),
    'deliver P-RP-1',
  );
  h.setNow(at('2026-11-01'));
  return body.json<{ position: string }>().position;
};

interface Figures {
  code: string;
  name: string;
  parcels: number;
  areaHa: string;
  priceWanYuan: string;
  unitPrice: Record<string, string | number | null>;
  pace: { delivered: number; started: number; completed: number };
  problems: Record<string, number>;
}
interface Report {
  totals: Figures;
  byLandUse: Figures[];
  bySupplyMethod: Figures[];
  byCity: Figures[];
  byDivision: Figures[];
}

const loadReport = async (page: Page, period: string, jurisdiction: string): Promise<void> => {
  await page.getByLabel('报告期 Period').fill(period);
  await page.getByLabel('辖区前缀 Jurisdiction prefix').fill(jurisdiction);
  await page.getByRole('button', { name: '生成报告 Load report' }).click();
};

const missing = chromiumMissing();
if (missing !== null) {
  t.plan(0, `skipped: ${missing}`);
} else {
  t.test('a provincial reviewer reads the 2026Q3 supply report on /reports/', async (t) => {
    const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00', { readSide: true });
    const position = await seed(h);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const reviewer = await h.token('PROVINCE_REVIEWER', {
      jurisdiction: '32',
      name: '钱审核',
      sub: 'reviewer-js-1',
      ttl: '8h',
    });

    // The JSON the page must show: read once the projections hold every grant.
    const res = await fetch(
      `${base}/reports/supply?period=2026Q3&jurisdiction=32&format=json&minPosition=${encodeURIComponent(position)}`,
      { headers: { authorization: `Bearer ${reviewer}` } },
    );
    t.equal(res.status, 200);
    const report = (await res.json()) as Report;
    t.equal(report.totals.parcels, 4, 'four Jiangsu grants in Q3 (not the Q4 one)');
    t.equal(report.byLandUse.length, 4, 'residential, commercial, public, industrial');

    // The page's own routes, beside the API: no clash with /reports/supply, nothing in /docs.
    await checkServed(t, base, '/reports');
    const redirect = await fetch(`${base}/reports`, { redirect: 'manual' });
    t.equal(redirect.status, 301, '/reports redirects');
    t.match(redirect.headers.get('location'), /\/reports\/$/, 'to /reports/');
    const unauthenticated = await fetch(`${base}/reports/supply?period=2026Q3`);
    t.equal(unauthenticated.status, 401, 'GET /reports/supply is still the API (no token: 401)');
    t.equal((await fetch(`${base}/reports/nothing-here`)).status, 404, 'no catch-all under /reports/');
    const docs = (await (await fetch(`${base}/docs/json`)).json()) as { paths: Record<string, unknown> };
    t.same(
      Object.keys(docs.paths).filter((path) => path.startsWith('/reports')),
      ['/reports/supply'],
      'only the API route is in the OpenAPI document',
    );

    const browser = await launchChromium();
    t.teardown(() => browser.close());
    const { page, external, consoleErrors } = await watchedPage(browser, base);

    // Sign in with the pasted token.
    await signIn(t, page, base, '/reports', reviewer);
    t.equal(await page.locator('#who-name').textContent(), '钱审核', 'the name from the token');
    t.equal(await page.locator('#who-role').textContent(), 'PROVINCE_REVIEWER');

    // The report of 2026Q3 for '32'.
    await loadReport(page, '2026Q3', '32');
    await page.locator('#report').waitFor({ state: 'visible' });
    t.equal(await page.locator('#total-parcels').textContent(), String(report.totals.parcels), 'count as the JSON');
    t.equal(await page.locator('#total-area').textContent(), report.totals.areaHa, 'area (ha) as the JSON');
    t.equal(await page.locator('#total-price').textContent(), report.totals.priceWanYuan, 'price (万元) as the JSON');
    t.match(page.url(), /#period=2026Q3&jurisdiction=32$/, 'the query is kept in the address');

    // The land-use chart: one bar per land use, labelled with its code and name, valued with its area.
    const bars = page.locator('#chart-land-use svg g.bar');
    t.equal(await bars.count(), report.byLandUse.length, 'one bar per land use');
    t.same(
      await page.locator('#chart-land-use svg g.bar text.label').allTextContents(),
      report.byLandUse.map((f) => `${f.code} ${f.name}`),
      'each bar labelled with its land use',
    );
    t.same(
      await page.locator('#chart-land-use svg g.bar text.value').allTextContents(),
      report.byLandUse.map((f) => f.areaHa),
      'each bar shows its area as the JSON',
    );
    t.same(
      await page.locator('#chart-supply-method svg g.bar text.label').allTextContents(),
      report.bySupplyMethod.map((f) => f.name),
      'one bar per supply method',
    );
    // Another measure: the same bars with the parcel counts.
    await page.getByLabel('图表指标 Charts show').selectOption('parcels');
    t.same(
      await page.locator('#chart-land-use svg g.bar text.value').allTextContents(),
      report.byLandUse.map((f) => String(f.parcels)),
      'the counts by land use',
    );
    await page.getByLabel('图表指标 Charts show').selectOption('areaHa');

    // Places as tables, unit prices, pace and problems: the JSON's values.
    t.same(
      await page.locator('#table-city tbody tr th').allTextContents(),
      report.byCity.map((f) => f.code),
      'one row per city',
    );
    t.same(
      await page.locator('#table-division tbody tr td:nth-child(4)').allTextContents(),
      report.byDivision.map((f) => f.areaHa),
      'the area of every division',
    );
    t.equal(
      await page.locator('#unit-weightedMeanFenPerM2 .value').textContent(),
      report.totals.unitPrice.weightedMeanFenPerM2,
      'the weighted mean unit price',
    );
    t.equal(
      await page.locator('#unit-medianFenPerM2 .value').textContent(),
      report.totals.unitPrice.medianFenPerM2,
      'the median unit price',
    );
    t.same(
      await page.locator('#chart-pace svg g.bar text.value').allTextContents(),
      [
        report.totals.parcels,
        report.totals.pace.delivered,
        report.totals.pace.started,
        report.totals.pace.completed,
      ].map(String),
      'pace: granted, delivered, started, completed',
    );
    t.equal(report.totals.pace.delivered, 1, 'P-RP-1 delivered in Q3');
    for (const [key, value] of Object.entries(report.totals.problems)) {
      t.equal(await page.locator(`#problem-${key}`).textContent(), String(value), `problems: ${key}`);
    }

    // The CSV: fetched with the token, saved from a blob.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV Download CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    t.match(csv, /面积\(公顷\)/, 'the CSV has its Chinese headers');
    t.match(csv, report.totals.areaHa, 'and the total area');
    t.equal(download.suggestedFilename(), 'supply-2026Q3-32.csv', 'saved under the name the server gives');

    // The XLSX: the same way (a zip: PK).
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 XLSX Download XLSX' }).click(),
    ]);
    t.equal(xlsx.suggestedFilename(), 'supply-2026Q3-32.xlsx');
    t.equal((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1'), 'PK', 'an XLSX (zip) file');

    const screenshot = join(tmpdir(), `report-page-2026Q3-${Date.now()}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    t.comment(`screenshot: ${screenshot}`);

    // An unknown period: the 400 problem with its detail and the field it names.
    await loadReport(page, '2026Q5', '32');
    const message = page.locator('#message');
    await message.waitFor({ state: 'visible' });
    await until(async () => (await page.locator('#message .problem-field').count()) > 0);
    const shown = (await message.textContent()) ?? '';
    t.match(shown, /400/, `the status is shown: ${shown}`);
    t.match(shown, /VALIDATION_FAILED/, 'the code is shown');
    t.same(
      await page.locator('#message .problem-field').allTextContents(),
      ['querystring.period'],
      'the field: period',
    );
    t.ok(await page.locator('#report').isHidden(), 'no report');

    // A jurisdiction outside the token's: the 403 with its detail.
    await loadReport(page, '2026Q3', '41');
    await until(async () => /403/.test((await message.textContent()) ?? ''));
    t.match(await message.textContent(), /JURISDICTION/, 'the 403 code is shown');

    // A token the service did not sign: the 401 as a readable message.
    await page.getByRole('button', { name: '退出 Sign out' }).click();
    const forged = await signToken(
      { sub: 'x', name: '伪造', role: 'MINISTRY', jurisdiction: 'CN' },
      'not-the-service-secret-0123456789abcdef',
      '8h',
      new Date(at('2026-11-01')),
    );
    await pasteToken(page, forged);
    await until(async () => /401/.test((await message.textContent()) ?? ''));
    t.match(await message.textContent(), /令牌无效或已过期/, 'the 401 says the token is not accepted');

    t.same(external, [], 'nothing is fetched from another origin');
    t.same(consoleErrors, [], 'no script error');
  });
}
