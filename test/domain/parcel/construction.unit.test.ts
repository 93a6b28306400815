import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import type { InspectionKind } from '../../../src/domain/parcel/index.js';
import { given, history, stateOf } from './fixtures/spec.js';
import {
  certify,
  command,
  declareCompletion,
  declareStart,
  deliver,
  HALF,
  HENAN,
  issueAllocation,
  pay,
  signTransfer,
  toCertified,
  toCompleted,
  toDelivered,
  toGranted,
  toStarted,
  verifyCompletion,
  verifyStart,
} from './fixtures/parcel.js';

// The standard contract sets no damage rates (the model contract leaves them blank, §6).
const NO_RATE = { ratePerDay: null, baseFen: null, damagesFen: null };
const publicity = (postedOn: string) => command('RecordSitePublicity', { postedOn, photoRefs: ['photo-1'] }, postedOn);
const inspect = (inspectionId: string, inspectedOn: string, kind: InspectionKind = 'PERIODIC') =>
  command(
    'RecordSiteInspection',
    { inspectionId, inspectedOn, kind, inspectorId: 'inspector-7', findings: 'site fenced' },
    inspectedOn,
  );

t.test('ConfirmLandDelivery records the grantor’s delay (T09)', async (t) => {
  given(history(...toGranted()))
    .when(deliver())
    .then(t, [
      {
        type: 'LandDeliveryConfirmed',
        data: {
          deliveredOn: '2026-04-01',
          confirmationNo: 'JD-1',
          contractDeliveryDate: '2026-04-01',
          daysLate: 0,
          ...NO_RATE,
        },
      },
    ]);
  given(history(...toGranted()))
    .when(deliver('2026-04-11'))
    .thenMatches(t, [{ type: 'LandDeliveryConfirmed', data: { daysLate: 10 } }]);
  given(history(...toGranted()))
    .when(command('ConfirmLandDelivery', { deliveredOn: '2026-02-25', confirmationNo: 'JD-1' }, '2026-03-01'))
    .thenRejects(t, {
      code: 'DATE_TOO_EARLY',
      field: 'deliveredOn',
    });
  given(history(...toGranted()))
    .when(command('ConfirmLandDelivery', { deliveredOn: '2026-04-01', confirmationNo: '' }, '2026-04-01'))
    .thenRejects(t, {
      code: 'FIELD_REQUIRED',
      field: 'confirmationNo',
    });
  given(history(...toDelivered()))
    .when(deliver())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'DELIVERED' } });
  given([])
    .when(deliver())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
});

t.test('IssueLandApprovalCertificate: Jiangsu only after full payment (S4 §十一); T10 due date', async (t) => {
  const paid = history(...toDelivered(), pay(2, HALF, '2026-04-08'));
  // 2026-04-10 + 30 cd = Sunday 2026-05-10 → next working day.
  given(paid)
    .when(certify())
    .then(t, [
      {
        type: 'LandApprovalCertificateIssued',
        data: {
          policyVersion: 'CN-JS-2026.1',
          calendarVersion: CALENDAR_VERSION,
          provisional: false,
          certificateNo: 'PZS-1',
          issuedOn: '2026-04-10',
          sitePublicityDueDate: '2026-05-11',
        },
      },
    ]);
  given(history(...toDelivered()))
    .when(certify())
    .thenRejects(t, { code: 'PRICE_NOT_PAID_IN_FULL', rule: 'S4 §十一', details: { outstandingFen: HALF } });
  const national = history(signTransfer({ jurisdiction: HENAN }), deliver());
  given(national)
    .when(certify())
    .thenMatches(t, [
      { type: 'LandApprovalCertificateIssued', data: { sitePublicityDueDate: null, policyVersion: 'CN-2026.1' } },
    ]);
  given(history(issueAllocation(), deliver()))
    .when(certify())
    .thenMatches(t, [{ type: 'LandApprovalCertificateIssued' }], 'allocation has no price');
  given(paid).when(certify('2026-03-31')).thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'issuedOn' });
  given(history(...toGranted()))
    .when(certify())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'GRANTED' } });
  given(history(...toCertified()))
    .when(certify())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'CERTIFIED' } });
});

t.test('RecordSitePublicity after the certificate, flagged when late (T10)', async (t) => {
  given(history(...toCertified()))
    .when(publicity('2026-05-11'))
    .then(t, [
      {
        type: 'SitePublicityPosted',
        data: {
          policyVersion: 'CN-JS-2026.1',
          calendarVersion: CALENDAR_VERSION,
          provisional: false,
          postedOn: '2026-05-11',
          dueDate: '2026-05-11',
          late: false,
          photoRefs: ['photo-1'],
        },
      },
    ]);
  given(history(...toCertified()))
    .when(publicity('2026-05-12'))
    .thenMatches(t, [{ type: 'SitePublicityPosted', data: { late: true } }]);
  given(history(...toCertified(), publicity('2026-05-01')))
    .when(publicity('2026-05-02'))
    .thenRejects(t, { code: 'SITE_PUBLICITY_ALREADY_RECORDED', rule: 'T10' });
  given(history(...toCertified()))
    .when(publicity('2026-04-09'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', rule: 'T10' });
  given(history(...toStarted()))
    .when(publicity('2026-09-01'))
    .thenMatches(t, [{ type: 'SitePublicityPosted', data: { late: true } }]);
  const startedUncertified = history(...toDelivered(), declareStart(), verifyStart());
  given(startedUncertified)
    .when(publicity('2026-09-01'))
    .thenRejects(t, { code: 'CERTIFICATE_NOT_ISSUED', rule: 'T10' });
  given(history(...toDelivered()))
    .when(publicity('2026-05-01'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'DELIVERED' } });
});

t.test('DeclareStart needs a delivered parcel and a construction permit', async (t) => {
  given(history(...toCertified()))
    .when(declareStart())
    .then(t, [
      {
        type: 'ConstructionStartDeclared',
        data: { declarationNo: 'DG-1', declaredOn: '2026-08-25', claimedDate: '2026-08-20', evidenceRef: 'SG-1' },
      },
    ]);
  given(history(...toDelivered()))
    .when(declareStart())
    .thenMatches(t, [{ type: 'ConstructionStartDeclared' }], 'certificate not required');
  given(history(...toCertified(), declareStart()))
    .when(declareStart())
    .thenRejects(t, { code: 'START_ALREADY_DECLARED' });
  given(history(...toCertified()))
    .when(
      command(
        'DeclareStart',
        { declarationNo: 'DG-1', declaredOn: '2026-08-25', startedOn: '2026-08-20', constructionPermitNo: '' },
        '2026-08-25',
      ),
    )
    .thenRejects(t, { code: 'CONSTRUCTION_PERMIT_REQUIRED', rule: 'S4 §十二' });
  given(history(...toCertified()))
    .when(declareStart('2026-08-26', '2026-08-25'))
    .thenRejects(t, { code: 'DATE_IN_FUTURE', field: 'startedOn' });
  given(history(...toCertified()))
    .when(
      command(
        'DeclareStart',
        { declarationNo: 'DG-1', declaredOn: '2026-08-25', startedOn: '2026-08-26', constructionPermitNo: 'SG' },
        '2026-08-27',
      ),
    )
    .thenRejects(t, { code: 'DECLARED_BEFORE_FACT', field: 'startedOn' });
  given(history(...toCertified()))
    .when(declareStart('2026-03-31'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'startedOn' });
  given(history(...toGranted()))
    .when(declareStart())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'GRANTED' } });
  given(history(...toStarted()))
    .when(declareStart())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'STARTED' } });
});

t.test('VerifyStart only after a declaration; records lateness against the agreed start', async (t) => {
  const declared = history(...toCertified(), declareStart());
  given(declared)
    .when(verifyStart())
    .then(t, [
      {
        type: 'ConstructionStartVerified',
        data: { verifiedOn: '2026-08-28', actualDate: '2026-08-20', agreedDate: '2026-09-01', daysLate: 0, ...NO_RATE },
      },
    ]);
  t.equal(stateOf(history(...toCertified(), declareStart(), verifyStart())).status, 'STARTED');
  given(history(...toCertified(), declareStart('2026-09-11', '2026-09-12')))
    .when(verifyStart('2026-09-14'))
    .thenMatches(t, [{ type: 'ConstructionStartVerified', data: { daysLate: 10 } }]);
  const rejection = command(
    'VerifyStart',
    { verifiedOn: '2026-08-28', outcome: 'REJECTED', reason: 'piles not driven' },
    '2026-08-28',
  );
  given(declared)
    .when(rejection)
    .then(t, [
      { type: 'ConstructionStartDeclarationRejected', data: { rejectedOn: '2026-08-28', reason: 'piles not driven' } },
    ]);
  given(history(...toCertified(), declareStart(), rejection))
    .when(declareStart('2026-09-01', '2026-09-02'))
    .thenMatches(t, [{ type: 'ConstructionStartDeclared' }], 'a rejected declaration can be filed again');
  given(declared)
    .when(command('VerifyStart', { verifiedOn: '2026-08-28', outcome: 'REJECTED' }, '2026-08-28'))
    .thenRejects(t, {
      code: 'FIELD_REQUIRED',
      field: 'reason',
    });
  given(declared).when(verifyStart('2026-08-24')).thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'verifiedOn' });
  given(history(...toCertified()))
    .when(verifyStart())
    .thenRejects(t, { code: 'START_NOT_DECLARED' });
  given(history(...toStarted()))
    .when(verifyStart())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'STARTED' } });
});

t.test('DeclareCompletion / VerifyCompletion only after the start', async (t) => {
  given(history(...toStarted()))
    .when(declareCompletion())
    .then(t, [
      {
        type: 'CompletionDeclared',
        data: { declarationNo: 'JG-1', declaredOn: '2028-06-05', claimedDate: '2028-06-01', evidenceRef: 'YS-1' },
      },
    ]);
  given(history(...toCertified()))
    .when(declareCompletion())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'CERTIFIED' } });
  given(history(...toStarted()))
    .when(
      command(
        'DeclareCompletion',
        { declarationNo: 'JG-1', declaredOn: '2028-06-05', completedOn: '2028-06-01', acceptanceRef: '' },
        '2028-06-05',
      ),
    )
    .thenRejects(t, { code: 'COMPLETION_ACCEPTANCE_REQUIRED', rule: 'S4 §十二' });
  given(history(...toStarted()))
    .when(declareCompletion('2026-08-19', '2026-09-01'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'completedOn' });
  given(history(...toStarted(), declareCompletion()))
    .when(declareCompletion())
    .thenRejects(t, { code: 'COMPLETION_ALREADY_DECLARED' });
  given(history(...toStarted(), declareCompletion()))
    .when(verifyCompletion())
    .then(t, [
      {
        type: 'CompletionVerified',
        data: { verifiedOn: '2028-06-10', actualDate: '2028-06-01', agreedDate: '2028-09-01', daysLate: 0, ...NO_RATE },
      },
    ]);
  given(history(...toStarted(), declareCompletion()))
    .when(
      command(
        'VerifyCompletion',
        { verifiedOn: '2028-06-10', outcome: 'REJECTED', reason: 'acceptance missing' },
        '2028-06-10',
      ),
    )
    .then(t, [
      { type: 'CompletionDeclarationRejected', data: { rejectedOn: '2028-06-10', reason: 'acceptance missing' } },
    ]);
  given(history(...toStarted()))
    .when(verifyCompletion())
    .thenRejects(t, { code: 'COMPLETION_NOT_DECLARED' });
  given(history(...toCertified()))
    .when(verifyCompletion())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'CERTIFIED' } });
  t.equal(stateOf(history(...toCompleted())).status, 'COMPLETED');
  given(history(...toCompleted()))
    .when(verifyCompletion('2028-06-11'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'COMPLETED' } });
});

t.test('RecordSiteInspection in any supervised state (T16)', async (t) => {
  given(history(...toGranted()))
    .when(inspect('i1', '2026-03-01', 'AD_HOC'))
    .then(t, [
      {
        type: 'SiteInspectionRecorded',
        data: {
          inspectionId: 'i1',
          inspectedOn: '2026-03-01',
          kind: 'AD_HOC',
          inspectorId: 'inspector-7',
          findings: 'site fenced',
          photoRefs: [],
        },
      },
    ]);
  given(history(...toCompleted()))
    .when(inspect('i9', '2028-06-12', 'COMPLETION_ACCEPTANCE'))
    .thenMatches(t, [{ type: 'SiteInspectionRecorded' }]);
  given(history(...toGranted(), inspect('i1', '2026-03-01')))
    .when(inspect('i1', '2026-03-02'))
    .thenRejects(t, { code: 'DUPLICATE_INSPECTION' });
  given(history(...toGranted()))
    .when(inspect('i1', '2026-03-01', 'RANDOM' as InspectionKind))
    .thenRejects(t, { code: 'INSPECTION_KIND_INVALID', rule: 'T16' });
  given(history(...toGranted()))
    .when(inspect('i1', '2026-02-01'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY' });
  given([])
    .when(inspect('i1', '2026-03-01'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
  const revoked = history(
    ...toGranted(),
    command('RevokeGrant', { revokedOn: '2026-03-01', provincialApprovalRef: 'x', reason: 'r' }, '2026-03-01'),
  );
  given(revoked)
    .when(inspect('i1', '2026-03-02'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'REVOKED' } });
});
