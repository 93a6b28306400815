import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import { decisionDecider, reservePriceCommitment, type DecisionEvent } from '../../../src/domain/decision/index.js';
import {
  actors,
  COMMITMENT,
  dealConcluded,
  decideReserve,
  disclose,
  meetingHeld,
  planApproved,
  proposalSubmitted,
  RESERVE_FEN,
  reserveDecided,
  SALT,
  spec,
  T,
  throughDeal,
} from './fixtures/decision-fixtures.js';

const ready: DecisionEvent[] = [meetingHeld, proposalSubmitted, planApproved];

t.test('commitment is sha256 hex of "<valueFen>:<salt>"', async (t) => {
  // printf '1:salt' | sha256sum
  t.equal(reservePriceCommitment(1, 'salt'), '18a830980e6662458c04d7ebcae63012d46ab67c791b66a06a011b17d3ad32c0');
  t.match(COMMITMENT, /^[0-9a-f]{64}$/);
  t.not(reservePriceCommitment(12, '3abc'), reservePriceCommitment(123, 'abc'), 'separator keeps value and salt apart');
});

t.test('DecideReservePrice within 1 h before bidding starts (T30)', async (t) => {
  spec.given(ready).when(decideReserve()).then(t, [reserveDecided]);
  t.equal(
    spec
      .given(ready)
      .when(decideReserve({ decidedAt: '2026-04-20T09:00:00+08:00' }, T.biddingStart))
      .events().length,
    1,
    'exactly 1 h before',
  );
  t.equal(
    spec
      .given(ready)
      .when(decideReserve({ decidedAt: T.biddingStart }, T.biddingStart))
      .events().length,
    1,
    'at the start',
  );
  t.equal(
    spec
      .given(ready)
      .when(decideReserve({ decidedAt: '2026-04-20T01:30:00Z' }, T.biddingStart))
      .events().length,
    1,
    'same window in UTC',
  );
  spec
    .given(ready)
    .when(decideReserve({ decidedAt: '2026-04-20T08:59:59+08:00' }, T.biddingStart))
    .thenRejects(t, { code: 'RESERVE_PRICE_OUTSIDE_WINDOW', rule: 'T30', field: 'decidedAt' }, 'one second too early');
  spec
    .given(ready)
    .when(decideReserve({ decidedAt: '2026-04-20T10:00:01+08:00' }, '2026-04-20T10:05:00+08:00'))
    .thenRejects(t, { code: 'RESERVE_PRICE_OUTSIDE_WINDOW' }, 'after the start');
  spec
    .given(ready)
    .when(decideReserve({ biddingStartsAt: null }))
    .thenRejects(t, { code: 'BIDDING_START_REQUIRED', field: 'biddingStartsAt' });
});

t.test('DecideReservePrice at plan approval (T30 alternative)', async (t) => {
  const [event] = spec
    .given(ready)
    .when(decideReserve({ timing: 'AT_PLAN_APPROVAL', decidedAt: T.approved, biddingStartsAt: T.biddingStart }))
    .events();
  t.same(event?.type === 'ReservePriceDecided' ? [event.data.timing, event.data.biddingStartsAt] : [], [
    'AT_PLAN_APPROVAL',
    null,
  ]);
  spec
    .given(ready)
    .when(decideReserve({ timing: 'AT_PLAN_APPROVAL', decidedAt: '2026-03-11T10:30:00+08:00' }))
    .thenRejects(t, { code: 'RESERVE_PRICE_OUTSIDE_WINDOW', rule: 'T30' }, 'a day after approval is neither');
});

t.test('DecideReservePrice guards', async (t) => {
  spec.given([]).when(decideReserve()).thenRejects(t, { code: 'MEETING_NOT_HELD' });
  spec
    .given(ready)
    .when(decideReserve({}, T.reserveRecorded, actors.nr))
    .thenRejects(t, { code: 'ROLE_NOT_ALLOWED', rule: 'S4 §六', field: 'context.actor.role' });
  spec
    .given([meetingHeld, proposalSubmitted])
    .when(decideReserve())
    .thenRejects(t, { code: 'SUPPLY_PLAN_NOT_APPROVED', field: 'parcelId' });
  spec
    .given([...ready, dealConcluded])
    .when(decideReserve())
    .thenRejects(t, { code: 'DEAL_ALREADY_CONCLUDED', rule: 'S4 §九' });
  spec
    .given([...ready, reserveDecided])
    .when(decideReserve())
    .thenRejects(t, { code: 'RESERVE_PRICE_ALREADY_DECIDED', rule: 'T30' });
  spec
    .given([meetingHeld, planApproved])
    .when(decideReserve())
    .thenRejects(t, { code: 'PRICE_PROPOSAL_NOT_FOUND', rule: 'S4 §六', field: 'proposalId' });
  spec
    .given(ready)
    .when(
      decideReserve({
        groupMembers: [
          { person: '王市长', department: 'GOVERNMENT' },
          { person: '王市长', department: 'FINANCE' },
        ],
      }),
    )
    .thenRejects(t, { code: 'RESERVE_PRICE_GROUP_NOT_COLLECTIVE', field: 'groupMembers' });
  spec
    .given(ready)
    .when(decideReserve({ sealed: { algorithm: 'SM4-GCM', ciphertext: '', keyId: 'k' } }))
    .thenRejects(t, { code: 'SEALED_VALUE_REQUIRED', field: 'sealed' });
  spec
    .given(ready)
    .when(decideReserve({ commitment: COMMITMENT.toUpperCase() }))
    .thenRejects(t, { code: 'COMMITMENT_FORMAT', field: 'commitment' });
  spec
    .given(ready)
    .when(decideReserve({ decidedAt: '2026-04-20T09:25:00+08:00' }))
    .thenRejects(t, { code: 'DECIDED_AT_IN_FUTURE', field: 'decidedAt' });
  spec
    .given(ready)
    .when(decideReserve({ decidedAt: 'yesterday' }))
    .thenRejects(t, { code: 'INVALID_INSTANT', field: 'decidedAt' });
});

t.test('the reserve price stays sealed until the deal, then disclosure needs the matching value+salt', async (t) => {
  const secretDigits = String(RESERVE_FEN);
  const decided = spec.given(ready).when(decideReserve()).events();
  t.notMatch(JSON.stringify(decided), secretDigits, 'the decided event carries no plaintext');
  const sealedState = fold(decisionDecider, [...ready, ...decided]);
  t.notMatch(JSON.stringify(sealedState), secretDigits, 'state holds no plaintext');
  t.notMatch(JSON.stringify(sealedState), 'ciphertext', 'state does not even keep the ciphertext');
  t.notMatch(JSON.stringify(sealedState), 'valueFen', 'no reserve value field before disclosure');
  const beforeDeal = fold(decisionDecider, [...ready, ...decided]);
  const pricing = beforeDeal.status === 'NONE' ? undefined : beforeDeal.parcels.find((p) => p.parcelId === 'P-1');
  t.equal(pricing?.reservePrice?.status, 'SEALED');

  spec
    .given([...ready, reserveDecided])
    .when(disclose())
    .thenRejects(t, { code: 'DEAL_NOT_CONCLUDED', rule: 'S4 §九' });
  const afterDeal = fold(decisionDecider, throughDeal);
  t.notMatch(JSON.stringify(afterDeal), secretDigits, 'the deal alone reveals nothing');

  const disclosed = spec
    .given(throughDeal)
    .when(disclose())
    .then(t, [
      {
        type: 'ReservePriceDisclosed',
        data: { parcelId: 'P-1', valueFen: RESERVE_FEN, salt: SALT, disclosedAt: T.disclosed, reserveMet: true },
      },
    ]);
  const open = fold(decisionDecider, [...throughDeal, ...disclosed]);
  const reserve =
    open.status === 'NONE' ? null : (open.parcels.find((p) => p.parcelId === 'P-1')?.reservePrice ?? null);
  t.same(reserve?.status === 'DISCLOSED' ? [reserve.valueFen, reserve.reserveMet] : [], [RESERVE_FEN, true]);
});

t.test('DiscloseReservePrice guards', async (t) => {
  spec.given([]).when(disclose()).thenRejects(t, { code: 'MEETING_NOT_HELD' });
  spec
    .given(throughDeal)
    .when(disclose(RESERVE_FEN, SALT, actors.nr))
    .thenRejects(t, { code: 'ROLE_NOT_ALLOWED' });
  spec
    .given([meetingHeld, proposalSubmitted, planApproved, dealConcluded])
    .when(disclose())
    .thenRejects(t, { code: 'RESERVE_PRICE_NOT_DECIDED', field: 'parcelId' });
  const disclosedEvent: DecisionEvent = {
    type: 'ReservePriceDisclosed',
    data: { parcelId: 'P-1', valueFen: RESERVE_FEN, salt: SALT, disclosedAt: T.disclosed, reserveMet: true },
  };
  spec
    .given([...throughDeal, disclosedEvent])
    .when(disclose())
    .thenRejects(t, { code: 'RESERVE_PRICE_ALREADY_DISCLOSED' });
  spec.given(throughDeal).when(disclose(-5)).thenRejects(t, { code: 'RESERVE_PRICE_INVALID', field: 'valueFen' });
  spec
    .given(throughDeal)
    .when(disclose(RESERVE_FEN, 'short'))
    .thenRejects(t, { code: 'SALT_TOO_SHORT', field: 'salt' });
  spec
    .given(throughDeal)
    .when(disclose(RESERVE_FEN + 100))
    .thenRejects(t, { code: 'COMMITMENT_MISMATCH', rule: 'S4 §九', field: 'valueFen' }, 'wrong value');
  spec
    .given(throughDeal)
    .when(disclose(RESERVE_FEN, SALT.replace('7', '8')))
    .thenRejects(t, { code: 'COMMITMENT_MISMATCH' }, 'wrong salt');
});

t.test('a deal below the reserve is kept on record as reserveMet: false', async (t) => {
  const lowDeal: DecisionEvent =
    dealConcluded.type === 'DealConcluded'
      ? { ...dealConcluded, data: { ...dealConcluded.data, dealPriceFen: RESERVE_FEN - 1 } }
      : dealConcluded;
  const [event] = spec
    .given([meetingHeld, proposalSubmitted, planApproved, reserveDecided, lowDeal])
    .when(disclose())
    .events();
  t.equal(event?.type === 'ReservePriceDisclosed' ? event.data.reserveMet : undefined, false);
});

t.test('evolve ignores a disclosure without a deal', async (t) => {
  const early: DecisionEvent = {
    type: 'ReservePriceDisclosed',
    data: { parcelId: 'P-1', valueFen: RESERVE_FEN, salt: SALT, disclosedAt: T.disclosed, reserveMet: true },
  };
  const state = fold(decisionDecider, [...ready, reserveDecided, early]);
  t.notMatch(JSON.stringify(state), String(RESERVE_FEN));
});
