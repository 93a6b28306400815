/**
 * Linkage project areas over HTTP on real PostgreSQL (issue 10, DOMAIN.md §9, T35, T36, L1–L4, §12):
 * an area in Jiangsu (the ministry's text) and one in Sichuan (S2-SC) walked from the overall
 * approval through progress, a modification and the acceptance, with roles, jurisdictions and the
 * refusals of each rule; then read back from the read model with what is due next, and the missed
 * T35/T36 deadlines the timers record (`breaches`, the list's `breached` filter).
 */
import t from 'tap';
import { calendarBookOf } from '../../src/calendar/book.js';
import { createLinkageDecider, LINKAGE_COMMANDS, linkageStream } from '../../src/domain/linkage/index.js';
import { handleCommand } from '../../src/eventstore/command-handler.js';
import { buildTestApp, eventCount, type TestApp } from '../helpers/app.js';

type Role = Parameters<TestApp['token']>[0];
type As = { role: Role; jurisdiction: string; sub?: string };

const plot = (plotId: string, flags: Record<string, boolean> = {}) => ({ plotId, areaHa: '3.0000', ...flags });

const send = (h: TestApp, id: string, command: string, body: unknown, as: As) =>
  h.command(`/linkage-areas/${id}/${command}`, body, {
    role: as.role,
    jurisdiction: as.jurisdiction,
    sub: as.sub ?? `${as.role}-${as.jurisdiction}`,
  });

const get = async (h: TestApp, url: string, as: As) => {
  const token = await h.token(as.role, { jurisdiction: as.jurisdiction });
  return h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
};

const MINISTRY: As = { role: 'MINISTRY', jurisdiction: 'CN' };

/** What the timer poller does when a T35/T36 timer fires (src/sagas/linkage/fire.ts), at `now`. */
const deadlineMissed = (
  h: TestApp,
  id: string,
  now: string,
  data: { timerId: string; rule: string; subject: string | null; dueDate: string },
) =>
  handleCommand({
    store: h.db.store,
    stream: linkageStream(id),
    decider: createLinkageDecider({ calendars: calendarBookOf(h.db.store) }),
    command: {
      type: 'RecordLinkageDeadlineMissed',
      data,
      context: { now: new Date(now).toISOString(), actor: { id: 'system:timers', role: 'SYSTEM' } },
    },
    envelope: { correlationId: data.timerId },
    idempotencyKey: data.timerId,
    clock: () => new Date(now),
  });

const { linkageId: _exampleId, ...approveExample } = LINKAGE_COMMANDS.ApproveLinkageOverall.example;
const approve = (jurisdiction: string) => ({
  ...approveExample,
  jurisdiction,
  approvedOn: '2026-01-10',
});
const basicInfo = {
  ...LINKAGE_COMMANDS.FileLinkageBasicInfo.example,
  demolitionPlots: [plot('CJ-1'), plot('CJ-2')],
  constructionPlots: [plot('JX-1'), plot('JX-2', { built: true, changeSurveyConfirmed: true })],
};
const progress = (month: string) => ({ ...LINKAGE_COMMANDS.FileLinkageProgress.example, month });
const adjustment = (trigger: string) => ({
  ...LINKAGE_COMMANDS.ApproveImplementationPlanAdjustment.example,
  trigger,
  approvedOn: '2026-03-05',
});
const modification = (change: { movedIn?: object; movedOut?: object } = {}) => ({
  movedIn: { demolition: [plot('CJ-3')], construction: [], ...change.movedIn },
  movedOut: { demolition: [plot('CJ-1')], construction: [], ...change.movedOut },
  note: '以 CJ-3 替换 CJ-1',
});

type AreaView = {
  status: string;
  variant: string;
  turnoverQuotaHa: string;
  modificationStep: string | null;
  nextDue: { rule: string; month?: string; dueDate?: string; overdue: boolean }[];
  plots: { demolition: { plotId: string }[]; demolitionAreaHa: string; constructionAreaHa: string };
  progress: { months: { month: string }[]; missingMonths: string[] };
  acceptance: { dueDate: string; late: boolean | null; certificateWithheld: boolean | null } | null;
  refiledCount: number;
  breaches: { rule: string; subject: string | null; dueDate: string; overdueOn: string; eventId?: string }[];
};

t.test('§9 MLR variant over HTTP (Jiangsu): filing, T35, §9.3 with the province modifying, L1, T36 late', async (t) => {
  const h = await buildTestApp(t, '2026-03-20T09:00:00+08:00', { readSide: true });
  const id = 'LK-3201-1';
  const province: As = { role: 'PROVINCE_REVIEWER', jurisdiction: '32' };
  const city: As = { role: 'GRANTOR_ADMIN', jurisdiction: '3201' };

  const created = await send(h, id, 'approve-linkage-overall', approve('CN-JS-3201'), province);
  t.equal(created.statusCode, 201, created.body);
  t.equal(created.json<{ streamId: string }>().streamId, `linkage-${id}`);
  const foreign = await send(h, 'LK-X', 'approve-linkage-overall', approve('CN-JS-3201'), {
    role: 'PROVINCE_REVIEWER',
    jurisdiction: '51',
  });
  t.equal(foreign.statusCode, 403, "another province's reviewer");
  t.equal(foreign.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');

  const before = await eventCount(h);
  const otherCity = await send(h, id, 'file-linkage-basic-info', basicInfo, {
    role: 'GRANTOR_ADMIN',
    jurisdiction: '3202',
  });
  t.equal(otherCity.statusCode, 403, 'a city acts only on its own areas');
  const patrol = await send(h, id, 'file-linkage-basic-info', basicInfo, { role: 'PATROL_POST', jurisdiction: '3201' });
  t.equal(patrol.json<{ code: string }>().code, 'ROLE_NOT_ALLOWED', '§12: filing is the city/county department’s');
  t.equal(await eventCount(h), before, 'nothing appended');

  t.equal((await send(h, id, 'file-linkage-basic-info', basicInfo, city)).statusCode, 200);
  t.equal((await send(h, id, 'file-linkage-progress', progress('2026-01'), city)).statusCode, 200);
  const dup = await send(h, id, 'file-linkage-progress', progress('2026-01'), city);
  t.equal(dup.statusCode, 409, 'T35: a month once');
  t.match(dup.json(), { code: 'PROGRESS_MONTH_ALREADY_FILED', rule: 'T35', errors: [{ field: 'body.month' }] });

  const badTrigger = await send(
    h,
    id,
    'approve-implementation-plan-adjustment',
    adjustment('LEADER_PREFERENCE'),
    province,
  );
  t.equal(badTrigger.statusCode, 422);
  t.match(badTrigger.json(), {
    code: 'ADJUSTMENT_TRIGGER_NOT_ALLOWED',
    rule: '§9.3',
    errors: [{ field: 'body.trigger' }],
  });
  t.equal(
    (await send(h, id, 'approve-implementation-plan-adjustment', adjustment('PLAN_ADJUSTMENT'), province)).statusCode,
    200,
  );
  const early = await send(h, id, 'modify-record', modification(), province);
  t.match(early.json(), { code: 'RETURN_NOT_REQUESTED', rule: '§9.3' }, 'out of order');
  t.equal(early.statusCode, 409);
  t.equal(
    (await send(h, id, 'request-record-return', { documentNo: '苏自然资函〔2026〕5号' }, province)).statusCode,
    200,
  );
  const notMinistry = await send(h, id, 'return-record', { note: '退回' }, province);
  t.equal(notMinistry.statusCode, 403, 'only the ministry returns a record');
  t.equal((await send(h, id, 'return-record', { note: '退回' }, MINISTRY)).statusCode, 200);

  const byCity = await send(h, id, 'modify-record', modification(), city);
  t.equal(byCity.statusCode, 422, 'MLR: the province modifies');
  t.match(byCity.json(), { code: 'ROLE_NOT_ALLOWED', rule: 'Q7' });
  const l1 = await send(
    h,
    id,
    'modify-record',
    modification({ movedIn: { construction: [plot('JX-9', { openViolation: true })] } }),
    province,
  );
  t.equal(l1.statusCode, 422);
  t.match(l1.json(), {
    code: 'PLOT_NOT_ELIGIBLE',
    rule: 'L1',
    errors: [{ rule: 'L1', field: 'movedIn.construction.0.openViolation' }],
  });
  const l2l4 = await send(
    h,
    id,
    'modify-record',
    modification({
      movedOut: {
        construction: [plot('JX-2', { built: true, changeSurveyConfirmed: true })],
        demolition: [plot('CJ-2', { usedForBalance: true, usedToReturnQuota: true })],
      },
    }),
    province,
  );
  t.same(
    l2l4.json<{ errors: { rule: string }[] }>().errors.map((e) => e.rule),
    ['L2', 'L4'],
    'L2 and L4 both named',
  );
  t.equal((await send(h, id, 'modify-record', modification(), province)).statusCode, 200);
  const review = await send(h, id, 'review-record-modification', { outcome: 'APPROVED', opinion: '同意' }, province);
  t.match(review.json(), { code: 'REVIEW_NOT_IN_VARIANT' }, 'no review step in the MLR text');
  t.equal((await send(h, id, 'refile-record', { filedOn: '2026-03-18' }, province)).statusCode, 200);

  const accepted = await send(
    h,
    id,
    'record-linkage-acceptance',
    { acceptedOn: '2026-03-02', documentNo: '验1' },
    province,
  );
  t.equal(accepted.statusCode, 200);
  const position = encodeURIComponent(accepted.json<{ position: string }>().position);
  const res = await get(h, `/linkage-areas/${id}?minPosition=${position}`, city);
  t.equal(res.statusCode, 200, res.body);
  t.equal(res.headers.etag, `"${accepted.json<{ revision: number }>().revision}"`);
  const view = res.json<AreaView>();
  t.match(view, {
    status: 'ACCEPTED',
    variant: 'MLR',
    turnoverQuotaHa: '12.5000',
    modificationStep: null,
    refiledCount: 1,
    plots: { demolitionAreaHa: '6.0000', constructionAreaHa: '6.0000' },
    acceptance: { dueDate: '2026-03-16', late: null },
  });
  t.same(
    view.plots.demolition.map((p) => p.plotId),
    ['CJ-2', 'CJ-3'],
  );
  t.same(view.nextDue, [{ rule: 'T36', dueDate: '2026-03-16', overdue: true }], 'T36 due, and past it');

  const filed = await send(
    h,
    id,
    'file-linkage-acceptance',
    { ...LINKAGE_COMMANDS.FileLinkageAcceptance.example, filedOn: '2026-03-17' },
    city,
  );
  t.equal(filed.statusCode, 200, 'late is recorded, not refused');
  const after = await get(
    h,
    `/linkage-areas/${id}?minPosition=${encodeURIComponent(filed.json<{ position: string }>().position)}`,
    city,
  );
  t.match(after.json(), {
    status: 'ACCEPTANCE_FILED',
    acceptance: { late: true, certificateWithheld: false },
    nextDue: [],
  });
});

t.test(
  '§9 Sichuan variant over HTTP: the city/county modifies, the province reviews; T35 months due; the list',
  async (t) => {
    const h = await buildTestApp(t, '2026-03-20T09:00:00+08:00', { readSide: true });
    const id = 'LK-5101-1';
    const province: As = { role: 'PROVINCE_REVIEWER', jurisdiction: '51' };
    const city: As = { role: 'GRANTOR_ADMIN', jurisdiction: '5101' };
    t.equal((await send(h, id, 'approve-linkage-overall', approve('CN-SC-5101'), province)).statusCode, 201);
    t.equal((await send(h, id, 'file-linkage-basic-info', basicInfo, city)).statusCode, 200);
    t.equal((await send(h, id, 'file-linkage-progress', progress('2026-02'), city)).statusCode, 200);
    t.equal(
      (await send(h, id, 'approve-implementation-plan-adjustment', adjustment('FARMERS_WISHES_CHANGED'), province))
        .statusCode,
      200,
    );
    t.equal(
      (await send(h, id, 'request-record-return', { documentNo: '川自然资函〔2026〕41号' }, province)).statusCode,
      200,
    );
    t.equal((await send(h, id, 'return-record', { note: '退回' }, MINISTRY)).statusCode, 200);
    t.match(
      (await send(h, id, 'modify-record', modification(), province)).json(),
      { code: 'ROLE_NOT_ALLOWED' },
      'Sichuan: not the province',
    );
    const l3 = await send(
      h,
      id,
      'modify-record',
      modification({ movedIn: { demolition: [plot('CJ-4', { usedForBalance: true })] } }),
      city,
    );
    t.match(l3.json(), {
      code: 'PLOT_NOT_ELIGIBLE',
      rule: 'L3',
      errors: [{ field: 'movedIn.demolition.0.usedForBalance' }],
    });
    const l4 = await send(
      h,
      id,
      'modify-record',
      modification({ movedOut: { demolition: [plot('CJ-1', { usedForBalance: true, usedToReturnQuota: true })] } }),
      city,
    );
    t.equal(l4.statusCode, 200, 'L4 is the ministry’s text only');
    const unreviewed = await send(h, id, 'refile-record', { filedOn: '2026-03-19' }, city);
    t.match(unreviewed.json(), { code: 'MODIFICATION_NOT_REVIEWED' });
    t.equal(unreviewed.statusCode, 409);
    const reviewed = await send(
      h,
      id,
      'review-record-modification',
      { outcome: 'APPROVED', opinion: '同意' },
      province,
    );
    t.equal(reviewed.statusCode, 200);
    const midway = await get(
      h,
      `/linkage-areas/${id}?minPosition=${encodeURIComponent(reviewed.json<{ position: string }>().position)}`,
      province,
    );
    t.match(midway.json(), { variant: 'SICHUAN', modificationStep: 'REVIEWED' });
    const refiled = await send(h, id, 'refile-record', { filedOn: '2026-03-19' }, city);
    t.equal(refiled.statusCode, 200);

    const position = encodeURIComponent(refiled.json<{ position: string }>().position);
    const view = (await get(h, `/linkage-areas/${id}?minPosition=${position}`, city)).json<AreaView>();
    t.match(view, { status: 'BASIC_INFO_FILED', modificationStep: null, refiledCount: 1 });
    t.same(view.progress.missingMonths, ['2026-01'], 'T35: January never filed');
    t.same(view.nextDue, [{ rule: 'T35', month: '2026-01', overdue: true }]);
    const onFeb = (await get(h, `/linkage-areas/${id}?on=2026-02-15`, city)).json<AreaView>();
    t.same(onFeb.progress.missingMonths, ['2026-01']);

    // A Jiangsu area beside it, for the list's scoping.
    await send(h, 'LK-3201-9', 'approve-linkage-overall', approve('CN-JS-3201'), {
      role: 'PROVINCE_REVIEWER',
      jurisdiction: '32',
    });
    const last = await send(h, 'LK-3201-9', 'file-linkage-basic-info', basicInfo, {
      role: 'GRANTOR_ADMIN',
      jurisdiction: '3201',
    });
    const pos = encodeURIComponent(last.json<{ position: string }>().position);
    const all = await get(h, `/linkage-areas?minPosition=${pos}`, MINISTRY);
    t.same(
      all.json<{ items: { linkageId: string }[] }>().items.map((i) => i.linkageId),
      ['LK-3201-9', 'LK-5101-1'],
    );
    const sichuan = await get(h, '/linkage-areas?jurisdiction=51', MINISTRY);
    t.match(sichuan.json(), {
      items: [{ linkageId: id, variant: 'SICHUAN', turnoverQuotaHa: '12.5000', lastProgressMonth: '2026-02' }],
    });
    t.equal(sichuan.json<{ items: unknown[] }>().items.length, 1);
    const jiangsu = await get(h, '/linkage-areas', { role: 'PROVINCE_REVIEWER', jurisdiction: '32' });
    t.same(
      jiangsu.json<{ items: { linkageId: string }[] }>().items.map((i) => i.linkageId),
      ['LK-3201-9'],
      'a province sees its own areas',
    );
    t.equal((await get(h, `/linkage-areas/${id}`, { role: 'GRANTOR_ADMIN', jurisdiction: '3201' })).statusCode, 404);
    t.equal(
      (await get(h, '/linkage-areas?jurisdiction=51', { role: 'GRANTOR_ADMIN', jurisdiction: '3201' })).statusCode,
      403,
    );
    t.equal((await get(h, '/linkage-areas', { role: 'LAND_USER', jurisdiction: '3201' })).statusCode, 403);
  },
);

t.test('T35, T36 missed: the breaches the timers record show on the area and filter the list', async (t) => {
  const h = await buildTestApp(t, '2026-02-20T09:00:00+08:00', { readSide: true });
  const id = 'LK-5101-7';
  const province: As = { role: 'PROVINCE_REVIEWER', jurisdiction: '51' };
  const city: As = { role: 'GRANTOR_ADMIN', jurisdiction: '5101' };
  t.equal((await send(h, id, 'approve-linkage-overall', approve('CN-SC-5101'), province)).statusCode, 201);
  t.equal((await send(h, id, 'file-linkage-basic-info', basicInfo, city)).statusCode, 200);
  // An area beside it that misses nothing.
  t.equal((await send(h, 'LK-5101-8', 'approve-linkage-overall', approve('CN-SC-5101'), province)).statusCode, 201);
  const clean = await send(h, 'LK-5101-8', 'file-linkage-basic-info', basicInfo, city);
  const cleanPosition = encodeURIComponent(clean.json<{ position: string }>().position);
  const none = (await get(h, `/linkage-areas/${id}?minPosition=${cleanPosition}`, city)).json<AreaView>();
  t.same(none.breaches, [], 'no breach before a timer fires');

  // T35: January's progress (approved on 10 January) was due by 31 January; the timer fires.
  const now = '2026-02-20T09:00:00+08:00';
  const early = deadlineMissed(h, id, now, {
    timerId: 'tm-t35-feb',
    rule: 'T35',
    subject: '2026-02',
    dueDate: '2026-02-28',
  });
  await t.rejects(early, { code: 'DEADLINE_NOT_PASSED' }, 'February is not due yet');
  const t35 = await deadlineMissed(h, id, now, {
    timerId: 'tm-t35-jan',
    rule: 'T35',
    subject: '2026-01',
    dueDate: '2026-01-31',
  });
  t.match(t35.events, [{ type: 'LinkageProgressOverdue' }]);
  const t35Id = t35.events[0]?.id;
  const afterT35 = (
    await get(h, `/linkage-areas/${id}?minPosition=${encodeURIComponent(t35.position ?? '')}`, city)
  ).json<AreaView>();
  t.same(afterT35.breaches, [
    { rule: 'T35', subject: '2026-01', dueDate: '2026-01-31', overdueOn: '2026-02-20', eventId: t35Id },
  ]);

  // T36: accepted on 2 March, the filing due 16 March (10 working days), not filed; fired on the 17th.
  h.setNow('2026-03-02T09:00:00+08:00');
  const accepted = await send(
    h,
    id,
    'record-linkage-acceptance',
    { acceptedOn: '2026-03-02', documentNo: '验7' },
    province,
  );
  t.equal(accepted.statusCode, 200, accepted.body);
  h.setNow('2026-03-17T09:00:00+08:00');
  const t36 = await deadlineMissed(h, id, '2026-03-17T09:00:00+08:00', {
    timerId: 'tm-t36',
    rule: 'T36',
    subject: null,
    dueDate: '2026-03-16',
  });
  t.match(t36.events, [{ type: 'LinkageAcceptanceFilingOverdue' }]);
  const position = encodeURIComponent(t36.position ?? '');
  const res = await get(h, `/linkage-areas/${id}?minPosition=${position}`, city);
  t.equal(res.statusCode, 200, res.body);
  t.equal(res.headers.etag, `"${t36.nextRevision}"`);
  t.same(res.json<AreaView>().breaches, [
    { rule: 'T35', subject: '2026-01', dueDate: '2026-01-31', overdueOn: '2026-02-20', eventId: t35Id },
    { rule: 'T36', subject: null, dueDate: '2026-03-16', overdueOn: '2026-03-17', eventId: t36.events[0]?.id },
  ]);

  const list = await get(h, `/linkage-areas?jurisdiction=51&minPosition=${position}`, province);
  t.match(list.json(), {
    items: [
      {
        linkageId: id,
        breaches: [
          { rule: 'T35', subject: '2026-01' },
          { rule: 'T36', subject: null },
        ],
      },
      { linkageId: 'LK-5101-8', breaches: [] },
    ],
  });
  const ids = async (query: string) =>
    (await get(h, `/linkage-areas?${query}`, province))
      .json<{ items: { linkageId: string }[] }>()
      .items.map((i) => i.linkageId);
  t.same(await ids('breached=true'), [id], 'breached=true: the areas with a missed deadline');
  t.same(await ids('breached=false'), ['LK-5101-8'], 'breached=false: those without');
  t.equal((await get(h, '/linkage-areas?breached=yes', province)).statusCode, 400);
});
