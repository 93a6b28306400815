/**
 * Report obligations over HTTP (DOMAIN.md §13): `POST /report-obligations/{obligationId}/submit-report`
 * — a province's report by PROVINCE_REVIEWER, a city's by GRANTOR_ADMIN, within the jurisdiction;
 * late flagged, a second submission refused — and `GET /report-obligations?status=` from the read model.
 */
import t from 'tap';
import { VirtualClock } from '../../src/sagas/clock.js';
import { openObligation } from '../../src/sagas/reporting/opener.js';
import { buildTestApp, eventCount, type TestApp } from '../helpers/app.js';

const NOW = '2026-10-01T09:00:00+08:00';
const submitUrl = (id: string) => `/report-obligations/${id}/submit-report`;
const body = (submittedOn: string) => ({ submittedOn, documentNo: '苏自然资函〔2026〕88号', summary: '前三季度分析' });

const open = async (h: TestApp) => {
  const clock = new VirtualClock(new Date(NOW));
  for (const [type, jurisdiction, period] of [
    ['S1', 'CN-JS', '2026Q3'],
    ['S1', 'CN-JS-3201', '2026Q3'],
    ['T33', 'CN-JS-3201', '2026'],
    ['S3', 'CN-SC', '2026Q3'],
  ] as const)
    await openObligation(h.db.store, { type, jurisdiction, period }, clock);
};

const list = async (h: TestApp, query: string, role: Parameters<TestApp['token']>[0], jurisdiction: string) => {
  const res = await h.app.inject({
    method: 'GET',
    url: `/report-obligations?${query}`,
    headers: { authorization: `Bearer ${await h.token(role, { jurisdiction })}` },
  });
  return res;
};
const ids = (res: { json<T>(): T }) =>
  res.json<{ items: { obligationId: string }[] }>().items.map((i) => i.obligationId);

t.test('role and jurisdiction refusals append nothing', async (t) => {
  const h = await buildTestApp(t, NOW);
  await open(h);
  const before = await eventCount(h);
  const refusals = [
    ['S1-CN-JS-2026Q3', 'GRANTOR_ADMIN', '32', 'ROLE_NOT_ALLOWED', 'a province’s report is the province’s'],
    ['S1-CN-JS-3201-2026Q3', 'PROVINCE_REVIEWER', '32', 'ROLE_NOT_ALLOWED', 'a city’s report is the city’s'],
    ['S1-CN-JS-2026Q3', 'PROVINCE_REVIEWER', '51', 'JURISDICTION_FORBIDDEN', 'another province'],
    ['S1-CN-JS-3201-2026Q3', 'GRANTOR_ADMIN', '3202', 'JURISDICTION_FORBIDDEN', 'another city'],
    ['S1-CN-JS-3201-2026Q3', 'PATROL_POST', '3201', 'ROLE_NOT_ALLOWED', 'not a role that reports'],
  ] as const;
  for (const [id, role, jurisdiction, code, why] of refusals) {
    const res = await h.command(submitUrl(id), body('2026-10-01'), { role, jurisdiction });
    t.equal(res.statusCode, 403, `${why}: ${res.body.slice(0, 200)}`);
    t.equal(res.json<{ code: string }>().code, code, why);
  }
  const missing = await h.command(submitUrl('S1-CN-JS-2026Q2'), body('2026-10-01'), {
    role: 'PROVINCE_REVIEWER',
    jurisdiction: '32',
  });
  t.equal(missing.statusCode, 404, 'an obligation not opened');
  t.equal(missing.json<{ code: string }>().code, 'REPORT_OBLIGATION_NOT_FOUND');
  t.equal(await eventCount(h), before, 'nothing appended');
});

t.test('S1 submitted in time, a city’s late one flagged, twice refused; the list by status', async (t) => {
  const h = await buildTestApp(t, NOW, { readSide: true });
  await open(h);
  const province = { role: 'PROVINCE_REVIEWER', jurisdiction: '32' } as const;
  const onTime = await h.command(submitUrl('S1-CN-JS-2026Q3'), body('2026-10-01'), province);
  t.equal(onTime.statusCode, 200, onTime.body.slice(0, 300));
  t.match(onTime.json(), { streamId: 'report-S1-CN-JS-2026Q3', events: [{ type: 'ReportSubmitted' }] });
  const twice = await h.command(submitUrl('S1-CN-JS-2026Q3'), body('2026-10-01'), province);
  t.equal(twice.statusCode, 409);
  t.equal(twice.json<{ code: string }>().code, 'REPORT_ALREADY_SUBMITTED');

  h.setNow('2026-10-12T10:00:00+08:00');
  const late = await h.command(submitUrl('S1-CN-JS-3201-2026Q3'), body('2026-10-12'), {
    role: 'GRANTOR_ADMIN',
    jurisdiction: '3201',
  });
  t.equal(late.statusCode, 200, late.body.slice(0, 300));
  const position = encodeURIComponent(late.json<{ position: string }>().position);

  const submitted = await list(h, `status=submitted&minPosition=${position}`, 'PROVINCE_REVIEWER', '32');
  t.equal(submitted.statusCode, 200, submitted.body.slice(0, 300));
  t.same(ids(submitted), ['S1-CN-JS-2026Q3', 'S1-CN-JS-3201-2026Q3']);
  t.match(submitted.json<{ items: unknown[] }>().items[1], {
    status: 'submitted',
    dueDate: '2026-10-10',
    submission: { late: true, daysLate: 2 },
  });
  t.same(ids(await list(h, 'status=overdue', 'PROVINCE_REVIEWER', '32')), ['T33-CN-JS-3201-2026'], 'past 31 March');
  t.same(ids(await list(h, 'status=due', 'PROVINCE_REVIEWER', '32')), [], 'nothing else due in Jiangsu');
  t.same(ids(await list(h, 'status=due', 'MINISTRY', 'CN')), ['S3-CN-SC-2026Q3'], 'Sichuan’s S3, due 15 October');
  t.same(ids(await list(h, 'status=overdue&on=2026-10-16', 'MINISTRY', 'CN')), [
    'T33-CN-JS-3201-2026',
    'S3-CN-SC-2026Q3',
  ]);
  t.same(ids(await list(h, 'jurisdiction=3201', 'PATROL_POST', '3201')), [
    'T33-CN-JS-3201-2026',
    'S1-CN-JS-3201-2026Q3',
  ]);
  t.equal((await list(h, 'jurisdiction=51', 'PROVINCE_REVIEWER', '32')).statusCode, 403);
  t.equal((await list(h, '', 'LAND_USER', '3201')).statusCode, 403);
});
