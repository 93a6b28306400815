import t from 'tap';
import { fold } from '../../../src/domain/decider.js';
import { DomainError } from '../../../src/domain/errors.js';
import { evolveParcel, parcelDecider } from '../../../src/domain/parcel/index.js';
import type { ParcelCommand, ParcelEvent, ParcelState } from '../../../src/domain/parcel/index.js';
import { closeCase, confirmIdle, deregister, issueRecovery, openA, serveNotice } from './fixtures/idle.js';
import { given, history, stateOf, stored } from './fixtures/spec.js';
import { fileRecord, prepareRecord } from './fixtures/records.js';
import {
  certify,
  command,
  confirmDeal,
  declareCompletion,
  declareStart,
  deliver,
  HALF,
  issueAllocation,
  pay,
  signTransfer,
  toCertified,
  verifyCompletion,
  verifyStart,
} from './fixtures/parcel.js';

const lifecycle = (): ParcelCommand[] => [
  confirmDeal(),
  signTransfer({ signedOn: '2026-02-27' }, '2026-02-27'),
  pay(1, HALF, '2026-03-25', 'p1'),
  command('ServePaymentDemand', { demandId: 'd1', instalmentNo: 2, servedOn: '2027-02-21' }, '2027-02-21'),
  deliver('2026-04-03'),
  command(
    'RecordSiteInspection',
    { inspectionId: 'i1', inspectedOn: '2026-04-03', kind: 'AD_HOC', inspectorId: 'x' },
    '2026-04-03',
  ),
  command(
    'RequestExtension',
    { requestId: 'r1', kind: 'START', requestedOn: '2026-06-01', requestedDate: '2026-12-01', reason: 'rain' },
    '2026-06-01',
  ),
  command(
    'DecideExtension',
    { requestId: 'r1', decision: 'APPROVE', decidedOn: '2026-06-10', approvalRef: 'a' },
    '2026-06-10',
  ),
  pay(2, HALF, '2027-03-02', 'p2'),
  certify('2027-03-05'),
  command('RecordSitePublicity', { postedOn: '2027-03-20' }, '2027-03-20'),
  declareStart('2027-03-25', '2027-03-26'),
  verifyStart('2027-03-30'),
  declareCompletion('2028-10-01', '2028-10-08'),
  verifyCompletion('2028-10-10'),
];

t.test('folding the same events twice gives deep-equal states', async (t) => {
  const events = history(...lifecycle());
  t.equal(events.length, 17, 'two payments were late: 15 commands, 17 events');
  t.same(stateOf(events), stateOf(events));
  t.same(fold(parcelDecider, stored(events)), fold(parcelDecider, stored(events)), 'with store ids too');
  t.equal(stateOf(events).status, 'COMPLETED');
  const idle = history(...toCertified(), openA(), serveNotice(), confirmIdle(), issueRecovery(), deregister());
  t.same(stateOf(idle), stateOf(idle), 'idle case through recovery');
  t.same(
    stateOf([...idle]),
    stateOf(idle.map((e) => JSON.parse(JSON.stringify(e)) as ParcelEvent)),
    'events survive a JSON round trip',
  );
});

t.test('the status follows the lifecycle (§3.1)', async (t) => {
  const statuses: string[] = [];
  let state: ParcelState = parcelDecider.initialState();
  for (const c of lifecycle()) {
    for (const e of parcelDecider.decide(c, state)) state = parcelDecider.evolve(state, e);
    if (statuses[statuses.length - 1] !== state.status) statuses.push(state.status);
  }
  t.same(statuses, ['DEAL_CONCLUDED', 'GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED', 'COMPLETED']);
});

t.test('store event ids are kept as deadline anchors', async (t) => {
  const events = stored(history(...lifecycle()));
  const state = stateOf(events);
  if (!('facts' in state)) return t.fail('granted');
  const f = state.facts;
  const idOf = (type: ParcelEvent['type'], nth = 0) => events.filter((e) => e.type === type)[nth]?.id;
  t.equal(f.dealEventId, idOf('DealConfirmed'));
  t.equal(f.dealConfirmedOn, '2026-02-10');
  t.equal(f.grantEventId, idOf('TransferContractSigned'));
  t.equal(f.grantedOn, '2026-02-27');
  t.same(
    f.payments.map((p) => [p.paymentId, p.paidOn, p.eventId]),
    [
      ['p1', '2026-03-25', idOf('PaymentReceived', 0)],
      ['p2', '2027-03-02', idOf('PaymentReceived', 1)],
    ],
  );
  t.same(
    f.lateDamages.map((d) => [d.paymentId, d.daysLate, d.damagesFen, d.eventId]),
    [
      ['p1', 5, 577_500, idOf('LatePaymentDamagesAssessed', 0)],
      ['p2', 10, 1_155_000, idOf('LatePaymentDamagesAssessed', 1)],
    ],
  );
  t.same(f.paymentDemands, [
    { demandId: 'd1', instalmentNo: 2, servedOn: '2027-02-21', eventId: idOf('PaymentDemandServed') },
  ]);
  t.equal(f.deliveryEventId, idOf('LandDeliveryConfirmed'));
  t.equal(f.deliveredOn, '2026-04-03');
  t.equal(f.certificateEventId, idOf('LandApprovalCertificateIssued'));
  t.equal(f.sitePublicityEventId, idOf('SitePublicityPosted'));
  t.same(f.inspections, [
    {
      inspectionId: 'i1',
      inspectedOn: '2026-04-03',
      kind: 'AD_HOC',
      eventId: idOf('SiteInspectionRecorded'),
      handedOverOn: null,
      handOverEventId: null,
    },
  ]);
  t.same(f.start, {
    declaredOn: '2027-03-26',
    declaredDate: '2027-03-25',
    declarationEventId: idOf('ConstructionStartDeclared'),
    verifiedOn: '2027-03-30',
    verificationEventId: idOf('ConstructionStartVerified'),
    actualDate: '2027-03-25',
    uploadedOn: null,
    uploadEventId: null,
  });
  t.equal(f.completion.verificationEventId, idOf('CompletionVerified'));
  t.match(f.schedule, {
    originalStart: '2026-09-01',
    agreedStart: '2026-12-01',
    agreedCompletion: '2028-12-01',
    changes: [{ reference: 'r1', eventId: idOf('ExtensionApproved') }],
  });
  const unstored = stateOf(history(...lifecycle()));
  t.equal('facts' in unstored ? unstored.facts.grantEventId : 'x', null, 'null when the event was never stored');
});

t.test('evolve ignores events that do not apply', async (t) => {
  const granted = stateOf(history(signTransfer()));
  const fresh = parcelDecider.initialState();
  const sample = history(...toCertified());
  const delivery = sample.find((e) => e.type === 'LandDeliveryConfirmed');
  const deal = history(confirmDeal())[0];
  if (delivery === undefined || deal === undefined) return t.fail('fixtures');
  t.equal(evolveParcel(fresh, delivery), fresh, 'delivery on a new parcel');
  t.equal(evolveParcel(granted, deal), granted, 'deal on a granted parcel');
  const certified = stateOf(sample);
  t.equal(evolveParcel(certified, delivery), certified, 'second delivery');
  const wrongApproval: ParcelEvent = {
    type: 'ExtensionApproved',
    data: {
      policyVersion: 'x',
      calendarVersion: 'y',
      provisional: false,
      requestId: 'nope',
      kind: 'START',
      decidedOn: '2026-05-01',
      approvalRef: 'a',
      previousStart: '2026-09-01',
      previousCompletion: '2028-09-01',
      agreedStart: '2027-01-01',
      agreedCompletion: '2029-01-01',
      shiftDays: 122,
      maxDate: '2027-09-01',
    },
  };
  t.same(evolveParcel(granted, wrongApproval), granted, 'approval of an unknown request');
  const feePaid: ParcelEvent = {
    type: 'IdleFeePaid',
    data: { caseId: 'c', paidOn: '2027-01-01', amountFen: 1, late: false },
  };
  t.same(evolveParcel(granted, feePaid), granted, 'fee paid without a case');
  const sla = { policyVersion: 'x', calendarVersion: 'y', provisional: false, dueDate: '2026-04-03', late: false };
  const unknownPayment: ParcelEvent = {
    type: 'PaymentInfoRecorded',
    data: { ...sla, paymentId: 'nope', recordedOn: '2026-03-25', voucherRefs: [] },
  };
  t.same(evolveParcel(granted, unknownPayment), granted, 'payment info for an unknown payment');
  const demand: ParcelEvent = {
    type: 'DeliveryDemandServed',
    data: {
      policyVersion: 'x',
      calendarVersion: 'y',
      provisional: false,
      demandId: 'dd',
      servedOn: '2026-04-05',
      contractDeliveryDate: '2026-04-01',
      daysLate: 4,
      terminationThresholdDate: '2026-05-31',
    },
  };
  t.equal(evolveParcel(certified, demand), certified, 'delivery demand after delivery');
  const upload: ParcelEvent = {
    type: 'DeclarationUploaded',
    data: { ...sla, kind: 'START', uploadedOn: '2026-09-01' },
  };
  t.same(evolveParcel(certified, upload), certified, 'upload of a declaration not verified');
  const withdrawal: ParcelEvent = {
    type: 'IdleLandPublicationWithdrawn',
    data: { caseId: 'c', withdrawnOn: '2027-01-01', disposalCompletedOn: '2026-12-31' },
  };
  t.same(evolveParcel(granted, withdrawal), granted, 'withdrawal without a case');
  const ended: ParcelEvent = {
    type: 'TemporaryUseEnded',
    data: { caseId: 'c', endedOn: '2027-01-01', endsBy: '2028-01-01', late: false },
  };
  t.same(evolveParcel(granted, ended), granted, 'temporary use ended without a case');
});

const samples = (): ParcelCommand[] => [
  confirmDeal(),
  command('AbortSupply', { abortedOn: '2026-03-05', reason: 'r' }, '2026-03-05'),
  signTransfer(),
  issueAllocation(),
  pay(1, 1, '2026-03-20'),
  command('ServePaymentDemand', { demandId: 'd', instalmentNo: 1, servedOn: '2026-04-01' }, '2026-04-01'),
  command(
    'TerminateContract',
    { instalmentNo: 1, terminatedOn: '2026-06-01', reason: 'r', governmentApprovalRef: 'g' },
    '2026-06-01',
  ),
  command('RevokeGrant', { revokedOn: '2026-06-01', reason: 'r', provincialApprovalRef: 'p' }, '2026-06-01'),
  deliver(),
  certify(),
  command('RecordSitePublicity', { postedOn: '2026-05-01' }, '2026-05-01'),
  declareStart(),
  verifyStart(),
  declareCompletion(),
  verifyCompletion(),
  command(
    'RecordSiteInspection',
    { inspectionId: 'i', inspectedOn: '2026-05-01', kind: 'PERIODIC', inspectorId: 'x' },
    '2026-05-01',
  ),
  command(
    'RequestExtension',
    { requestId: 'r', kind: 'START', requestedOn: '2026-05-01', requestedDate: '2026-12-01', reason: 'r' },
    '2026-05-01',
  ),
  command(
    'DecideExtension',
    { requestId: 'r', decision: 'REJECT', decidedOn: '2026-05-02', reason: 'r' },
    '2026-05-02',
  ),
  openA(),
  serveNotice(),
  command('SubmitIdleMaterials', { submittedOn: '2027-10-01', summary: 's' }, '2027-10-01'),
  command(
    'AcceptGovernmentCause',
    { acceptedOn: '2027-10-20', cause: 'PETITIONS', disposal: 'OTHER', agreementRef: 'a' },
    '2027-10-20',
  ),
  confirmIdle(),
  command(
    'IssueIdleFeeDecision',
    { decisionNo: 'z', servedOn: '2027-11-01', governmentApprovalRef: 'g' },
    '2027-11-01',
  ),
  command('RecordIdleFeePayment', { paidOn: '2027-11-20', amountFen: 1 }, '2027-11-20'),
  issueRecovery(),
  deregister(),
  closeCase('2028-10-01'),
  command('ExtractTrackingCard', { extractedOn: '2026-03-02', trackingCardNo: 'GZK-1' }, '2026-03-02'),
  command('AssignPatrolTask', { assignedOn: '2026-03-02', officeId: 'office-1', inspectorIds: ['x'] }, '2026-03-02'),
  prepareRecord('2026-03-02'),
  fileRecord('2026-03-02', 'BA-1'),
  command('RecordPaymentInfo', { paymentId: 'p', recordedOn: '2026-03-25' }, '2026-03-25'),
  command('UploadDeclaration', { kind: 'START', uploadedOn: '2026-09-01' }, '2026-09-01'),
  command('HandOverInspectionRecord', { inspectionId: 'i', handedOverOn: '2026-05-02' }, '2026-05-02'),
  command('ServeDeliveryDemand', { demandId: 'dd', servedOn: '2026-04-05' }, '2026-04-05'),
  command('PublishIdleLand', { publishedOn: '2027-10-20', channels: ['portal'] }, '2027-10-20'),
  command('WithdrawIdleLandPublication', { caseId: 'idle-1', withdrawnOn: '2028-10-01' }, '2028-10-01'),
  command('EndTemporaryUse', { caseId: 'idle-1', endedOn: '2028-01-01' }, '2028-01-01'),
];

t.test('terminal states reject every command with INVALID_STATE', async (t) => {
  t.equal(new Set(samples().map((c) => c.type)).size, 39, 'one sample per command');
  const terminal: Record<string, ParcelEvent[]> = {
    SUPPLY_ABORTED: history(
      confirmDeal(),
      command('AbortSupply', { abortedOn: '2026-03-03', reason: 'r' }, '2026-03-03'),
    ),
    TERMINATED: history(
      signTransfer(),
      command('ServePaymentDemand', { demandId: 'd', instalmentNo: 1, servedOn: '2026-04-01' }, '2026-04-01'),
      command(
        'TerminateContract',
        { instalmentNo: 1, terminatedOn: '2026-05-20', governmentApprovalRef: 'g', reason: 'r' },
        '2026-05-20',
      ),
    ),
    REVOKED: history(
      signTransfer(),
      command('RevokeGrant', { revokedOn: '2026-03-01', provincialApprovalRef: 'p', reason: 'r' }, '2026-03-01'),
    ),
    RECOVERED: history(...toCertified(), openA(), serveNotice(), confirmIdle(), issueRecovery(), deregister()),
  };
  for (const [status, events] of Object.entries(terminal)) {
    t.equal(stateOf(events).status, status);
    // A recovered parcel's idle-land publication is still withdrawn (T26, tested in records-idle).
    const applicable = samples().filter((c) => !(status === 'RECOVERED' && c.type === 'WithdrawIdleLandPublication'));
    for (const sample of applicable)
      given(events)
        .when(sample)
        .thenRejects(t, { code: 'INVALID_STATE', details: { status } }, `${sample.type} in ${status}`);
  }
  const grantCommands = new Set(['ConfirmDeal', 'SignTransferContract', 'IssueAllocationDecision']);
  for (const sample of samples().filter((c) => !grantCommands.has(c.type))) {
    given([])
      .when(sample)
      .thenRejects(t, { code: 'INVALID_STATE', details: { status: 'NEW' } }, `${sample.type} on a new parcel`);
  }
});

t.test('the decider reads time only from the command', async (t) => {
  const c = { ...pay(1, HALF, '2026-03-20'), context: { now: '2026-03-20T10:00:00', actor: { id: 'a', role: 'r' } } };
  t.throws(
    () => parcelDecider.decide(c, stateOf(history(signTransfer()))),
    DomainError,
    'an instant without offset is refused',
  );
  // 2026-03-19T16:30Z is already 2026-03-20 in Shanghai.
  const late = {
    ...pay(1, HALF, '2026-03-20'),
    context: { now: '2026-03-19T16:30:00Z', actor: { id: 'a', role: 'r' } },
  };
  t.equal(parcelDecider.decide(late, stateOf(history(signTransfer())))[0]?.type, 'PaymentReceived');
});
