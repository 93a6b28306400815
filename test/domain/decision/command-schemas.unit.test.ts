import t from 'tap';
import type { z } from 'zod';
import { fold, type CommandContext } from '../../../src/domain/decider.js';
import {
  DECISION_COMMANDS,
  DECISION_ERRORS,
  decisionDecider,
  type DecisionCommand,
  type DecisionEvent,
} from '../../../src/domain/decision/index.js';
import { DomainError } from '../../../src/domain/errors.js';
import { approvePlan, decideReserve, disclose, holdMeeting } from './fixtures/decision-fixtures.js';

type Type = keyof typeof DECISION_COMMANDS;
const types = Object.keys(DECISION_COMMANDS) as Type[];

/** The distinct issue paths of a failed parse, as 'a.b.0' strings. */
const issuePaths = (schema: z.ZodType, body: unknown): string[] => {
  const result = schema.safeParse(body);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
};

t.test('every example passes its schema', async (t) => {
  for (const type of types) {
    const { schema, example } = DECISION_COMMANDS[type];
    const result = schema.safeParse(example);
    t.ok(result.success, `${type}: ${result.success ? 'ok' : JSON.stringify(result.error.issues)}`);
  }
});

t.test('only HoldMeeting creates the stream and names the decision', async (t) => {
  t.same(
    types.filter((type) => DECISION_COMMANDS[type].creates),
    ['HoldMeeting'],
  );
  t.same(
    types.filter((type) => DECISION_COMMANDS[type].idField !== undefined),
    ['HoldMeeting'],
    'decisionId is carried by HoldMeeting only',
  );
  t.equal(DECISION_COMMANDS.HoldMeeting.idField, 'decisionId');
  for (const type of types) t.match(DECISION_COMMANDS[type].summary, /\((?:§|S4|T\d)/, `${type} cites its rule`);
});

t.test('the examples, in order, are one decision the decider accepts', async (t) => {
  const group = { id: 'u-group-1', role: 'RESERVE_PRICE_GROUP' };
  const officer = { id: 'u-nr-1', role: 'GRANTOR_ADMIN' };
  const steps: readonly [Type, CommandContext][] = [
    ['HoldMeeting', { now: '2026-05-12T11:00:00+08:00', actor: officer }],
    ['RecordOpinion', { now: '2026-05-12T11:05:00+08:00', actor: officer }],
    ['SubmitReservePriceProposal', { now: '2026-05-12T11:10:00+08:00', actor: officer }],
    ['ApproveSupplyPlan', { now: '2026-05-12T11:30:00+08:00', actor: { id: 'u-gov-3201-02', role: 'GOV_APPROVER' } }],
    ['DecideStartingPrice', { now: '2026-05-20T09:00:00+08:00', actor: officer }],
    ['DecideReservePrice', { now: '2026-06-18T09:30:00+08:00', actor: group }],
    ['ConcludeDeal', { now: '2026-06-18T11:00:00+08:00', actor: officer }],
    ['DiscloseReservePrice', { now: '2026-06-18T15:00:00+08:00', actor: group }],
  ];
  t.same(steps.map(([type]) => type).sort(), [...types].sort(), 'every command has a step');
  const history: DecisionEvent[] = [];
  for (const [type, context] of steps) {
    const data = DECISION_COMMANDS[type].schema.parse(DECISION_COMMANDS[type].example);
    const command = { type, data, context } as DecisionCommand;
    const events = decisionDecider.decide(command, fold(decisionDecider, history));
    t.equal(events.length, 1, `${type} accepted`);
    history.push(...events);
  }
  const last = history.at(-1);
  t.same(last?.type === 'ReservePriceDisclosed' ? last.data.reserveMet : undefined, true, 'the deal met the reserve');
});

t.test("the fixtures' valid commands pass their schemas", async (t) => {
  for (const command of [holdMeeting(), approvePlan(), decideReserve(), disclose()]) {
    const result = DECISION_COMMANDS[command.type].schema.safeParse(command.data);
    t.ok(result.success, `${command.type}: ${result.success ? 'ok' : JSON.stringify(result.error.issues)}`);
  }
});

t.test('malformed bodies fail with the path of the bad field', async (t) => {
  const {
    HoldMeeting,
    RecordOpinion,
    ApproveSupplyPlan,
    DecideReservePrice,
    DecideStartingPrice,
    ConcludeDeal,
    DiscloseReservePrice,
  } = DECISION_COMMANDS;
  const meeting = HoldMeeting.example;
  t.same(
    issuePaths(HoldMeeting.schema, { ...meeting, heldAt: '2026-05-12 09:00' }),
    ['heldAt'],
    'instant without offset',
  );
  t.same(issuePaths(HoldMeeting.schema, { ...meeting, jurisdiction: 'JS-3201' }), ['jurisdiction']);
  t.same(
    issuePaths(HoldMeeting.schema, {
      ...meeting,
      participants: [{ department: 'POLICE', person: '某', role: '列席' }],
    }),
    ['participants.0.department'],
    'departments are the DEPARTMENTS keys',
  );
  t.same(issuePaths(HoldMeeting.schema, { ...meeting, agenda: { parcelIds: [], supplyPlanIds: [] } }), ['agenda']);
  t.same(issuePaths(HoldMeeting.schema, { ...meeting, minutesNo: '  ' }), ['minutesNo']);
  t.same(issuePaths(RecordOpinion.schema, { ...RecordOpinion.example, stance: 'MAYBE' }), ['stance']);
  t.same(
    issuePaths(ApproveSupplyPlan.schema, {
      ...ApproveSupplyPlan.example,
      landUse: { code: '01', residentialSubclass: null },
    }),
    ['landUse.code'],
  );
  t.same(issuePaths(ApproveSupplyPlan.schema, { ...ApproveSupplyPlan.example, supplyMethod: 'AUCTION' }), [
    'supplyMethod',
  ]);
  t.same(issuePaths(ApproveSupplyPlan.schema, { ...ApproveSupplyPlan.example, farLowerBound: '150%' }), [
    'farLowerBound',
  ]);
  t.same(issuePaths(ApproveSupplyPlan.schema, { ...ApproveSupplyPlan.example, approver: null }), ['approver']);
  const reserve = DecideReservePrice.example;
  t.same(issuePaths(DecideReservePrice.schema, { ...reserve, commitment: 'ABC' }), ['commitment']);
  t.same(
    issuePaths(DecideReservePrice.schema, { ...reserve, biddingStartsAt: null }),
    ['biddingStartsAt'],
    'BEFORE_BIDDING needs it',
  );
  t.same(
    issuePaths(DecideReservePrice.schema, { ...reserve, timing: 'AT_PLAN_APPROVAL', biddingStartsAt: null }),
    [],
    'AT_PLAN_APPROVAL does not',
  );
  t.same(issuePaths(DecideReservePrice.schema, { ...reserve, timing: 'LATER' }), ['timing']);
  t.same(issuePaths(DecideReservePrice.schema, { ...reserve, sealed: { ...reserve.sealed, keyId: '' } }), [
    'sealed.keyId',
  ]);
  t.same(
    issuePaths(DecideReservePrice.schema, { ...reserve, valueFen: 130_000_000_000 }),
    [],
    'a plaintext price is not part of the sealed command (stripped)',
  );
  t.notOk('valueFen' in DecideReservePrice.schema.parse({ ...reserve, valueFen: 1 }), 'and never reaches the data');
  t.same(issuePaths(DecideStartingPrice.schema, { ...DecideStartingPrice.example, startingPriceFen: 0.5 }), [
    'startingPriceFen',
  ]);
  t.same(issuePaths(ConcludeDeal.schema, { ...ConcludeDeal.example, dealPriceFen: 0 }), ['dealPriceFen']);
  t.same(issuePaths(ConcludeDeal.schema, { ...ConcludeDeal.example, winner: { landUserId: '', name: '某公司' } }), [
    'winner.landUserId',
  ]);
  t.same(issuePaths(DiscloseReservePrice.schema, { ...DiscloseReservePrice.example, salt: 'short' }), ['salt']);
  t.same(issuePaths(DiscloseReservePrice.schema, { ...DiscloseReservePrice.example, valueFen: -5 }), ['valueFen']);
});

t.test('errors carry the category of the catalogue', async (t) => {
  const rejected = (command: DecisionCommand, events: readonly DecisionEvent[] = []): DomainError | undefined => {
    try {
      decisionDecider.decide(command, fold(decisionDecider, events));
      return undefined;
    } catch (error) {
      return error instanceof DomainError ? error : undefined;
    }
  };
  const [held] = decisionDecider.decide(holdMeeting(), fold(decisionDecider, []));
  const cases: readonly [DomainError | undefined, keyof typeof DECISION_ERRORS, string][] = [
    [rejected(approvePlan()), 'MEETING_NOT_HELD', 'state'],
    [rejected(holdMeeting({ heldAt: 'yesterday' })), 'INVALID_INSTANT', 'input'],
    [rejected(approvePlan({ villaProduct: true }), held ? [held] : []), 'VILLA_PROHIBITED', 'rule'],
    [
      rejected(approvePlan({ supplyPlanId: 'SP-X', parcelIds: ['P-9'] }), held ? [held] : []),
      'NOT_ON_AGENDA',
      'not_found',
    ],
  ];
  for (const [error, code, category] of cases) {
    t.equal(error?.code, code);
    t.equal(error?.category, category, `${code} is ${category}`);
    t.equal(DECISION_ERRORS[code], category, `${code} in the catalogue`);
  }
});
