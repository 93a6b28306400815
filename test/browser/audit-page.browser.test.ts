/**
 * The audit page end to end in a real browser: the service on a real port (PostgreSQL, read side
 * in-process), a Nanjing parcel and its collective decision played through the API, then an
 * auditor signs in on /audit/ with a pasted token and reads the timeline, filters it, looks at the
 * parcel as of a past day, checks the chain verdict, downloads the audit bundle and opens the
 * decision trail. A Henan auditor gets the 403 as a readable message.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import t from 'tap';
import { createDigester } from '../../src/audit/digest/digester.js';
import { DECISION_COMMANDS } from '../../src/domain/decision/index.js';
import { contract, DECISION, OWNER, PARCEL, at } from '../api/fixtures/parcel.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { chromiumMissing, launchChromium } from './chromium.js';
import { checkServed, signIn, until, watchedPage } from './page-helpers.js';

const DEAL_DOCUMENT = '宁土成交〔2026〕041号';
const ADMIN = { role: 'GRANTOR_ADMIN', name: '王科长', sub: 'officer-1' } as const;
const PATROL = { role: 'PATROL_POST', name: '李巡查', sub: 'patrol-1' } as const;

const ok = async (
  h: TestApp,
  date: string | null,
  path: string,
  body: unknown,
  options: Parameters<TestApp['command']>[2],
) => {
  if (date !== null) h.setNow(date);
  const res = await h.command(path, body, options);
  if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
};

/** The decision (meeting, an opinion, the plan, the sealed reserve price) and the parcel's first weeks. */
const playLifecycle = async (h: TestApp): Promise<void> => {
  const d = (command: string) => `/decisions/${DECISION}/${command}`;
  const p = (command: string) => `/parcels/${PARCEL}/${command}`;
  const approver = { role: 'GOV_APPROVER', name: '刘副市长', sub: 'u-gov-3201-02' } as const;
  await ok(h, '2026-06-30T10:00:00+08:00', d('hold-meeting'), DECISION_COMMANDS.HoldMeeting.example, approver);
  await ok(h, null, d('record-opinion'), DECISION_COMMANDS.RecordOpinion.example, approver);
  await ok(h, null, d('submit-reserve-price-proposal'), DECISION_COMMANDS.SubmitReservePriceProposal.example, ADMIN);
  await ok(h, null, d('approve-supply-plan'), DECISION_COMMANDS.ApproveSupplyPlan.example, approver);
  const { sealed: _s, commitment: _c, ...decide } = DECISION_COMMANDS.DecideReservePrice.example;
  await ok(
    h,
    null,
    d('decide-reserve-price'),
    { ...decide, reservePriceFen: DECISION_COMMANDS.DiscloseReservePrice.example.valueFen },
    { role: 'RESERVE_PRICE_GROUP', name: '底价小组', sub: 'rp-1' },
  );

  await ok(
    h,
    at('2026-07-01'),
    p('confirm-deal'),
    { jurisdiction: 'CN-JS-3201', winnerId: OWNER, confirmedOn: '2026-07-01', documentNo: DEAL_DOCUMENT },
    ADMIN,
  );
  await ok(h, at('2026-07-08'), p('sign-transfer-contract'), contract(), ADMIN);
  await ok(
    h,
    at('2026-07-10'),
    p('extract-tracking-card'),
    { extractedOn: '2026-07-10', trackingCardNo: 'GZK-3201-2026-015' },
    PATROL,
  );
  await ok(
    h,
    at('2026-07-31'),
    p('record-payment'),
    { paymentId: 'PAY-1', instalmentNo: 1, amountFen: 115_500_000, paidOn: '2026-07-31' },
    ADMIN,
  );
  await ok(
    h,
    at('2026-08-01'),
    p('confirm-land-delivery'),
    { deliveredOn: '2026-08-01', confirmationNo: 'JD-3201-015', reason: '按合同约定交地' },
    ADMIN,
  );
  await ok(
    h,
    at('2026-08-03'),
    p('record-payment-info'),
    { paymentId: 'PAY-1', recordedOn: '2026-08-03', voucherRefs: ['PZ-1'] },
    PATROL,
  );
  h.setNow(at('2026-08-05'));
};

const cellTexts = async (page: Page, column: string): Promise<string[]> =>
  page.locator(`#timeline tbody tr td.${column}`).allTextContents();

const openSubject = async (page: Page, kind: string, id: string): Promise<void> => {
  await page.locator('#lookup-kind').selectOption(kind);
  await page.locator('#lookup-id').fill(id);
  await page.getByRole('button', { name: '打开 Open' }).click();
};

const missing = chromiumMissing();
if (missing !== null) {
  t.plan(0, `skipped: ${missing}`);
} else {
  t.test('an auditor reads a parcel and its decision on /audit/', async (t) => {
    const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00', { readSide: true });
    await playLifecycle(h);
    // A log digest over the log so far, as the service's digester records one every interval.
    const digest = await createDigester({ store: h.db.store, clock: () => new Date(at('2026-08-05')) }).recordNow();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const expected = await h.db.store.readStream(`parcel-${PARCEL}`);

    const docs = await fetch(`${base}/docs/json`);
    const openapi = (await docs.json()) as { paths: Record<string, unknown> };
    t.notOk(
      Object.keys(openapi.paths).some((path) => path.startsWith('/audit')),
      'the page is not in the OpenAPI document',
    );
    await checkServed(t, base, '/audit');

    const browser = await launchChromium();
    t.teardown(() => browser.close());
    const { page, external, consoleErrors } = await watchedPage(browser, base);

    const auditor = await h.token('AUDITOR', { jurisdiction: '32', name: '赵审计', sub: 'auditor-js-1', ttl: '8h' });
    await signIn(t, page, base, '/audit', auditor);
    t.equal(await page.locator('#who-name').textContent(), '赵审计', 'the name from the token');
    t.equal(await page.locator('#who-role').textContent(), 'AUDITOR');
    t.equal(await page.locator('#who-jurisdiction').textContent(), '32');

    // The timeline: every event of the stream, in order, with its actor and document.
    await openSubject(page, 'parcel', PARCEL);
    const rows = page.locator('#timeline tbody tr');
    await rows.nth(expected.length - 1).waitFor();
    t.same(
      (await cellTexts(page, 'rev')).map(Number),
      expected.map((e) => e.revision),
      'revisions in order',
    );
    t.same(
      await cellTexts(page, 'type'),
      expected.map((e) => e.type),
      'event types in order',
    );
    const row = (type: string) => expected.findIndex((e) => e.type === type);
    const actors = await cellTexts(page, 'actor');
    t.match(actors[row('DealConfirmed')], /王科长\s*GRANTOR_ADMIN/, 'the deal by the bureau official');
    t.match(actors[row('TrackingCardExtracted')], /李巡查\s*PATROL_POST/, 'the tracking card by the patrol post');
    const documents = await cellTexts(page, 'document');
    t.equal(documents[row('DealConfirmed')], DEAL_DOCUMENT, 'the envelope document of the deal');
    t.equal(documents[row('TransferContractSigned')], contract().documentNo, 'the contract number');
    const reasons = await cellTexts(page, 'reason');
    t.equal(reasons[row('LandDeliveryConfirmed')], '按合同约定交地', 'the reason sent with delivery');
    t.equal(reasons[row('DealConfirmed')], '—', 'none sent with the deal');

    // Pages: a deep link (the token stays in the tab) with 4 events a page, then "load more".
    await page.goto(`${base}/audit/?limit=4#parcel/${PARCEL}`);
    await rows.nth(3).waitFor();
    t.equal(await rows.count(), 4, 'the first page');
    await page.getByRole('button', { name: '加载更多 Load more' }).click();
    await rows.nth(expected.length - 1).waitFor();
    t.same(
      (await cellTexts(page, 'rev')).map(Number),
      expected.map((e) => e.revision),
      'the next page continues where the first ended',
    );
    t.ok(await page.locator('#load-more').isHidden(), 'nothing more to load');
    await page.goto(`${base}/audit/#parcel/${PARCEL}`);
    await rows.nth(expected.length - 1).waitFor();

    // The verdict, prominently.
    const verdict = page.locator('#verdict');
    t.match(await verdict.getAttribute('class'), /\bok\b/, 'the chain verdict is ok');
    t.match(await verdict.textContent(), /Hash chain ok/);
    if (digest.recorded) {
      await until(async () => ((await page.locator('#digest').textContent()) ?? '').includes(digest.digest.root));
      t.pass('the latest log digest is shown with its root');
    }

    // Filter by one type: only its rows.
    await page.getByLabel('事件类型 Event type').selectOption('PaymentReceived');
    await until(async () => (await cellTexts(page, 'type')).every((type) => type === 'PaymentReceived'));
    t.same(await cellTexts(page, 'type'), ['PaymentReceived'], 'the filter keeps the one payment');
    await page.getByLabel('事件类型 Event type').selectOption('');
    await rows.nth(expected.length - 1).waitFor();

    // As of 2026-07-05: the deal, not yet the contract.
    await page.getByLabel('截至日期 As of').fill('2026-07-05');
    await page.locator('#asof-status').waitFor();
    t.equal(await page.locator('#asof-status').textContent(), 'DEAL_CONCLUDED', 'the status of then');
    t.same(
      await page.locator('#asof-deadlines td.rule').allTextContents(),
      ['T01'],
      'the open deadline then: sign the contract',
    );
    const later = await page.locator('#timeline tbody tr.after-asof td.rev').allTextContents();
    t.same(
      later.map(Number),
      expected.slice(1).map((e) => e.revision),
      'every entry after 2026-07-05 is marked',
    );

    // The audit bundle: fetched with the token, saved from a blob; its first line is the manifest.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载审计包 Download audit bundle' }).click(),
    ]);
    const saved = await download.path();
    const firstLine = (await readFile(saved, 'utf8')).split('\n')[0] ?? '';
    t.match(
      JSON.parse(firstLine),
      { manifest: { stream: `parcel-${PARCEL}`, events: expected.length, lastHash: String } },
      `the bundle starts with its manifest: ${firstLine.slice(0, 120)}`,
    );
    t.match(download.suggestedFilename(), PARCEL, 'saved under the name the server gives');
    const parcelShot = join(tmpdir(), `audit-page-parcel-${Date.now()}.png`);
    await page.screenshot({ path: parcelShot, fullPage: true });
    t.comment(`screenshot: ${parcelShot}`);

    // The decision trail: participants with the recorded opinion, the sealed reserve price.
    await openSubject(page, 'decision', DECISION);
    await page.locator('#trail').waitFor({ state: 'visible' });
    const participants = await page.locator('#trail-participants tbody tr').allTextContents();
    t.equal(participants.length, DECISION_COMMANDS.HoldMeeting.example.participants.length, 'every participant');
    t.ok(
      participants.some((p) => p.includes('陈书记') && p.includes('CONDITIONAL')),
      'the discipline secretary with the opinion',
    );
    const price = await page.locator('#trail-prices tbody tr').allTextContents();
    t.equal(price.length, 1, 'one parcel in the price trail');
    t.match(price[0], PARCEL);
    t.match(price[0], /SEALED/, 'the reserve price is sealed');
    t.notMatch(price[0], /1,300,000,000/, 'and its value appears nowhere');
    const screenshot = join(tmpdir(), `audit-page-decision-${Date.now()}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    t.comment(`screenshot: ${screenshot}`);

    // A person: from the trail to every decision the discipline secretary took part in.
    await page.locator('#trail-participants').getByRole('button', { name: '陈书记' }).click();
    await page.locator('#person').waitFor({ state: 'visible' });
    const taken = await page.locator('#person-decisions tbody tr').allTextContents();
    t.equal(taken.length, 1, 'one decision');
    t.match(taken[0], DECISION);
    t.match(taken[0], /CONDITIONAL/, 'with the opinion');

    t.same(external, [], 'nothing is fetched from another origin');
    t.same(consoleErrors, [], 'no script error');

    // Another province's auditor: the 403 problem as a readable message with its code.
    const henan = await browser.newContext();
    const other = await henan.newPage();
    await signIn(
      t,
      other,
      base,
      '/audit',
      await h.token('AUDITOR', { jurisdiction: '41', name: '河南审计', ttl: '8h' }),
    );
    await openSubject(other, 'parcel', PARCEL);
    const message = other.locator('#message');
    await message.waitFor({ state: 'visible' });
    const shown = (await message.textContent()) ?? '';
    t.match(shown, /403/, `the status is shown: ${shown}`);
    t.match(shown, /JURISDICTION_FORBIDDEN/, 'the code is shown');
    t.ok(await other.locator('#subject').isHidden(), 'no timeline');
    await henan.close();
  });
}
