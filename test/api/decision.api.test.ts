/**
 * A collective decision through HTTP, in the order the examples tell it: meeting, opinion,
 * proposal, plan, reserve price (sealed by the service), starting price, deal, disclosure.
 * The reserve price appears in no response and no event until it is disclosed after the deal.
 */
import t from 'tap';
import type { Role } from '../../src/api/auth/roles.js';
import { DECISION_COMMANDS } from '../../src/domain/decision/index.js';
import { buildTestApp, eventCount } from '../helpers/app.js';

const D = 'D-3201-2026-012';
const url = (command: string) => `/decisions/${D}/${command}`;
const reserve = DECISION_COMMANDS.DiscloseReservePrice.example.valueFen;
const disclosure = {
  parcelId: DECISION_COMMANDS.DiscloseReservePrice.example.parcelId,
  disclosedAt: DECISION_COMMANDS.DiscloseReservePrice.example.disclosedAt,
};
const plainPrice = new RegExp(String(reserve));

const steps: [string, Role, unknown][] = [
  ['hold-meeting', 'GOV_APPROVER', DECISION_COMMANDS.HoldMeeting.example],
  ['record-opinion', 'GOV_APPROVER', DECISION_COMMANDS.RecordOpinion.example],
  ['submit-reserve-price-proposal', 'GRANTOR_ADMIN', DECISION_COMMANDS.SubmitReservePriceProposal.example],
  ['approve-supply-plan', 'GOV_APPROVER', DECISION_COMMANDS.ApproveSupplyPlan.example],
];

t.test('a decision from meeting to disclosure', async (t) => {
  const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00');
  for (const [command, role, body] of steps) {
    const res = await h.command(url(command), body, { role });
    t.equal(res.statusCode, command === 'hold-meeting' ? 201 : 200, `${command}: ${res.body}`);
  }
  const { sealed: _s, commitment: _c, ...decide } = DECISION_COMMANDS.DecideReservePrice.example;
  const decided = await h.command(
    url('decide-reserve-price'),
    { ...decide, reservePriceFen: reserve },
    { role: 'RESERVE_PRICE_GROUP' },
  );
  t.equal(decided.statusCode, 200, decided.body);
  t.notMatch(decided.body, plainPrice, 'the answer does not echo the price');
  const stored = await h.db.store.readStream(`decision-${D}`);
  t.notMatch(JSON.stringify(stored), plainPrice, 'no event holds the plain price');
  const sealedEvent = stored.find((e) => e.type === 'ReservePriceDecided');
  t.match(sealedEvent?.data, { sealed: { algorithm: 'AES-256-GCM' }, commitment: /^[0-9a-f]{64}$/ });

  const early = await h.command(url('disclose-reserve-price'), disclosure, { role: 'RESERVE_PRICE_GROUP' });
  t.equal(
    early.statusCode >= 400 && early.statusCode < 500,
    true,
    `disclosure before the deal is refused: ${early.statusCode}`,
  );
  t.notMatch(early.body, plainPrice, 'the refusal does not leak the price');

  for (const [command, body] of [
    ['decide-starting-price', DECISION_COMMANDS.DecideStartingPrice.example],
    ['conclude-deal', DECISION_COMMANDS.ConcludeDeal.example],
  ] as const) {
    const res = await h.command(url(command), body, { role: 'GRANTOR_ADMIN' });
    t.equal(res.statusCode, 200, `${command}: ${res.body}`);
  }
  const before = await eventCount(h);
  const disclosed = await h.command(url('disclose-reserve-price'), disclosure, { role: 'RESERVE_PRICE_GROUP' });
  t.equal(disclosed.statusCode, 200, disclosed.body);
  t.equal(await eventCount(h), before + 1);
  const last = (await h.db.store.readStream(`decision-${D}`)).at(-1);
  t.match(last, { type: 'ReservePriceDisclosed', data: { valueFen: reserve, reserveMet: true } });
  // Entered on 2026-06-30 (the server clock): each event keeps its document's own instant.
  const instants = Object.fromEntries(
    (await h.db.store.readStream(`decision-${D}`)).map((e) => {
      const data = e.data as Record<string, unknown>;
      return [
        e.type,
        data['recordedAt'] ??
          data['submittedAt'] ??
          data['approvedAt'] ??
          data['decidedAt'] ??
          data['concludedAt'] ??
          data['disclosedAt'] ??
          data['heldAt'],
      ];
    }),
  );
  t.same(instants, {
    CollectiveDecisionMeetingHeld: DECISION_COMMANDS.HoldMeeting.example.heldAt,
    OpinionRecorded: DECISION_COMMANDS.RecordOpinion.example.recordedAt,
    ReservePriceProposalSubmitted: DECISION_COMMANDS.SubmitReservePriceProposal.example.submittedAt,
    SupplyPlanApproved: DECISION_COMMANDS.ApproveSupplyPlan.example.approvedAt,
    ReservePriceDecided: DECISION_COMMANDS.DecideReservePrice.example.decidedAt,
    StartingPriceDecided: DECISION_COMMANDS.DecideStartingPrice.example.decidedAt,
    DealConcluded: DECISION_COMMANDS.ConcludeDeal.example.concludedAt,
    ReservePriceDisclosed: DECISION_COMMANDS.DiscloseReservePrice.example.disclosedAt,
  });
});

t.test('a plaintext price in the sealed fields is refused, not stored', async (t) => {
  const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00');
  for (const [command, role, body] of steps) await h.command(url(command), body, { role });
  const res = await h.command(url('decide-reserve-price'), DECISION_COMMANDS.DecideReservePrice.example, {
    role: 'RESERVE_PRICE_GROUP',
  });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'VALIDATION_FAILED', errors: [{ field: /body\.(sealed|commitment|reservePriceFen)/ }] });
});

t.test('a decision is acted on only inside its jurisdiction', async (t) => {
  const h = await buildTestApp(t, '2026-06-30T10:00:00+08:00');
  const wuxi = await h.command(url('hold-meeting'), DECISION_COMMANDS.HoldMeeting.example, {
    role: 'GOV_APPROVER',
    jurisdiction: '3202',
  });
  t.equal(wuxi.statusCode, 403);
  t.equal(wuxi.json<{ code: string }>().code, 'JURISDICTION_FORBIDDEN');
  t.equal(await eventCount(h), 0);
  const province = await h.command(url('hold-meeting'), DECISION_COMMANDS.HoldMeeting.example, {
    role: 'GOV_APPROVER',
    jurisdiction: '32',
  });
  t.equal(province.statusCode, 201);
  const opinion = await h.command(url('record-opinion'), DECISION_COMMANDS.RecordOpinion.example, {
    role: 'GOV_APPROVER',
    jurisdiction: '3202',
  });
  t.equal(opinion.statusCode, 403, 'an existing decision keeps its jurisdiction');
});
