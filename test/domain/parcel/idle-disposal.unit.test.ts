import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import type { DeregistrationMethod, ParcelState } from '../../../src/domain/parcel/index.js';
import { given, history, stateOf } from './fixtures/spec.js';
import {
  closeCase,
  confirmIdle,
  deregister,
  issueFee,
  issueRecovery,
  openA,
  openB,
  payFee,
  serveNotice,
  submitMaterials,
} from './fixtures/idle.js';
import {
  command,
  declareStart,
  issueAllocation,
  deliver,
  pay,
  signTransfer,
  toCertified,
  toStarted,
  verifyStart,
  HALF,
} from './fixtures/parcel.js';

const JS_VERSIONS = { policyVersion: 'CN-JS-2026.1', calendarVersion: CALENDAR_VERSION, provisional: false };
// Due dates rolled to a working day in 2027 or later consult years without a holiday notice (§11.4.4).
const JS_PROVISIONAL = { ...JS_VERSIONS, provisional: true };
const idleOf = (state: ParcelState) => ('facts' in state ? state.facts.idleCase : undefined);
const confirmedA = () => history(...toCertified(), openA(), serveNotice(), confirmIdle());
const FEE = 46_200_000; // 20 % of 231 000 000 fen

t.test('IssueIdleFeeDecision: 20 % of the transfer price, pay within 30 cd (T23)', async (t) => {
  given(confirmedA())
    .when(issueFee())
    .then(t, [
      {
        type: 'IdleFeeDecisionIssued',
        data: {
          ...JS_PROVISIONAL,
          caseId: 'idle-1',
          decisionNo: 'ZJ-1',
          servedOn: '2027-11-01',
          governmentApprovalRef: 'NJ-GOV-2027-9',
          baseFen: 231_000_000,
          rate: '0.20',
          feeFen: FEE,
          payBy: '2027-12-01',
        },
      },
    ]);
  // Allocated land: 20 % of the allocation price, exact to the fen (12 345 679 × 0.2 = 2 469 135.8).
  const allocated = history(issueAllocation(), deliver(), openA(), serveNotice(), confirmIdle());
  given(allocated)
    .when(issueFee())
    .thenMatches(t, [{ type: 'IdleFeeDecisionIssued', data: { baseFen: 12_345_679, feeFen: 2_469_136 } }]);
  const noPrice = history(
    issueAllocation({ allocationPriceFen: undefined }),
    deliver(),
    openA(),
    serveNotice(),
    confirmIdle(),
  );
  given(noPrice).when(issueFee()).thenRejects(t, { code: 'IDLE_FEE_BASE_MISSING', rule: 'T23' });
  given(confirmedA())
    .when(issueFee('2027-11-01', ''))
    .thenRejects(t, { code: 'GOVERNMENT_APPROVAL_REQUIRED', rule: 'E1 Art 14(1)' });
  given(confirmedA()).when(issueFee('2027-10-15')).thenRejects(t, { code: 'DATE_TOO_EARLY' });
  given(history(...toCertified(), openA(), serveNotice()))
    .when(issueFee())
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'UNDER_INVESTIGATION' } });
  given(history(...confirmedA(), issueFee()))
    .when(issueFee())
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'FEE_LEVIED' } });
});

t.test('RecordIdleFeePayment: the exact fee, late flagged', async (t) => {
  const levied = history(...confirmedA(), issueFee());
  given(levied)
    .when(payFee(FEE))
    .then(t, [{ type: 'IdleFeePaid', data: { caseId: 'idle-1', paidOn: '2027-11-20', amountFen: FEE, late: false } }]);
  given(levied)
    .when(payFee(FEE, '2027-12-02'))
    .thenMatches(t, [{ type: 'IdleFeePaid', data: { late: true } }]);
  given(levied)
    .when(payFee(FEE - 1))
    .thenRejects(t, { code: 'IDLE_FEE_AMOUNT_MISMATCH', rule: 'T23', details: { feeFen: FEE } });
  given(levied).when(payFee(FEE, '2027-10-31')).thenRejects(t, { code: 'DATE_TOO_EARLY' });
  given(confirmedA())
    .when(payFee(FEE))
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'CONFIRMED' } });
  t.match(idleOf(stateOf(history(...levied, payFee(FEE)))), {
    status: 'FEE_PAID',
    feePaidOn: '2027-11-20',
    feeDecision: { feeFen: FEE, payBy: '2027-12-01' },
  });
});

t.test('IssueRecoveryDecision type A: not started two years after the agreed start (T24)', async (t) => {
  given(confirmedA())
    .when(issueRecovery())
    .then(t, [
      {
        type: 'RecoveryDecisionIssued',
        data: {
          ...JS_PROVISIONAL,
          caseId: 'idle-1',
          decisionNo: 'SH-1',
          servedOn: '2028-09-01',
          approvalRef: 'NJ-GOV-2028-1',
          thresholdDate: '2028-09-01',
          humanDecision: null,
          deregisterBy: '2028-10-04',
        },
      },
    ]);
  given(confirmedA())
    .when(issueRecovery('2028-08-31'))
    .thenRejects(t, {
      code: 'RECOVERY_THRESHOLD_NOT_REACHED',
      rule: 'T24',
      details: { thresholdDate: '2028-09-01' },
    });
  given(history(...confirmedA(), issueFee(), payFee(FEE)))
    .when(issueRecovery())
    .thenMatches(t, [{ type: 'RecoveryDecisionIssued' }], 'after the fee');
  given(history(...confirmedA(), issueFee()))
    .when(issueRecovery())
    .thenMatches(t, [{ type: 'RecoveryDecisionIssued' }], 'with the fee unpaid');
  given(confirmedA())
    .when(issueRecovery(undefined, { approvalRef: '' }))
    .thenRejects(t, { code: 'GOVERNMENT_APPROVAL_REQUIRED', rule: 'E1 Art 14(2)' });
  given(confirmedA())
    .when(issueRecovery(undefined, { typeBHumanDecision: { decidedBy: 'mayor', reason: 'x' } }))
    .thenRejects(t, { code: 'FIELD_NOT_ALLOWED' });
  const startedMeanwhile = history(
    ...confirmedA(),
    declareStart('2028-03-01', '2028-03-02'),
    verifyStart('2028-03-05'),
  );
  given(startedMeanwhile).when(issueRecovery()).thenRejects(t, { code: 'ALREADY_STARTED', rule: 'T24' });
  given(history(...toCertified(), openA(), serveNotice()))
    .when(issueRecovery())
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE' });
});

t.test('IssueRecoveryDecision type B needs an explicit human decision (§14 Q6)', async (t) => {
  const confirmedB = history(...toStarted(), openB(), serveNotice('2027-10-08'), submitMaterials(), confirmIdle());
  given(confirmedB)
    .when(issueRecovery('2027-11-01'))
    .thenRejects(t, { code: 'HUMAN_DECISION_REQUIRED', rule: 'Q6', field: 'typeBHumanDecision' });
  given(confirmedB)
    .when(issueRecovery('2027-11-01', { typeBHumanDecision: { decidedBy: 'gov-standing-committee', reason: '' } }))
    .thenRejects(t, {
      code: 'HUMAN_DECISION_REQUIRED',
    });
  given(confirmedB)
    .when(
      issueRecovery('2027-11-01', {
        typeBHumanDecision: { decidedBy: 'gov-standing-committee', reason: 'halted three years' },
      }),
    )
    .thenMatches(t, [
      {
        type: 'RecoveryDecisionIssued',
        data: {
          thresholdDate: null,
          humanDecision: { decidedBy: 'gov-standing-committee', reason: 'halted three years' },
          deregisterBy: '2027-12-01',
        },
      },
    ]);
});

t.test('DeregisterRight ends the parcel as RECOVERED', async (t) => {
  const decided = history(...confirmedA(), issueRecovery());
  given(decided)
    .when(deregister())
    .then(t, [
      { type: 'RightDeregistered', data: { caseId: 'idle-1', deregisteredOn: '2028-09-20', method: 'VOLUNTARY' } },
    ]);
  const recovered = stateOf(history(...decided, deregister()));
  t.equal(recovered.status, 'RECOVERED');
  t.match(idleOf(recovered), {
    status: 'DEREGISTERED',
    deregisteredOn: '2028-09-20',
    recoveryDecision: { deregisterBy: '2028-10-04' },
  });
  given(decided)
    .when(
      command(
        'DeregisterRight',
        { deregisteredOn: '2028-09-20', method: 'BURN' as DeregistrationMethod },
        '2028-09-20',
      ),
    )
    .thenRejects(t, {
      code: 'FIELD_INVALID',
      rule: 'E1 Art 18',
    });
  given(decided).when(deregister('2028-08-31')).thenRejects(t, { code: 'DATE_TOO_EARLY' });
  given(confirmedA())
    .when(deregister())
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'CONFIRMED' } });
  given(history(...decided, deregister()))
    .when(deregister())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'RECOVERED' } });
});

t.test('CloseIdleCase: cleared, government cause disposed or fee paid; never with a pending disposal', async (t) => {
  given(history(...toCertified(), openA()))
    .when(closeCase('2027-09-10', 'started meanwhile'))
    .then(t, [
      {
        type: 'IdleCaseClosed',
        data: { caseId: 'idle-1', closedOn: '2027-09-10', outcome: 'NOT_IDLE', reason: 'started meanwhile' },
      },
    ]);
  given(history(...confirmedA(), issueFee(), payFee(FEE)))
    .when(closeCase('2027-11-25'))
    .thenMatches(t, [{ type: 'IdleCaseClosed', data: { outcome: 'FEE_PAID' } }]);
  given(confirmedA())
    .when(closeCase('2027-11-25'))
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'CONFIRMED' } });
  given(history(...confirmedA(), issueFee()))
    .when(closeCase('2027-11-25'))
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'FEE_LEVIED' } });
  given(history(...confirmedA(), issueRecovery()))
    .when(closeCase('2028-09-05'))
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE' });
  given(history(...toCertified(), openA()))
    .when(closeCase('2027-08-31'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY' });
  given(history(...toCertified(), openA()))
    .when(closeCase('2027-09-10', ''))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'reason' });
  given(history(...toCertified()))
    .when(closeCase('2027-09-10'))
    .thenRejects(t, { code: 'NO_OPEN_IDLE_CASE' });
  const closed = stateOf(history(...toCertified(), openA(), closeCase('2027-09-10')));
  t.equal(idleOf(closed), null);
  t.match('facts' in closed ? closed.facts.closedIdleCases : null, [
    { caseId: 'idle-1', status: 'CLOSED', closedOn: '2027-09-10' },
  ]);
});

t.test('Idle commands on a parcel that is not live are rejected', async (t) => {
  const terminated = history(
    signTransfer(),
    command('ServePaymentDemand', { demandId: 'd', instalmentNo: 1, servedOn: '2026-04-01' }, '2026-04-01'),
    command(
      'TerminateContract',
      { instalmentNo: 1, terminatedOn: '2026-05-20', governmentApprovalRef: 'g', reason: 'r' },
      '2026-05-20',
    ),
  );
  given(terminated)
    .when(openA())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'TERMINATED' } });
  given(history(signTransfer(), pay(1, HALF, '2026-03-20')))
    .when(serveNotice())
    .thenRejects(t, { code: 'NO_OPEN_IDLE_CASE' });
});
