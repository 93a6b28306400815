import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import { decisionDecider } from '../../../src/domain/decision/index.js';
import {
  deal,
  dealConcluded,
  meetingHeld,
  planApproved,
  proposalSubmitted,
  spec,
  startingDecided,
  startingPrice,
  T,
} from './fixtures/decision-fixtures.js';

t.test('DecideStartingPrice (public, from an e-filed appraisal)', async (t) => {
  spec.given([meetingHeld, proposalSubmitted]).when(startingPrice()).then(t, [startingDecided]);
  spec.given([]).when(startingPrice()).thenRejects(t, { code: 'MEETING_NOT_HELD' });
  spec
    .given([meetingHeld, proposalSubmitted])
    .when(startingPrice({ parcelId: 'P-9' }))
    .thenRejects(t, { code: 'PARCEL_NOT_IN_DECISION', field: 'parcelId' });
  spec
    .given([meetingHeld, proposalSubmitted, planApproved, dealConcluded])
    .when(startingPrice())
    .thenRejects(t, { code: 'DEAL_ALREADY_CONCLUDED' });
  spec
    .given([meetingHeld, proposalSubmitted, startingDecided])
    .when(startingPrice())
    .thenRejects(t, { code: 'STARTING_PRICE_ALREADY_DECIDED' });
  spec
    .given([meetingHeld, proposalSubmitted])
    .when(startingPrice({ proposalId: 'PR-X' }))
    .thenRejects(t, { code: 'PRICE_PROPOSAL_NOT_FOUND', rule: 'S4 §六' });
  spec
    .given([meetingHeld, proposalSubmitted])
    .when(startingPrice({ startingPriceFen: 0.5 }))
    .thenRejects(t, { code: 'STARTING_PRICE_INVALID', field: 'startingPriceFen' });
});

t.test('ConcludeDeal', async (t) => {
  spec.given([meetingHeld, planApproved]).when(deal()).then(t, [dealConcluded]);
  spec.given([]).when(deal()).thenRejects(t, { code: 'MEETING_NOT_HELD' });
  spec.given([meetingHeld]).when(deal()).thenRejects(t, { code: 'SUPPLY_PLAN_NOT_APPROVED', field: 'parcelId' });
  spec
    .given([meetingHeld, planApproved])
    .when(deal({ parcelId: 'P-2' }))
    .thenRejects(t, { code: 'SUPPLY_PLAN_NOT_APPROVED' });
  spec
    .given([meetingHeld, planApproved, dealConcluded])
    .when(deal())
    .thenRejects(t, { code: 'DEAL_ALREADY_CONCLUDED' });
  spec
    .given([meetingHeld, planApproved])
    .when(deal({ winner: { landUserId: '', name: 'x' } }))
    .thenRejects(t, { code: 'WINNER_REQUIRED', field: 'winner' });
  spec
    .given([meetingHeld, planApproved])
    .when(deal({ dealPriceFen: 0 }))
    .thenRejects(t, { code: 'DEAL_PRICE_INVALID' });
  spec
    .given([meetingHeld, proposalSubmitted, planApproved, startingDecided])
    .when(deal({ dealPriceFen: 79_999_999_999 }))
    .thenRejects(t, { code: 'DEAL_BELOW_STARTING_PRICE', field: 'dealPriceFen' });
  spec
    .given([meetingHeld, planApproved])
    .when(deal({ confirmationNo: '' }))
    .thenRejects(t, { code: 'CONFIRMATION_NO_REQUIRED', field: 'confirmationNo' });
  const state = fold(decisionDecider, [meetingHeld, planApproved, dealConcluded]);
  const pricing = state.status === 'NONE' ? undefined : state.parcels.find((p) => p.parcelId === 'P-1');
  t.same(pricing?.deal, {
    winner: { landUserId: 'LU-100', name: '南京某置业有限公司' },
    dealPriceFen: 101_000_000_000,
    concludedAt: T.deal,
    confirmationNo: '宁成交〔2026〕21号',
  });
});
