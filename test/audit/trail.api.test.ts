/**
 * GET /decisions/{id}/trail and GET /people/{id}/decisions (issue 9): oversight roles within
 * their jurisdiction, every read recorded, the trail folded from the stream with the event each
 * item came from, and a person's decisions with their roles and opinions.
 */
import t from 'tap';
import type { z } from 'zod';
import type { DecisionTrail, personDecisionsView } from '../../src/audit/trail-views.js';
import { DECISION_COMMANDS } from '../../src/domain/decision/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { readAllCommitted } from '../helpers/events.js';
import { grantParcel } from '../api/fixtures/parcel.js';
import { concludeAndDisclose, DECISION, decideUpToReservePrice, PARCEL } from './trail-scenario.js';

type Json = Record<string, unknown>;
type People = z.output<typeof personDecisionsView>;

const get = async (h: TestApp, url: string, role: Parameters<TestApp['token']>[0], jurisdiction = '3201') =>
  h.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${await h.token(role, { jurisdiction })}` },
  });

const accessEvents = async (h: TestApp) =>
  (await readAllCommitted(h.db.store, { streamPrefix: 'access-', limit: 100 })).events.filter(
    (e) => e.type === 'AuditRecordAccessed',
  );

t.test('the trail: who may read it, what it shows, every read recorded', async (t) => {
  const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00', { readSide: true });
  const position = await decideUpToReservePrice(h, 130_000_000_000);
  const trailUrl = `/decisions/${DECISION}/trail?minPosition=${encodeURIComponent(position)}`;

  const henan = await get(h, trailUrl, 'AUDITOR', '41');
  t.equal(henan.statusCode, 403, henan.body);
  t.equal(henan.json<Json>()['code'], 'JURISDICTION_FORBIDDEN');
  const grantor = await get(h, trailUrl, 'GRANTOR_ADMIN');
  t.equal(grantor.statusCode, 403);
  t.equal(grantor.json<Json>()['code'], 'ROLE_NOT_ALLOWED');
  const unknown = await get(h, '/decisions/D-NOWHERE/trail', 'AUDITOR', '32');
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json<Json>()['code'], 'DECISION_NOT_FOUND');

  const before = (await accessEvents(h)).length;
  const jiangsu = await get(h, trailUrl, 'AUDITOR', '32');
  t.equal(jiangsu.statusCode, 200, jiangsu.body);
  const after = await accessEvents(h);
  t.equal(after.length, before + 1, 'the read appended one AuditRecordAccessed');
  t.match(after.at(-1)?.data, {
    resource: 'decision-trail',
    target: DECISION,
    targetJurisdiction: 'CN-JS-3201',
    outcome: 'GRANTED',
    status: 200,
  });
  t.ok(
    after.some((e) => e.data['outcome'] === 'REFUSED' && e.data['status'] === 403 && e.data['target'] === DECISION),
    'refusals are recorded too',
  );
  for (const role of ['PROVINCE_REVIEWER', 'MINISTRY'] as const) {
    const res = await get(h, trailUrl, role, role === 'MINISTRY' ? 'CN' : '32');
    t.equal(res.statusCode, 200, `${role}: ${res.body}`);
  }

  const trail = jiangsu.json<DecisionTrail>();
  const stream = await h.db.store.readStream(`decision-${DECISION}`);
  const idOf = (type: string) => stream.find((e) => e.type === type)?.id;
  t.match(trail, {
    decisionId: DECISION,
    jurisdiction: 'CN-JS-3201',
    status: 'PLAN_APPROVED',
    revision: stream.length - 1,
    meeting: {
      heldAt: DECISION_COMMANDS.HoldMeeting.example.heldAt,
      minutesNo: DECISION_COMMANDS.HoldMeeting.example.minutesNo,
      agenda: DECISION_COMMANDS.HoldMeeting.example.agenda,
      attachments: DECISION_COMMANDS.HoldMeeting.example.attachments,
      eventId: idOf('CollectiveDecisionMeetingHeld'),
      revision: 0,
    },
  });
  t.equal(trail.participants.length, 5);
  t.match(trail.participants[4], {
    participantId: 'DISCIPLINE_INSPECTION:陈书记',
    departmentName: '纪委监委',
    role: '监督',
    opinions: [{ stance: 'CONDITIONAL', eventId: idOf('OpinionRecorded'), revision: 1 }],
  });
  const plan = trail.approvedPlans[0];
  t.match(plan, {
    supplyPlanId: DECISION_COMMANDS.ApproveSupplyPlan.example.supplyPlanId,
    approver: DECISION_COMMANDS.ApproveSupplyPlan.example.approver,
    content: { planningConditions: DECISION_COMMANDS.ApproveSupplyPlan.example.planningConditions },
    eventId: idOf('SupplyPlanApproved'),
  });
  const guards = plan?.guards ?? [];
  t.ok(guards.length >= 10, 'the guards of the approval are listed');
  t.ok(
    guards.every((g) => g.passed && g.rule !== '' && g.detail !== ''),
    JSON.stringify(guards),
  );
  t.same(
    ['APPROVED_AT_BEFORE_MEETING', 'NET_LAND_INCOMPLETE', 'RESIDENTIAL_FAR_TOO_LOW', 'VILLA_PROHIBITED'].filter(
      (code) => !guards.some((g) => g.code === code),
    ),
    [],
  );
  const reserve = trail.parcels[0]?.reservePrice;
  t.same(Object.keys(reserve ?? {}).sort(), [
    'biddingStartsAt',
    'commitment',
    'decidedAt',
    'decidedBy',
    'eventId',
    'guards',
    'policyVersion',
    'proposal',
    'recordedBy',
    'revision',
    'status',
    'timing',
  ]);
  t.match(reserve, {
    status: 'SEALED',
    commitment: /^[0-9a-f]{64}$/,
    decidedAt: DECISION_COMMANDS.DecideReservePrice.example.decidedAt,
    decidedBy: [{ person: '刘副市长' }, { person: '孙局长' }, { person: '周局长' }],
    proposal: { appraisalReportId: '苏(2026)估字第0158号', eFilingNo: '3201026BA0158' },
    eventId: idOf('ReservePriceDecided'),
  });
  t.ok(
    (reserve?.guards ?? []).every((g) => g.passed),
    JSON.stringify(reserve?.guards),
  );
  t.match(trail.parcels[0]?.startingPrice, { startingPriceFen: 120_000_000_000 });
  t.ok(trail.actors.some((a) => a.id === 'reserve_price_group-1' && a.role === 'RESERVE_PRICE_GROUP'));
  const documents = trail.documents.map((d) => `${d.kind}:${d.documentNo}`);
  for (const expected of [
    'MINUTES:宁政土决〔2026〕12号',
    'METADATA:苏估备〔2026〕0158号',
    'PLANNING_CONDITIONS:宁规划条件〔2026〕0158号',
    'E_FILING:3201026BA0158',
  ])
    t.ok(documents.includes(expected), expected);
  t.same(trail.grantedParcels, []);

  // After the deal, the disclosure and the grant: the value, verified, and the parcel granted under it.
  await concludeAndDisclose(h);
  await grantParcel(h);
  const last = (await readAllCommitted(h.db.store, { limit: 10_000 })).next ?? '';
  const later = await get(h, `/decisions/${DECISION}/trail?minPosition=${encodeURIComponent(last)}`, 'AUDITOR', '32');
  t.equal(later.statusCode, 200, later.body);
  const disclosed = later.json<DecisionTrail>();
  t.match(disclosed.parcels[0], {
    reservePrice: { status: 'DISCLOSED', valueFen: 130_000_000_000, reserveMet: true, commitmentVerified: true },
    deal: { dealPriceFen: 138_000_000_000 },
  });
  t.match(disclosed.grantedParcels, [{ parcelId: PARCEL, status: 'GRANTED', flags: {}, creditEntries: [] }]);
});

t.test("a person's decisions", async (t) => {
  const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00', { readSide: true });
  const position = await decideUpToReservePrice(h, 130_000_000_000);
  const people = (person: string) =>
    `/people/${encodeURIComponent(person)}/decisions?minPosition=${encodeURIComponent(position)}`;

  const chen = await get(h, people('陈书记'), 'AUDITOR', '32');
  t.equal(chen.statusCode, 200, chen.body);
  t.match(chen.json<People>(), {
    personId: '陈书记',
    truncated: false,
    items: [
      {
        decisionId: DECISION,
        roles: ['MEETING_PARTICIPANT', 'OPINION_GIVER'],
        meetingRoles: ['监督'],
        opinions: [{ stance: 'CONDITIONAL', text: DECISION_COMMANDS.RecordOpinion.example.text }],
      },
    ],
  });
  const byId = await get(h, people('DISCIPLINE_INSPECTION:陈书记'), 'AUDITOR', '3201');
  t.equal(byId.json<People>().items.length, 1);

  const liu = await get(h, people('刘副市长'), 'MINISTRY', 'CN');
  t.same(liu.json<People>().items[0]?.roles, ['MEETING_PARTICIPANT', 'APPROVER', 'RESERVE_PRICE_GROUP_MEMBER']);
  const approverId = await get(h, people('u-gov-3201-02'), 'AUDITOR', '32');
  t.same(approverId.json<People>().items[0]?.roles, ['APPROVER']);
  const actor = await get(h, people('reserve_price_group-1'), 'AUDITOR', '32');
  t.match(actor.json<People>().items[0], {
    roles: ['ACTOR'],
    involvements: [{ as: 'ACTOR', detail: 'ReservePriceDecided' }],
  });

  const henan = await get(h, people('陈书记'), 'AUDITOR', '41');
  t.equal(henan.statusCode, 200);
  t.same(henan.json<People>().items, [], 'a Henan token lists no Nanjing decision');
  const nobody = await get(h, people('nobody'), 'AUDITOR', '32');
  t.same(nobody.json<People>().items, []);
  const grantor = await get(h, people('陈书记'), 'GRANTOR_ADMIN');
  t.equal(grantor.statusCode, 403);

  const recorded = (await accessEvents(h)).filter((e) => e.data['resource'] === 'person-decisions');
  t.equal(recorded.length, 8, 'every read recorded, the refusal too');
});
