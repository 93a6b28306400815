/**
 * Documents filed on paper are entered later: each command carries its document's own instant,
 * and `context.now` is only when it was entered. A document cannot be dated after its entry, nor
 * before what it rests on (the meeting, the appraisal, the approved plan, the prices, the deal).
 */
import t from 'tap';
import type { DecisionCommand, DecisionEvent } from '../../../src/domain/decision/index.js';
import {
  approvePlan,
  deal,
  disclose,
  meetingHeld,
  opinion,
  planApproved,
  proposalSubmitted,
  propose,
  RESERVE_FEN,
  reserveDecided,
  SALT,
  actors,
  decideReserve,
  spec,
  startingDecided,
  startingPrice,
  T,
  throughDeal,
} from './fixtures/decision-fixtures.js';

const ENTERED_LATER = '2029-11-03T14:00:00+08:00';
const accepted = (given: readonly DecisionEvent[], command: DecisionCommand): readonly DecisionEvent[] =>
  spec
    .given([...given])
    .when(command)
    .events();
const instantOf = (events: readonly DecisionEvent[], field: string): unknown =>
  (events[0]?.data as Record<string, unknown> | undefined)?.[field];

t.test('RecordOpinion: recordedAt', async (t) => {
  t.equal(
    instantOf(accepted([meetingHeld], opinion({ recordedAt: T.held })), 'recordedAt'),
    T.held,
    'at the meeting: accepted',
  );
  t.equal(
    instantOf(accepted([meetingHeld], opinion({ recordedAt: T.recorded })), 'recordedAt'),
    T.recorded,
    'entered the instant it was voiced',
  );
  spec
    .given([meetingHeld])
    .when(opinion({ recordedAt: '2026-03-10T12:00:01+08:00' }))
    .thenRejects(t, { code: 'RECORDED_AT_IN_FUTURE', field: 'recordedAt' });
  spec
    .given([meetingHeld])
    .when(opinion({ recordedAt: '2026-03-10T08:59:59+08:00' }))
    .thenRejects(t, { code: 'RECORDED_AT_BEFORE_MEETING', field: 'recordedAt', rule: '§10.1' });
  spec
    .given([meetingHeld])
    .when(opinion({ recordedAt: '2026-03-10' }))
    .thenRejects(t, { code: 'INVALID_INSTANT', field: 'recordedAt' });
  t.equal(
    instantOf(accepted([meetingHeld], opinion({}, ENTERED_LATER)), 'recordedAt'),
    T.opinion,
    'entered years later, keeps its time',
  );
});

t.test('SubmitReservePriceProposal: submittedAt', async (t) => {
  t.equal(
    instantOf(accepted([meetingHeld], propose({ submittedAt: T.recorded })), 'submittedAt'),
    T.recorded,
    'at its entry: accepted',
  );
  t.equal(
    instantOf(accepted([meetingHeld], propose({ submittedAt: T.appraised })), 'submittedAt'),
    T.appraised,
    'before the meeting that weighs it: accepted (S4 §六, the appraisal informs the meeting)',
  );
  spec
    .given([meetingHeld])
    .when(propose({ submittedAt: '2026-03-10T12:00:01+08:00' }))
    .thenRejects(t, { code: 'SUBMITTED_AT_IN_FUTURE', field: 'submittedAt' });
  t.equal(
    instantOf(accepted([meetingHeld], propose({}, ENTERED_LATER)), 'submittedAt'),
    T.appraised,
    'entered years later, keeps its time',
  );
});

t.test('ApproveSupplyPlan: approvedAt', async (t) => {
  t.equal(
    instantOf(accepted([meetingHeld], approvePlan({ approvedAt: T.held })), 'approvedAt'),
    T.held,
    'at the meeting: accepted',
  );
  t.equal(
    instantOf(accepted([meetingHeld], approvePlan({ approvedAt: T.approved }, T.approved)), 'approvedAt'),
    T.approved,
    'at its entry',
  );
  spec
    .given([meetingHeld])
    .when(approvePlan({ approvedAt: '2026-03-10T10:30:01+08:00' }))
    .thenRejects(t, { code: 'APPROVED_AT_IN_FUTURE', field: 'approvedAt' });
  spec
    .given([meetingHeld])
    .when(approvePlan({ approvedAt: '2026-03-10T00:59:59Z' }))
    .thenRejects(
      t,
      { code: 'APPROVED_AT_BEFORE_MEETING', field: 'approvedAt', rule: 'S4 §二' },
      'one second before, in UTC',
    );
  t.equal(
    instantOf(accepted([meetingHeld], approvePlan({}, ENTERED_LATER)), 'approvedAt'),
    T.approved,
    'entered years later, keeps its time',
  );
});

t.test('DecideStartingPrice: decidedAt', async (t) => {
  const given = [meetingHeld, proposalSubmitted];
  t.equal(
    instantOf(accepted(given, startingPrice({ decidedAt: T.held })), 'decidedAt'),
    T.held,
    'at the meeting: accepted',
  );
  spec
    .given(given)
    .when(startingPrice({ decidedAt: '2026-03-10T10:30:01+08:00' }))
    .thenRejects(t, { code: 'DECIDED_AT_IN_FUTURE', field: 'decidedAt' });
  spec
    .given(given)
    .when(startingPrice({ decidedAt: '2026-03-10T08:59:59+08:00' }))
    .thenRejects(t, { code: 'DECIDED_AT_BEFORE_MEETING', field: 'decidedAt', rule: 'S4 §二' });
  const lateAppraisal: DecisionEvent = {
    ...proposalSubmitted,
    data: { ...proposalSubmitted.data, submittedAt: '2026-03-10T10:00:00+08:00' },
  } as DecisionEvent;
  t.equal(
    accepted([meetingHeld, lateAppraisal], startingPrice({ decidedAt: '2026-03-10T10:00:00+08:00' })).length,
    1,
    'at the appraisal: accepted',
  );
  spec
    .given([meetingHeld, lateAppraisal])
    .when(startingPrice({ decidedAt: '2026-03-10T09:59:59+08:00' }))
    .thenRejects(t, { code: 'DECIDED_AT_BEFORE_PROPOSAL', field: 'decidedAt', rule: 'S4 §六' });
  t.equal(
    instantOf(accepted(given, startingPrice({}, ENTERED_LATER)), 'decidedAt'),
    T.approved,
    'entered years later, keeps its time',
  );
});

t.test('DecideReservePrice: not before the appraisal it rests on (S4 §六)', async (t) => {
  const atDecision: DecisionEvent = {
    ...proposalSubmitted,
    data: { ...proposalSubmitted.data, submittedAt: T.reserveDecided },
  } as DecisionEvent;
  t.equal(
    accepted([meetingHeld, atDecision, planApproved], decideReserve()).length,
    1,
    'appraisal submitted the same instant: accepted',
  );
  const after: DecisionEvent = {
    ...proposalSubmitted,
    data: { ...proposalSubmitted.data, submittedAt: '2026-04-20T09:15:01+08:00' },
  } as DecisionEvent;
  spec
    .given([meetingHeld, after, planApproved])
    .when(decideReserve())
    .thenRejects(t, { code: 'DECIDED_AT_BEFORE_PROPOSAL', field: 'decidedAt', rule: 'S4 §六' });
});

t.test('ConcludeDeal: concludedAt', async (t) => {
  const ready = [meetingHeld, proposalSubmitted, planApproved];
  t.equal(
    instantOf(accepted(ready, deal({ concludedAt: T.approved })), 'concludedAt'),
    T.approved,
    'at the plan approval: accepted',
  );
  spec
    .given(ready)
    .when(deal({ concludedAt: '2026-04-20T11:00:01+08:00' }))
    .thenRejects(t, { code: 'CONCLUDED_AT_IN_FUTURE', field: 'concludedAt' });
  spec
    .given(ready)
    .when(deal({ concludedAt: '2026-03-10T10:29:59+08:00' }))
    .thenRejects(t, { code: 'CONCLUDED_AT_BEFORE_APPROVAL', field: 'concludedAt', rule: 'S4 §二' });
  t.equal(
    accepted([...ready, reserveDecided], deal({ concludedAt: T.reserveDecided })).length,
    1,
    'at the reserve decision: accepted',
  );
  spec
    .given([...ready, reserveDecided])
    .when(deal({ concludedAt: '2026-04-20T09:14:59+08:00' }))
    .thenRejects(t, { code: 'CONCLUDED_AT_BEFORE_PRICE', field: 'concludedAt' }, 'before the reserve price');
  const laterStart: DecisionEvent = {
    ...startingDecided,
    data: { ...startingDecided.data, decidedAt: '2026-04-01T09:00:00+08:00' },
  } as DecisionEvent;
  spec
    .given([...ready, laterStart])
    .when(deal({ concludedAt: '2026-03-31T09:00:00+08:00' }))
    .thenRejects(t, { code: 'CONCLUDED_AT_BEFORE_PRICE', field: 'concludedAt' }, 'before the starting price');
  t.equal(
    instantOf(accepted([...ready, reserveDecided], deal({}, ENTERED_LATER)), 'concludedAt'),
    T.deal,
    'entered years later, keeps its time',
  );
});

t.test('DiscloseReservePrice: disclosedAt (成交后底价公示, S4 §八, §九)', async (t) => {
  t.equal(
    instantOf(accepted(throughDeal, disclose(RESERVE_FEN, SALT, actors.group, T.deal)), 'disclosedAt'),
    T.deal,
    'at the deal: accepted',
  );
  spec
    .given(throughDeal)
    .when(disclose(RESERVE_FEN, SALT, actors.group, '2026-04-20T15:00:01+08:00'))
    .thenRejects(t, { code: 'DISCLOSED_AT_IN_FUTURE', field: 'disclosedAt' });
  spec
    .given(throughDeal)
    .when(disclose(RESERVE_FEN, SALT, actors.group, '2026-04-20T10:59:59+08:00'))
    .thenRejects(t, { code: 'DISCLOSED_AT_BEFORE_DEAL', field: 'disclosedAt', rule: 'S4 §九' });
  t.equal(
    instantOf(
      accepted(throughDeal, disclose(RESERVE_FEN, SALT, actors.group, T.disclosed, ENTERED_LATER)),
      'disclosedAt',
    ),
    T.disclosed,
    'entered years later, keeps its time',
  );
});

t.test('a 2023 decision back-filled in 2026 keeps its documents in their order', async (t) => {
  const now = '2026-06-30T10:00:00+08:00';
  const y23 = (time: string) => `2023-04-18T${time}+08:00`;
  const history: DecisionEvent[] = [
    { ...meetingHeld, data: { ...meetingHeld.data, heldAt: y23('09:00:00') } } as DecisionEvent,
  ];
  const step = (command: DecisionCommand) => {
    const events = spec
      .given(history)
      .when({ ...command, context: { ...command.context, now } })
      .events();
    history.push(...events);
    return events;
  };
  step(opinion({ recordedAt: y23('09:40:00') }));
  step(propose({ submittedAt: '2023-04-10T16:00:00+08:00' }));
  step(approvePlan({ approvedAt: y23('10:30:00') }));
  step(startingPrice({ decidedAt: y23('10:30:00') }));
  step(decideReserve({ timing: 'AT_PLAN_APPROVAL', decidedAt: y23('10:30:00'), biddingStartsAt: null }));
  step(deal({ concludedAt: '2023-05-25T11:00:00+08:00' }));
  step(disclose(RESERVE_FEN, SALT, actors.group, '2023-05-25T15:00:00+08:00'));
  const field = /^(?:held|recorded|submitted|approved|decided|concluded|disclosed)At$/;
  const instants = history.map(
    (e) => Object.entries(e.data as Record<string, unknown>).find(([k]) => field.test(k))?.[1],
  );
  t.same(
    instants,
    [
      y23('09:00:00'),
      y23('09:40:00'),
      '2023-04-10T16:00:00+08:00',
      y23('10:30:00'),
      y23('10:30:00'),
      y23('10:30:00'),
      '2023-05-25T11:00:00+08:00',
      '2023-05-25T15:00:00+08:00',
    ],
    'every step accepted, each with its document time, none with the day it was entered',
  );
});
