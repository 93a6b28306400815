/**
 * The parcel's command families through HTTP: each family's accepted path, and a rejection of
 * each class — input (400, naming the field), state (409), rule (422), not found (404), role and
 * jurisdiction and ownership (403) — none of which appends anything.
 */
import t, { type Test } from 'tap';
import { buildTestApp, eventCount, type TestApp } from '../helpers/app.js';
import { allocation, approveDecision, at, contract, grantParcel, OWNER, PARCEL } from './fixtures/parcel.js';

const url = (command: string, parcelId = PARCEL) => `/parcels/${parcelId}/${command}`;

type Expect = { status: number; code?: string; field?: string };

/** Sends a command and checks the answer; a refused one must leave the log as it was. */
const send = async (
  t: Test,
  h: TestApp,
  date: string,
  command: string,
  body: unknown,
  expect: Expect,
  options: Parameters<TestApp['command']>[2] = {},
) => {
  h.setNow(at(date));
  const before = await eventCount(h);
  const res = await h.command(url(command), body, options);
  const problem = res.json<{ code?: string; errors?: { field: string }[] }>();
  t.equal(res.statusCode, expect.status, `${command} → ${res.statusCode} ${problem.code ?? ''}`);
  if (expect.code !== undefined) t.equal(problem.code, expect.code, `${command}: code`);
  if (expect.field !== undefined) t.equal(problem.errors?.[0]?.field, expect.field, `${command}: field`);
  if (res.statusCode >= 400) t.equal(await eventCount(h), before, `${command}: refused, nothing appended`);
  return res;
};

t.test('grant: the decision must cover the parcel; terms are validated', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await send(
    t,
    h,
    '2026-07-01',
    'confirm-deal',
    { jurisdiction: 'CN-JS-3201', winnerId: OWNER, confirmedOn: '2026-07-01' },
    { status: 201 },
  );
  await send(t, h, '2026-07-08', 'sign-transfer-contract', contract({ deliveryDate: '2026-02-30' }), {
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'body.deliveryDate',
  });
  await send(t, h, '2026-07-08', 'sign-transfer-contract', contract({ greenRatio: '30%' }), {
    status: 400,
    field: 'body.greenRatio',
  });
  await send(t, h, '2026-07-08', 'sign-transfer-contract', contract({ decisionId: 'D-NOWHERE' }), {
    status: 422,
    code: 'DECISION_NOT_FOUND',
    field: 'body.decisionId',
  });
  await send(t, h, '2026-07-08', 'sign-transfer-contract', contract({ signedOn: '2026-07-30' }), {
    status: 400,
    code: 'DATE_IN_FUTURE',
  });
  await send(t, h, '2026-07-30', 'sign-transfer-contract', contract({ signedOn: '2026-07-30' }), {
    status: 422,
    code: 'SIGNING_DEADLINE_PASSED',
  });
  await send(t, h, '2026-07-08', 'sign-transfer-contract', contract(), { status: 200 });
  await send(
    t,
    h,
    '2026-07-08',
    'confirm-deal',
    { jurisdiction: 'CN-JS-3201', winnerId: OWNER, confirmedOn: '2026-07-01' },
    {
      status: 409,
      code: 'INVALID_STATE',
    },
  );
  // A parcel the decision's plan does not list cannot cite it.
  const other = await h.command(url('issue-allocation-decision', 'P-OTHER'), allocation({ issuedOn: '2026-07-08' }));
  t.equal(other.json<{ code: string }>().code, 'DECISION_DOES_NOT_COVER_PARCEL');
});

t.test('payment, records and delivery', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await grantParcel(h);
  await send(
    t,
    h,
    '2026-07-10',
    'extract-tracking-card',
    { extractedOn: '2026-07-10', trackingCardNo: 'GZK-3201-2026-015' },
    { status: 200 },
    { role: 'PATROL_POST' },
  );
  await send(
    t,
    h,
    '2026-07-10',
    'assign-patrol-task',
    { assignedOn: '2026-07-10', officeId: 'NJ-XW-01', inspectorIds: ['insp-1'] },
    { status: 200 },
    { role: 'PATROL_POST' },
  );
  await send(
    t,
    h,
    '2026-07-31',
    'record-payment',
    { paymentId: 'PAY-1', instalmentNo: 1, amountFen: 200_000_000, paidOn: '2026-07-31' },
    { status: 422, code: 'OVERPAYMENT' },
  );
  await send(
    t,
    h,
    '2026-07-31',
    'record-payment',
    { paymentId: 'PAY-1', instalmentNo: 1, amountFen: 115_500_000, paidOn: '2026-07-31' },
    { status: 200 },
  );
  await send(
    t,
    h,
    '2026-08-03',
    'record-payment-info',
    { paymentId: 'PAY-404', recordedOn: '2026-08-03' },
    { status: 404, code: 'PAYMENT_NOT_FOUND' },
    { role: 'PATROL_POST' },
  );
  await send(
    t,
    h,
    '2026-08-03',
    'record-payment-info',
    { paymentId: 'PAY-1', recordedOn: '2026-08-03', voucherRefs: ['PZ-1'] },
    { status: 200 },
    { role: 'PATROL_POST' },
  );
  await send(
    t,
    h,
    '2026-08-01',
    'confirm-land-delivery',
    { deliveredOn: '2026-08-01', confirmationNo: 'JD-3201-015' },
    { status: 200 },
  );
  await send(
    t,
    h,
    '2026-08-01',
    'record-payment',
    { paymentId: 'PAY-2', instalmentNo: 2, amountFen: 115_500_000, paidOn: '2026-08-01' },
    { status: 403, code: 'ROLE_NOT_ALLOWED' },
    { role: 'LAND_USER', sub: OWNER },
  );
});

t.test('construction and extension: the land user acts on its own parcel only', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await grantParcel(h);
  await send(
    t,
    h,
    '2026-08-01',
    'confirm-land-delivery',
    { deliveredOn: '2026-08-01', confirmationNo: 'JD-3201-015' },
    { status: 200 },
  );
  await send(
    t,
    h,
    '2026-09-01',
    'verify-start',
    { verifiedOn: '2026-09-01', outcome: 'VERIFIED' },
    { status: 409, code: 'START_NOT_DECLARED' },
    { role: 'FIELD_INSPECTOR' },
  );
  const declaration = {
    declarationNo: 'DG-015',
    declaredOn: '2026-12-20',
    startedOn: '2026-12-18',
    constructionPermitNo: 'SG-3201-2026-77',
  };
  await send(
    t,
    h,
    '2026-12-20',
    'declare-start',
    declaration,
    { status: 403, code: 'NOT_OWNER' },
    { role: 'LAND_USER', sub: 'LU-SOMEONE-ELSE' },
  );
  await send(t, h, '2026-12-20', 'declare-start', declaration, { status: 200 }, { role: 'LAND_USER', sub: OWNER });
  await send(
    t,
    h,
    '2026-12-22',
    'verify-start',
    { verifiedOn: '2026-12-22', outcome: 'VERIFIED' },
    { status: 200 },
    { role: 'FIELD_INSPECTOR' },
  );
  // T17: a completion extension applied for too late is refused, one in time is accepted.
  const extension = { requestId: 'EXT-1', kind: 'COMPLETION', requestedDate: '2029-12-31', reason: '拆迁安置延误' };
  await send(
    t,
    h,
    '2029-06-01',
    'request-extension',
    { ...extension, requestedOn: '2029-06-01' },
    { status: 422, code: 'EXTENSION_REQUEST_TOO_LATE' },
    { role: 'LAND_USER', sub: OWNER },
  );
  await send(
    t,
    h,
    '2029-06-01',
    'request-extension',
    { ...extension, requestedOn: '2029-04-01' },
    { status: 200 },
    { role: 'LAND_USER', sub: OWNER },
  );
  await send(
    t,
    h,
    '2029-06-05',
    'decide-extension',
    { requestId: 'EXT-1', decision: 'APPROVE', decidedOn: '2029-06-05', approvalRef: '宁规资延〔2029〕3号' },
    { status: 200 },
  );
  await send(
    t,
    h,
    '2029-06-05',
    'decide-extension',
    { requestId: 'EXT-1', decision: 'APPROVE', decidedOn: '2029-06-05', approvalRef: 'x' },
    { status: 404 },
  );
});

t.test('idle land: opened only past the threshold, confirmed only after the materials period', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await grantParcel(h);
  // Delivered on the contract date: no government-side delay shifts the idle clock (§5.2(1)).
  await send(
    t,
    h,
    '2026-08-01',
    'confirm-land-delivery',
    { deliveredOn: '2026-08-01', confirmationNo: 'JD-3201-015' },
    { status: 200 },
  );
  const open = { caseId: 'IDLE-1', type: 'A', suspectedOn: '2027-06-01' };
  await send(
    t,
    h,
    '2027-06-01',
    'open-idle-case',
    open,
    { status: 422, code: 'IDLE_THRESHOLD_NOT_REACHED' },
    { role: 'ENFORCEMENT' },
  );
  await send(
    t,
    h,
    '2028-02-01',
    'open-idle-case',
    { ...open, suspectedOn: '2028-02-01' },
    { status: 200 },
    { role: 'ENFORCEMENT' },
  );
  await send(
    t,
    h,
    '2028-02-10',
    'serve-idle-investigation-notice',
    { noticeNo: 'XZ-TZ-001', servedOn: '2028-02-10' },
    { status: 200 },
    { role: 'ENFORCEMENT' },
  );
  await send(
    t,
    h,
    '2028-02-20',
    'confirm-idle-land',
    { confirmedOn: '2028-02-20', confirmationNo: 'XZ-RD-001' },
    { status: 422, code: 'MATERIALS_PERIOD_OPEN' },
    { role: 'ENFORCEMENT' },
  );
  await send(
    t,
    h,
    '2028-03-01',
    'submit-idle-materials',
    { submittedOn: '2028-03-01', summary: '说明材料' },
    { status: 200 },
    { role: 'LAND_USER', sub: OWNER },
  );
  await send(
    t,
    h,
    '2028-03-10',
    'confirm-idle-land',
    { confirmedOn: '2028-03-10', confirmationNo: 'XZ-RD-001' },
    { status: 200 },
    { role: 'ENFORCEMENT' },
  );
});

t.test('jurisdiction: another city is refused, the province and the ministry are not', async (t) => {
  const h = await buildTestApp(t);
  await approveDecision(h);
  await grantParcel(h);
  const inspection = (id: string) => ({
    inspectionId: id,
    inspectedOn: '2026-07-20',
    kind: 'PERIODIC',
    inspectorId: 'insp-1',
  });
  await send(
    t,
    h,
    '2026-07-20',
    'record-site-inspection',
    inspection('I-1'),
    { status: 403, code: 'JURISDICTION_FORBIDDEN' },
    { role: 'FIELD_INSPECTOR', jurisdiction: '3202' },
  );
  await send(
    t,
    h,
    '2026-07-20',
    'record-site-inspection',
    inspection('I-1'),
    { status: 403, code: 'JURISDICTION_FORBIDDEN' },
    { role: 'FIELD_INSPECTOR', jurisdiction: '320115' },
  );
  await send(
    t,
    h,
    '2026-07-20',
    'record-site-inspection',
    inspection('I-1'),
    { status: 200 },
    { role: 'FIELD_INSPECTOR', jurisdiction: '32' },
  );
  await send(
    t,
    h,
    '2026-07-20',
    'record-site-inspection',
    inspection('I-2'),
    { status: 200 },
    { role: 'FIELD_INSPECTOR', jurisdiction: 'CN' },
  );
  // A new parcel is judged by the jurisdiction its first command names.
  h.setNow(at('2026-07-01'));
  const elsewhere = await h.command(url('confirm-deal', 'P-WX-1'), {
    jurisdiction: 'CN-JS-3202',
    winnerId: OWNER,
    confirmedOn: '2026-07-01',
  });
  t.equal(elsewhere.statusCode, 403);
});
