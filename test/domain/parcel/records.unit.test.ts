import t from 'tap';
import { SEED_VERSION as CALENDAR_VERSION } from '../../../src/domain/working-calendar/seed-calendar.js';
import type { ParcelEvent } from '../../../src/domain/parcel/index.js';
import { given, history, stateOf, stored } from './fixtures/spec.js';
import {
  assignTask,
  extractCard,
  fileRecord,
  handOver,
  prepareRecord,
  inspect,
  recordInfo,
  upload,
} from './fixtures/records.js';
import {
  command,
  confirmDeal,
  HALF,
  pay,
  toCertified,
  toCompleted,
  toDelivered,
  toGranted,
  toStarted,
} from './fixtures/parcel.js';

const JS_VERSIONS = { policyVersion: 'CN-JS-2026.1', calendarVersion: CALENDAR_VERSION, provisional: false };
const revoked = () =>
  history(
    ...toGranted(),
    command('RevokeGrant', { revokedOn: '2026-03-01', provincialApprovalRef: 'p', reason: 'r' }, '2026-03-01'),
  );
const factsOf = (events: readonly ParcelEvent[]) => {
  const state = stateOf(events);
  if (!('facts' in state)) throw new Error(`not granted: ${state.status}`);
  return state.facts;
};

t.test('ExtractTrackingCard (T02): 10 wd after the contract of 2026-02-26, Feb 28 (Sat) worked', async (t) => {
  given(history(...toGranted()))
    .when(extractCard())
    .then(t, [
      {
        type: 'TrackingCardExtracted',
        data: {
          ...JS_VERSIONS,
          dueDate: '2026-03-11',
          late: false,
          extractedOn: '2026-03-05',
          trackingCardNo: 'GZK-1',
        },
      },
    ]);
  given(history(...toGranted()))
    .when(extractCard('2026-03-12'))
    .thenMatches(
      t,
      [{ type: 'TrackingCardExtracted', data: { dueDate: '2026-03-11', late: true } }],
      'late is flagged, not refused',
    );
  given(history(...toCompleted()))
    .when(extractCard('2028-06-11'))
    .thenMatches(t, [{ type: 'TrackingCardExtracted' }], 'still recorded after completion');
  given(history(...toGranted(), extractCard()))
    .when(extractCard('2026-03-06'))
    .thenRejects(t, { code: 'TRACKING_CARD_ALREADY_EXTRACTED', rule: 'T02' });
  given(history(...toGranted()))
    .when(extractCard('2026-02-25'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'extractedOn', rule: 'T02' });
  given(history(...toGranted()))
    .when(command('ExtractTrackingCard', { extractedOn: '2026-03-06', trackingCardNo: 'GZK-1' }, '2026-03-05'))
    .thenRejects(t, {
      code: 'DATE_IN_FUTURE',
      field: 'extractedOn',
    });
  given(history(...toGranted()))
    .when(extractCard('2026-03-05', ' '))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'trackingCardNo' });
  given([])
    .when(extractCard())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
  given(history(confirmDeal()))
    .when(extractCard())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'DEAL_CONCLUDED' } });
  given(revoked())
    .when(extractCard())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'REVOKED' } });
});

t.test('AssignPatrolTask (T02): to a local office and its named inspectors', async (t) => {
  given(history(...toGranted()))
    .when(assignTask())
    .then(t, [
      {
        type: 'PatrolTaskAssigned',
        data: {
          ...JS_VERSIONS,
          dueDate: '2026-03-11',
          late: false,
          assignedOn: '2026-03-06',
          officeId: 'office-gulou',
          inspectorIds: ['inspector-7', 'inspector-8'],
        },
      },
    ]);
  given(history(...toGranted(), assignTask()))
    .when(assignTask('2026-03-07'))
    .thenRejects(t, { code: 'PATROL_TASK_ALREADY_ASSIGNED', rule: 'T02' });
  given(history(...toGranted()))
    .when(assignTask('2026-03-06', { officeId: '' }))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'officeId' });
  given(history(...toGranted()))
    .when(assignTask('2026-03-06', { inspectorIds: [] }))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'inspectorIds' });
  given(history(...toGranted()))
    .when(assignTask('2026-03-06', { inspectorIds: ['a', ''] }))
    .thenRejects(t, { code: 'FIELD_INVALID', field: 'inspectorIds' });
  given(history(...toGranted()))
    .when(assignTask('2026-02-20'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', rule: 'T02' });
  given([])
    .when(assignTask())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
});

t.test('FileSupplyRecord (T03): 10 cd, 2026-03-08 (Sun) rolls to Monday', async (t) => {
  given(history(...toGranted(), prepareRecord()))
    .when(fileRecord())
    .thenMatches(t, [
      {
        type: 'SupplyRecordFiled',
        data: {
          ...JS_VERSIONS,
          dueDate: '2026-03-09',
          late: false,
          filedOn: '2026-03-06',
          filingRef: 'BA-3201-2026-017',
        },
      },
    ]);
  given(history(...toGranted(), prepareRecord()))
    .when(fileRecord('2026-03-10'))
    .thenMatches(t, [{ type: 'SupplyRecordFiled', data: { late: true } }]);
  given(history(...toGranted(), prepareRecord(), fileRecord()))
    .when(fileRecord('2026-03-07', 'BA-2'))
    .thenRejects(t, { code: 'SUPPLY_RECORD_ALREADY_FILED', rule: 'T03' });
  given(history(...toGranted(), prepareRecord()))
    .when(fileRecord('2026-03-06', ''))
    .thenRejects(t, { code: 'FIELD_REQUIRED', field: 'filingRef' });
  given(history(...toGranted(), prepareRecord()))
    .when(fileRecord('2026-02-25'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'filedOn', rule: 'T03' });
  given(history(confirmDeal()))
    .when(fileRecord())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'DEAL_CONCLUDED' } });
  given(revoked())
    .when(fileRecord())
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'REVOKED' } });
});

t.test('RecordPaymentInfo (T05): per payment, 10 wd after it (before Qingming)', async (t) => {
  const paid = history(...toGranted(), pay(1, HALF, '2026-03-20'));
  given(paid)
    .when(recordInfo('pay-1-2026-03-20', '2026-03-25', ['voucher-1']))
    .then(t, [
      {
        type: 'PaymentInfoRecorded',
        data: {
          ...JS_VERSIONS,
          dueDate: '2026-04-03',
          late: false,
          paymentId: 'pay-1-2026-03-20',
          recordedOn: '2026-03-25',
          voucherRefs: ['voucher-1'],
        },
      },
    ]);
  given(paid)
    .when(recordInfo('pay-1-2026-03-20', '2026-04-07'))
    .thenMatches(t, [{ type: 'PaymentInfoRecorded', data: { late: true, voucherRefs: [] } }]);
  given(paid)
    .when(recordInfo('pay-9', '2026-03-25'))
    .thenRejects(t, { code: 'PAYMENT_NOT_FOUND', field: 'paymentId', rule: 'T05' });
  given(history(...paid, recordInfo('pay-1-2026-03-20', '2026-03-25')))
    .when(recordInfo('pay-1-2026-03-20', '2026-03-26'))
    .thenRejects(t, {
      code: 'PAYMENT_INFO_ALREADY_RECORDED',
      field: 'paymentId',
      rule: 'T05',
    });
  given(paid)
    .when(recordInfo('pay-1-2026-03-20', '2026-03-19'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'recordedOn', rule: 'T05' });
  given(paid)
    .when(recordInfo('pay-1-2026-03-20', '2026-03-25', [' ']))
    .thenRejects(t, { code: 'FIELD_INVALID', field: 'voucherRefs' });
  given([])
    .when(recordInfo('pay-1', '2026-03-25'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
});

t.test('UploadDeclaration (T14): 10 wd after the verification', async (t) => {
  // Start verified on Fri 2026-08-28: Aug 31 … Sep 11 are ten working days.
  given(history(...toStarted()))
    .when(upload('START', '2026-09-01'))
    .then(t, [
      {
        type: 'DeclarationUploaded',
        data: { ...JS_VERSIONS, dueDate: '2026-09-11', late: false, kind: 'START', uploadedOn: '2026-09-01' },
      },
    ]);
  given(history(...toStarted()))
    .when(upload('START', '2026-09-14'))
    .thenMatches(t, [{ type: 'DeclarationUploaded', data: { late: true } }]);
  // Completion verified on 2028-06-10: 2028 has no holiday notice, so the due date is provisional.
  given(history(...toCompleted()))
    .when(upload('COMPLETION', '2028-06-12'))
    .then(t, [
      {
        type: 'DeclarationUploaded',
        data: {
          ...JS_VERSIONS,
          provisional: true,
          dueDate: '2028-06-23',
          late: false,
          kind: 'COMPLETION',
          uploadedOn: '2028-06-12',
        },
      },
    ]);
  given(history(...toStarted()))
    .when(upload('COMPLETION', '2026-09-01'))
    .thenRejects(t, { code: 'DECLARATION_NOT_VERIFIED', field: 'kind', rule: 'T14' });
  given(history(...toStarted(), upload('START', '2026-09-01')))
    .when(upload('START', '2026-09-02'))
    .thenRejects(t, {
      code: 'DECLARATION_ALREADY_UPLOADED',
      rule: 'T14',
    });
  given(history(...toStarted()))
    .when(upload('START', '2026-08-27'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'uploadedOn', rule: 'T14' });
  given(history(...toStarted()))
    .when(upload('MIDDLE' as 'START', '2026-09-01'))
    .thenRejects(t, { code: 'FIELD_INVALID', field: 'kind' });
  given(history(...toCertified()))
    .when(upload('START', '2026-09-01'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'CERTIFIED' } });
});

t.test('HandOverInspectionRecord (T15): 5 wd, May 1–5 off and May 9 (Sat) worked', async (t) => {
  const inspected = history(...toDelivered(), inspect('i-1', '2026-04-30'));
  given(inspected)
    .when(handOver('i-1', '2026-05-08'))
    .then(t, [
      {
        type: 'InspectionRecordHandedOver',
        data: { ...JS_VERSIONS, dueDate: '2026-05-11', late: false, inspectionId: 'i-1', handedOverOn: '2026-05-08' },
      },
    ]);
  given(inspected)
    .when(handOver('i-1', '2026-05-12'))
    .thenMatches(t, [{ type: 'InspectionRecordHandedOver', data: { late: true } }]);
  given(inspected)
    .when(handOver('i-2', '2026-05-08'))
    .thenRejects(t, { code: 'INSPECTION_NOT_FOUND', field: 'inspectionId', rule: 'T15' });
  given(history(...inspected, handOver('i-1', '2026-05-08')))
    .when(handOver('i-1', '2026-05-09'))
    .thenRejects(t, {
      code: 'INSPECTION_ALREADY_HANDED_OVER',
      rule: 'T15',
    });
  given(inspected)
    .when(handOver('i-1', '2026-04-29'))
    .thenRejects(t, { code: 'DATE_TOO_EARLY', field: 'handedOverOn', rule: 'T15' });
  given([])
    .when(handOver('i-1', '2026-05-08'))
    .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } });
});

t.test('the record facts keep their dates and store ids', async (t) => {
  const events = stored(
    history(
      ...toStarted(),
      extractCard(),
      assignTask(),
      prepareRecord(),
      fileRecord(),
      recordInfo('pay-1-2026-03-20', '2026-09-01'),
      upload('START', '2026-09-01'),
      inspect('i-1', '2026-09-02'),
      handOver('i-1', '2026-09-03'),
    ),
  );
  const idOf = (type: ParcelEvent['type']) => events.find((e) => e.type === type)?.id;
  const f = factsOf(events);
  t.same(
    [f.trackingCardExtractedOn, f.trackingCardEventId, f.patrolTaskAssignedOn, f.patrolTaskEventId],
    ['2026-03-05', idOf('TrackingCardExtracted'), '2026-03-06', idOf('PatrolTaskAssigned')],
  );
  t.same(
    [f.supplyRecordFiledOn, f.supplyRecordFilingRef, f.supplyRecordEventId],
    ['2026-03-06', 'BA-3201-2026-017', idOf('SupplyRecordFiled')],
  );
  t.same(
    f.payments.map((p) => [p.paymentId, p.infoRecordedOn, p.infoRecordedEventId]),
    [
      ['pay-1-2026-03-20', '2026-09-01', idOf('PaymentInfoRecorded')],
      ['pay-2-2026-04-08', null, null],
    ],
  );
  t.same(
    [f.start.uploadedOn, f.start.uploadEventId, f.completion.uploadedOn],
    ['2026-09-01', idOf('DeclarationUploaded'), null],
  );
  t.match(f.inspections, [
    { inspectionId: 'i-1', handedOverOn: '2026-09-03', handOverEventId: idOf('InspectionRecordHandedOver') },
  ]);
  const rejected = history(
    ...toCertified(),
    command(
      'DeclareStart',
      { declarationNo: 'D', declaredOn: '2026-08-25', startedOn: '2026-08-20', constructionPermitNo: 'S' },
      '2026-08-25',
    ),
  );
  t.same(
    [factsOf(rejected).start.uploadedOn, factsOf(rejected).start.uploadEventId],
    [null, null],
    'a declaration starts without an upload',
  );
});
