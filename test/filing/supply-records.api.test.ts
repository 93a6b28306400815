/**
 * The supply filing over HTTP on real PostgreSQL (issue 10, DOMAIN.md §8, §12): a parcel's
 * Attachment-3 record with its V1–V14 verdict, the two-person filing (preparer ≠ reviewer; a
 * failing record refused with every failure named), and the filing list of a period as JSON, CSV
 * and XLSX, the exports parsed back and compared with the JSON.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import t from 'tap';
import { PARCEL_COMMANDS } from '../../src/domain/parcel/index.js';
import { approveDecision, at, DECISION, grantParcel } from '../api/fixtures/parcel.js';
import { buildTestApp, eventCount, type TestApp } from '../helpers/app.js';

const PARCELS = ['P-3201-2026-0101', 'P-3201-2026-0102', 'P-3201-2026-0103'] as const;
const USER = '南京守信置业有限公司';
type Role = Parameters<TestApp['token']>[0];
type As = { role?: Role; sub?: string; jurisdiction?: string; name?: string };

const get = async (h: TestApp, url: string, as: As = {}) => {
  const token = await h.token(as.role ?? 'PROVINCE_REVIEWER', {
    jurisdiction: as.jurisdiction ?? (as.role === undefined ? '32' : '3201'),
    ...(as.sub === undefined ? {} : { sub: as.sub }),
  });
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
};

const draft = (industryCode = 'K7210') => ({
  ...PARCEL_COMMANDS.PrepareSupplyRecord.example,
  preparedOn: '2026-07-10',
  landUserName: USER,
  project: { ...PARCEL_COMMANDS.PrepareSupplyRecord.example.project, approvalDate: '2026-06-20', industryCode },
  land: { ...PARCEL_COMMANDS.PrepareSupplyRecord.example.land, coordinates: [{ x: '3532101.1', y: '40512345.6' }] },
});

const PATROL: As & { role: Role } = { role: 'PATROL_POST', sub: 'patrol-liu', name: '刘填表' };
const GRANTOR: As & { role: Role } = { role: 'GRANTOR_ADMIN', sub: 'grantor-chen', name: '陈审核' };

const prepare = (h: TestApp, parcelId: string, body: unknown, as: As = PATROL) =>
  h.command(`/parcels/${parcelId}/prepare-supply-record`, body, as);
const file = (h: TestApp, parcelId: string, as: As = GRANTOR, name = USER) =>
  h.command(
    `/parcels/${parcelId}/file-supply-record`,
    { filedOn: '2026-07-12', filingRef: `BA-${parcelId}`, landUserNameOnSourceDocument: name },
    as,
  );

type RecordView = {
  status: string;
  dueDate: string | null;
  failures: { rule: string; field: string }[];
  fileable: boolean;
  preparer: { id: string; name: string } | null;
  reviewer: { id: string; name: string } | null;
  record: { areas: { total: string }; land: { coordinates: unknown[] }; signOff: unknown } | null;
  coordinatesWithheld: number;
};

t.test('§8/§12: prepare, check, file by a second person; the filing list in three formats', async (t) => {
  const h = await buildTestApp(t, undefined, { readSide: true });
  await approveDecision(h, DECISION, [...PARCELS]);
  for (const parcelId of PARCELS) await grantParcel(h, parcelId);
  h.setNow(at('2026-07-12'));
  const [p1, p2, p3] = PARCELS;
  const first = await get(h, `/parcels/${p1}/supply-record`, PATROL);
  t.equal(first.statusCode, 200, first.body);
  t.match(first.json(), { status: 'NOT_PREPARED', record: null, fileable: false });
  t.match(first.json<RecordView>().dueDate, /^2026-07-\d\d$/, 'T03: the due date of the filing');

  t.equal((await prepare(h, p1, draft())).statusCode, 200);
  const prepared = (await get(h, `/parcels/${p1}/supply-record`, PATROL)).json<RecordView>();
  t.match(prepared, {
    status: 'PREPARED',
    failures: [],
    fileable: true,
    preparer: { id: 'patrol-liu', name: '刘填表' },
  });
  t.equal(prepared.record?.areas.total, '12.3456', 'the area comes from the contract');
  t.same(prepared.record?.land.coordinates, [], 'S1 §二: corner coordinates are not sent');
  t.equal(prepared.coordinatesWithheld, 1);

  await t.test('V11: a draft with a code outside the catalogue is kept and shown failing', async (t) => {
    t.equal((await prepare(h, p2, draft('Z99'))).statusCode, 200);
    const view = (await get(h, `/parcels/${p2}/supply-record`, PATROL)).json<RecordView>();
    t.same(
      view.failures.map((f) => [f.rule, f.field]),
      [['V11', 'project.industryCode']],
    );
    t.equal(view.fileable, false);
    const before = await eventCount(h);
    const refused = await file(h, p2);
    t.equal(refused.statusCode, 422, refused.body);
    t.match(refused.json(), {
      code: 'SUPPLY_RECORD_INVALID',
      rule: 'V11',
      errors: [{ field: 'record.project.industryCode', rule: 'V11' }],
    });
    t.equal(await eventCount(h), before, 'a refused filing appends nothing');
    t.equal((await prepare(h, p2, draft())).statusCode, 200, 'corrected');
  });

  await t.test('§12 maker-checker: the preparer cannot file their own record', async (t) => {
    t.equal((await prepare(h, p3, draft(), GRANTOR)).statusCode, 200);
    const own = await file(h, p3, GRANTOR);
    t.equal(own.statusCode, 422, own.body);
    t.equal(own.json<{ code: string }>().code, 'SUPPLY_RECORD_SAME_PERSON');
    t.equal((await file(h, p3, { role: 'GRANTOR_ADMIN', sub: 'grantor-wang', name: '王科长' })).statusCode, 200);
  });

  await t.test('V12: the reviewer reads another name off the contract: refused', async (t) => {
    const wrong = await file(h, p1, GRANTOR, '南京另一置业有限公司');
    t.equal(wrong.statusCode, 422);
    t.match(wrong.json(), { errors: [{ rule: 'V12', field: 'record.project.landUser' }] });
  });

  const filed = await file(h, p1, GRANTOR);
  t.equal(filed.statusCode, 200, filed.body);
  const filed2 = await file(h, p2, GRANTOR);
  t.equal(filed2.statusCode, 200);
  const position = filed2.json<{ position: string }>().position;
  const done = (await get(h, `/parcels/${p1}/supply-record`)).json<RecordView>();
  t.match(done, {
    status: 'FILED',
    preparer: { id: 'patrol-liu', name: '刘填表' },
    reviewer: { id: 'grantor-chen', name: '陈审核' },
    record: { signOff: { preparer: '刘填表', reviewer: '陈审核' } },
  });

  const list = await get(h, `/supply-records?from=2026-07-01&to=2026-07-31&minPosition=${position}&limit=2`);
  t.equal(list.statusCode, 200, list.body);
  type Item = { parcelId: string; row: Record<string, string | number | null>; record: unknown };
  type List = { items: Item[]; nextCursor: string | null; columns: { key: string; header: string }[] };
  const page1 = list.json<List>();
  t.equal(page1.items.length, 2);
  t.ok(page1.nextCursor);
  const page2 = (
    await get(h, `/supply-records?from=2026-07-01&to=2026-07-31&limit=2&cursor=${page1.nextCursor}`)
  ).json<List>();
  const items = [...page1.items, ...page2.items];
  t.same(items.map((i) => i.parcelId).sort(), [...PARCELS].sort(), 'every filing of the period, once');
  const { columns } = page1;
  t.same(
    columns.slice(4, 8).map((c) => c.header),
    ['编号', '项目名称', '批准文号', '批准时间'],
    'the form’s own headers',
  );
  const row1 = items.find((i) => i.parcelId === p1)?.row ?? {};
  t.equal(row1['investorNature'], '4 内资企业 / 有限责任公司', 'code tables written out');
  t.equal(row1['landUse'], '07 住宅用地（3 其他普通商品住房用地）');
  t.equal(row1['talPaymentMode'], '分期支付');
  t.equal(row1['coordinates'], '1 个拐点（涉密，不导出）');
  t.notOk(JSON.stringify(list.json()).includes('3532101.1'), 'no coordinate in the list');

  const text = (v: string | number | null) => (v === null ? '' : String(v));
  const expected = items.map((i) => columns.map((c) => text(i.row[c.key] ?? null)));
  const byParcel = (rows: string[][]) => [...rows].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

  const csv = await get(h, '/supply-records?from=2026-07-01&to=2026-07-31&format=csv');
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /^text\/csv/);
  t.match(csv.headers['content-disposition'], /attachment; filename="supply-records_32_2026-07-01_2026-07-31\.csv"/);
  const parsed: string[][] = parse(csv.rawPayload, { bom: true });
  t.same(
    parsed[0],
    columns.map((c) => c.header),
  );
  t.same(byParcel(parsed.slice(1)), byParcel(expected), 'CSV rows = JSON rows');
  t.notOk(csv.body.includes('3532101.1'));

  const xlsx = await get(h, '/supply-records?from=2026-07-01&to=2026-07-31&format=xlsx');
  t.equal(xlsx.statusCode, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('国有建设用地供应情况备案表');
  const sheetRows: string[][] = [];
  sheet?.eachRow((row) => {
    sheetRows.push(columns.map((_, i) => text((row.getCell(i + 1).value as string | number | null) ?? null)));
  });
  t.same(
    sheetRows[0],
    columns.map((c) => c.header),
  );
  t.same(byParcel(sheetRows.slice(1)), byParcel(expected), 'XLSX rows = JSON rows');

  await t.test('who sees what (§12)', async (t) => {
    const user = await get(h, `/parcels/${p1}/supply-record`, { role: 'LAND_USER', sub: 'LU-NJ-001' });
    t.equal(user.statusCode, 403);
    t.equal(user.json<{ code: string }>().code, 'ROLE_NOT_ALLOWED');
    t.equal((await get(h, '/supply-records', { role: 'LAND_USER', sub: 'LU-NJ-001' })).statusCode, 403);
    t.equal((await get(h, `/parcels/${p1}/supply-record`, { role: 'AUDITOR', jurisdiction: '41' })).statusCode, 404);
    const henan = await get(h, '/supply-records', { role: 'PROVINCE_REVIEWER', jurisdiction: '41' });
    t.same(henan.json<List>().items, [], 'another province sees none of them');
    const asked = await get(h, '/supply-records?jurisdiction=3201', { role: 'PROVINCE_REVIEWER', jurisdiction: '41' });
    t.equal(asked.statusCode, 403);
    t.equal(asked.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
  });

  await t.test('bad queries name the field and rule', async (t) => {
    const reversed = await get(h, '/supply-records?from=2026-08-01&to=2026-07-01');
    t.equal(reversed.statusCode, 400);
    t.match(reversed.json(), { errors: [{ field: 'query.from', rule: 'from<=to' }] });
    const pdf = await get(h, '/supply-records?format=pdf');
    t.equal(pdf.statusCode, 400);
    t.match(pdf.json(), { errors: [{ field: 'querystring.format' }] });
  });
});
