import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import type { GovernmentCause, GovernmentCauseDisposal, ParcelState } from '../../../src/domain/parcel/index.js';
import { given, history, stateOf } from './fixtures/spec.js';
import {
  acceptCause,
  closeCase,
  confirmIdle,
  openA,
  openB,
  serveNotice,
  submitMaterials,
  TYPE_B,
} from './fixtures/idle.js';
import { toCertified, toCompleted, toStarted } from './fixtures/parcel.js';

const JS_VERSIONS = { policyVersion: 'CN-JS-2026.1', calendarVersion: CALENDAR_VERSION, provisional: false };
// Due dates rolled to a working day in 2027 or later consult years without a holiday notice (§11.4.4).
const JS_PROVISIONAL = { ...JS_VERSIONS, provisional: true };
const idleOf = (state: ParcelState) => ('facts' in state ? state.facts.idleCase : undefined);

t.test('OpenIdleCase type A: not started one year after the agreed start (T19)', async (t) => {
  given(history(...toCertified()))
    .when(openA())
    .then(t, [
      {
        type: 'IdleSuspected',
        data: {
          ...JS_PROVISIONAL,
          caseId: 'idle-1',
          type: 'A',
          suspectedOn: '2027-09-01',
          thresholdDate: '2027-09-01',
          evidence: null,
          investigationDueDate: '2027-10-04',
        },
      },
    ]);
  given(history(...toCertified()))
    .when(openA('2027-08-31'))
    .thenRejects(t, { code: 'IDLE_THRESHOLD_NOT_REACHED', rule: 'T19', details: { thresholdDate: '2027-09-01' } });
  given(history(...toStarted()))
    .when(openA())
    .thenRejects(t, { code: 'ALREADY_STARTED', rule: 'T19' });
  given(history(...toCertified(), openA()))
    .when(openA('2027-09-02', 'idle-2'))
    .thenRejects(t, { code: 'IDLE_CASE_ALREADY_OPEN' });
  given(history(...toCertified(), openA()))
    .when(openA('2027-09-02'))
    .thenMatches(t, [], 'the case that is open, opened again (officer after the T19 timer): nothing recorded');
  given(history(...toCertified(), openA(), closeCase('2027-09-05')))
    .when(openA('2027-09-06'))
    .thenRejects(t, { code: 'DUPLICATE_CASE' });
  given(history(...toCertified(), openA(), closeCase('2027-09-05')))
    .when(openA('2027-09-06', 'idle-2'))
    .thenMatches(t, [{ type: 'IdleSuspected' }], 'a new case after closing');
  given(history(...toCompleted()))
    .when(openA('2028-09-01'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'COMPLETED' } });
  given([]).when(openA()).thenRejects(t, { code: 'INVALID_STATE' });
});

t.test('OpenIdleCase type B: < 1/3 area or < 25 % investment, halted one year (T20)', async (t) => {
  given(history(...toStarted()))
    .when(openB())
    .then(t, [
      {
        type: 'IdleSuspected',
        data: {
          ...JS_PROVISIONAL,
          caseId: 'idle-b',
          type: 'B',
          suspectedOn: '2027-10-01',
          thresholdDate: '2027-10-01',
          evidence: {
            developedAreaHa: '3.0000',
            areaToDevelopHa: '12.3456',
            investedFen: 100_000_000,
            totalInvestmentFen: 500_000_000,
            haltedSince: '2026-10-01',
            developedAreaBelowThreshold: true,
            investmentBelowThreshold: true,
          },
          investigationDueDate: '2027-11-01',
        },
      },
    ]);
  // 12.3456 ha / 3 = 4.1152 ha exactly; 25 % of 500 000 000 fen = 125 000 000 fen.
  given(history(...toStarted()))
    .when(openB(undefined, { ...TYPE_B, developedAreaHa: '4.1152', investedFen: 125_000_000 }))
    .thenRejects(t, {
      code: 'IDLE_TYPE_B_CRITERIA_NOT_MET',
      rule: 'T20',
    });
  given(history(...toStarted()))
    .when(openB(undefined, { ...TYPE_B, developedAreaHa: '4.1151', investedFen: 125_000_000 }))
    .thenMatches(t, [
      {
        type: 'IdleSuspected',
        data: { evidence: { developedAreaBelowThreshold: true, investmentBelowThreshold: false } },
      },
    ]);
  given(history(...toStarted()))
    .when(openB(undefined, { ...TYPE_B, developedAreaHa: '4.1152', investedFen: 124_999_999 }))
    .thenMatches(t, [
      {
        type: 'IdleSuspected',
        data: { evidence: { developedAreaBelowThreshold: false, investmentBelowThreshold: true } },
      },
    ]);
  given(history(...toStarted()))
    .when(openB('2027-09-30'))
    .thenRejects(t, { code: 'IDLE_THRESHOLD_NOT_REACHED', rule: 'T20', details: { thresholdDate: '2027-10-01' } });
  given(history(...toStarted()))
    .when(openB(undefined, null))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'typeB' });
  given(history(...toStarted()))
    .when(openB(undefined, { ...TYPE_B, developedAreaHa: '3' }))
    .thenRejects(t, { code: 'AREA_FORMAT' });
  given(history(...toCertified()))
    .when(openB())
    .thenRejects(t, { code: 'NOT_STARTED', rule: 'T20' });
});

t.test('Investigation notice (T21/T22) and the holder’s materials', async (t) => {
  const open = history(...toCertified(), openA());
  given(open)
    .when(serveNotice())
    .then(t, [
      {
        type: 'IdleInvestigationNoticeServed',
        data: {
          ...JS_PROVISIONAL,
          caseId: 'idle-1',
          noticeNo: 'DC-1',
          servedOn: '2027-09-15',
          materialsDueDate: '2027-10-15',
        },
      },
    ]);
  given(open).when(serveNotice('2027-08-31')).thenRejects(t, { code: 'DATE_TOO_EARLY' });
  given(history(...toCertified()))
    .when(serveNotice())
    .thenRejects(t, { code: 'NO_OPEN_IDLE_CASE' });
  const served = history(...toCertified(), openA(), serveNotice());
  given(served)
    .when(serveNotice())
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'UNDER_INVESTIGATION' } });
  given(served)
    .when(submitMaterials())
    .then(t, [
      {
        type: 'IdleMaterialsSubmitted',
        data: {
          caseId: 'idle-1',
          submittedOn: '2027-10-10',
          late: false,
          summary: 'financing difficulties; petition by residents',
        },
      },
    ]);
  given(served)
    .when(submitMaterials('2027-10-16'))
    .thenMatches(t, [{ type: 'IdleMaterialsSubmitted', data: { late: true } }]);
  given(history(...served, submitMaterials()))
    .when(submitMaterials('2027-10-11'))
    .thenRejects(t, { code: 'MATERIALS_ALREADY_SUBMITTED', rule: 'T22' });
  given(open)
    .when(submitMaterials())
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'SUSPECTED' } });
});

t.test('ConfirmIdleLand waits for the materials or their deadline (T22)', async (t) => {
  const served = history(...toCertified(), openA(), serveNotice());
  given(served)
    .when(confirmIdle('2027-10-15'))
    .thenRejects(t, { code: 'MATERIALS_PERIOD_OPEN', rule: 'T22', details: { materialsDueDate: '2027-10-15' } });
  given(served)
    .when(confirmIdle('2027-10-16'))
    .then(t, [
      {
        type: 'IdleLandConfirmed',
        data: { caseId: 'idle-1', confirmedOn: '2027-10-16', confirmationNo: 'RD-1', idleSince: '2026-09-01' },
      },
    ]);
  given(history(...served, submitMaterials()))
    .when(confirmIdle('2027-10-12'))
    .thenMatches(t, [{ type: 'IdleLandConfirmed' }]);
  const typeB = history(...toStarted(), openB(), serveNotice('2027-10-08'), submitMaterials('2027-10-10'));
  given(typeB)
    .when(confirmIdle())
    .thenMatches(t, [{ type: 'IdleLandConfirmed', data: { idleSince: '2026-10-01' } }]);
  given(history(...toCertified(), openA()))
    .when(confirmIdle())
    .thenRejects(t, { code: 'INVALID_IDLE_CASE_STATE', details: { caseStatus: 'SUSPECTED' } });
});

t.test('AcceptGovernmentCause: E1 Art 8 causes, Art 12 disposals, extension ≤ 1 y', async (t) => {
  const withMaterials = history(...toCertified(), openA(), serveNotice(), submitMaterials());
  given(withMaterials)
    .when(acceptCause())
    .then(t, [
      {
        type: 'GovernmentCauseAccepted',
        data: {
          ...JS_VERSIONS,
          caseId: 'idle-1',
          acceptedOn: '2027-10-20',
          cause: 'PETITIONS',
          disposal: 'EXTEND_START',
          agreementRef: 'BC-1',
          previousStart: '2026-09-01',
          previousCompletion: '2028-09-01',
          agreedStart: '2028-06-01',
          agreedCompletion: '2030-06-02',
          temporaryUseStartedOn: null,
          temporaryUseEndsBy: null,
        },
      },
    ]);
  const accepted = stateOf(history(...withMaterials, acceptCause()));
  t.match(idleOf(accepted), {
    status: 'GOV_CAUSED',
    governmentCause: { cause: 'PETITIONS', disposal: 'EXTEND_START' },
  });
  t.match('facts' in accepted ? accepted.facts.schedule : null, {
    originalStart: '2026-09-01',
    agreedStart: '2028-06-01',
    agreedCompletion: '2030-06-02',
    changes: [{ source: 'GOVERNMENT_CAUSE', reference: 'idle-1', previousStart: '2026-09-01' }],
  });
  given(withMaterials)
    .when(acceptCause({ newAgreedStart: '2028-10-21' }))
    .thenRejects(t, {
      code: 'GOV_CAUSE_EXTENSION_TOO_LONG',
      rule: 'E1 Art 12(1)',
      details: { limit: '2028-10-20' },
    });
  given(withMaterials)
    .when(acceptCause({ newAgreedStart: '2028-10-20', newAgreedCompletion: '2030-01-01' }))
    .thenMatches(t, [
      { type: 'GovernmentCauseAccepted', data: { agreedStart: '2028-10-20', agreedCompletion: '2030-01-01' } },
    ]);
  given(withMaterials)
    .when(acceptCause({ newAgreedStart: '2028-06-01', newAgreedCompletion: '2028-05-01' }))
    .thenRejects(t, { code: 'COMPLETION_BEFORE_START' });
  given(withMaterials)
    .when(acceptCause({ newAgreedStart: undefined }))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'newAgreedStart' });
  given(withMaterials)
    .when(acceptCause({ disposal: 'PAID_RECOVERY' }))
    .thenRejects(t, { code: 'FIELD_NOT_ALLOWED', field: 'newAgreedStart' });
  given(withMaterials)
    .when(acceptCause({ disposal: 'PAID_RECOVERY', newAgreedStart: undefined }))
    .thenMatches(t, [{ type: 'GovernmentCauseAccepted', data: { agreedStart: null, agreedCompletion: null } }]);
  given(withMaterials)
    .when(acceptCause({ disposal: 'TEMPORARY_USE', newAgreedStart: undefined, temporaryUseStartedOn: '2027-11-01' }))
    .thenMatches(t, [
      {
        type: 'GovernmentCauseAccepted',
        data: { temporaryUseStartedOn: '2027-11-01', temporaryUseEndsBy: '2029-11-01' },
      },
    ]);
  given(withMaterials)
    .when(acceptCause({ disposal: 'TEMPORARY_USE', newAgreedStart: undefined }))
    .thenRejects(t, { code: 'DATE_INVALID', field: 'temporaryUseStartedOn' });
  given(withMaterials)
    .when(acceptCause({ temporaryUseStartedOn: '2027-11-01' }))
    .thenRejects(t, { code: 'FIELD_NOT_ALLOWED', field: 'temporaryUseStartedOn' });
  given(withMaterials)
    .when(acceptCause({ cause: 'BAD_LUCK' as GovernmentCause }))
    .thenRejects(t, { code: 'GOVERNMENT_CAUSE_INVALID', rule: 'E1 Art 8' });
  given(withMaterials)
    .when(acceptCause({ disposal: 'SELL' as GovernmentCauseDisposal }))
    .thenRejects(t, { code: 'DISPOSAL_INVALID', rule: 'E1 Art 12' });
  given(history(...toCertified(), openA(), serveNotice()))
    .when(acceptCause())
    .thenRejects(t, { code: 'MATERIALS_NOT_SUBMITTED', rule: '§5.2' });
  const typeB = history(...toStarted(), openB(), serveNotice('2027-10-08'), submitMaterials());
  given(typeB).when(acceptCause()).thenRejects(t, { code: 'FIELD_NOT_ALLOWED' }, 'started land gets no new start date');
  given(typeB)
    .when(acceptCause({ disposal: 'CHANGE_USE_OR_CONDITIONS', newAgreedStart: undefined }))
    .thenMatches(t, [{ type: 'GovernmentCauseAccepted' }]);
});

t.test('After a government-cause extension the idle clock runs from the new start', async (t) => {
  const disposed = history(
    ...toCertified(),
    openA(),
    serveNotice(),
    submitMaterials(),
    acceptCause(),
    closeCase('2027-10-25', 'disposed by extension'),
  );
  t.equal(idleOf(stateOf(disposed)), null, 'case closed');
  given(disposed)
    .when(openA('2029-05-31', 'idle-2'))
    .thenRejects(t, { code: 'IDLE_THRESHOLD_NOT_REACHED', details: { thresholdDate: '2029-06-01' } });
  given(disposed)
    .when(openA('2029-06-01', 'idle-2'))
    .thenMatches(t, [{ type: 'IdleSuspected', data: { thresholdDate: '2029-06-01' } }]);
});
