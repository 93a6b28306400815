/**
 * Obligations fulfilled by a record-keeping act disappear once the act is recorded (T02, T03,
 * T05, T14, T15, T25, T26), and every listed obligation names the stored event it is anchored on.
 */
import t from 'tap';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import type { ParcelCommand } from '../../../src/domain/parcel/index.js';
import {
  cmd,
  complete,
  deliver,
  dueOf,
  HALF,
  inspect,
  only,
  pay,
  pick,
  run,
  start,
  stateOf,
  transfer,
} from './fixtures/parcel.js';
import {
  acceptCause,
  closeCase,
  confirmIdle,
  deregister,
  investigated,
  issueFee,
  issueRecovery,
  payFee,
  publishIdle,
} from './fixtures/idle.js';
import { fileRecord, prepareRecord } from '../parcel/fixtures/records.js';

const extract = cmd('ExtractTrackingCard', { extractedOn: '2026-03-03', trackingCardNo: 'GZK-1' });
const assign = cmd('AssignPatrolTask', {
  assignedOn: '2026-03-04',
  officeId: 'office-1',
  inspectorIds: ['inspector-1'],
});

t.test('T02 needs both the tracking card and the patrol task', async (t) => {
  t.match(only(obligationsOf(stateOf(transfer()), NATIONAL_POLICY), 'T02'), {
    dueDate: '2026-03-11',
    description: 'Extract the tracking card and assign the patrol task',
  });
  t.match(only(obligationsOf(stateOf(transfer(), extract), NATIONAL_POLICY), 'T02'), {
    dueDate: '2026-03-11',
    anchorEventId: 'TransferContractSigned#0',
    description: 'Assign the patrol task (tracking card extracted)',
  });
  t.match(only(obligationsOf(stateOf(transfer(), assign), NATIONAL_POLICY), 'T02'), {
    description: 'Extract the tracking card (patrol task assigned)',
  });
  t.same(pick(obligationsOf(stateOf(transfer(), extract, assign), NATIONAL_POLICY), 'T02'), []);
});

t.test('T03 is gone once the supply record is filed', async (t) => {
  t.equal(dueOf(obligationsOf(stateOf(transfer()), NATIONAL_POLICY), 'T03'), '2026-03-09');
  const filed = stateOf(transfer(), prepareRecord('2026-03-05'), fileRecord('2026-03-12', 'BA-1'));
  t.same(pick(obligationsOf(filed, NATIONAL_POLICY), 'T03'), [], 'even when filed late');
});

t.test('T05 per payment, until its information is entered', async (t) => {
  const paid = [transfer(), pay(1, HALF, '2026-03-20'), pay(2, HALF, '2026-04-08')];
  t.same(
    pick(obligationsOf(stateOf(...paid), NATIONAL_POLICY), 'T05').map((o) => o.subject),
    ['pay-1-2026-03-20', 'pay-2-2026-04-08'],
  );
  const entered = stateOf(
    ...paid,
    cmd('RecordPaymentInfo', { paymentId: 'pay-1-2026-03-20', recordedOn: '2026-03-25' }),
  );
  const list = obligationsOf(entered, NATIONAL_POLICY);
  t.same(
    pick(list, 'T05').map((o) => o.subject),
    ['pay-2-2026-04-08'],
  );
  t.match(only(list, 'T05', 'pay-2-2026-04-08'), { anchorEventId: 'PaymentReceived#2' });
});

t.test('T14 per declaration, until it is uploaded', async (t) => {
  const completed = [
    transfer(),
    deliver(),
    ...start('2026-08-20', '2026-08-25'),
    ...complete('2028-06-01', '2028-06-10'),
  ];
  t.same(
    pick(obligationsOf(stateOf(...completed), NATIONAL_POLICY), 'T14').map((o) => o.subject),
    ['start', 'completion'],
  );
  const startUploaded = stateOf(...completed, cmd('UploadDeclaration', { kind: 'START', uploadedOn: '2026-09-01' }));
  t.same(
    pick(obligationsOf(startUploaded, NATIONAL_POLICY), 'T14').map((o) => o.subject),
    ['completion'],
  );
  const both = stateOf(
    ...completed,
    cmd('UploadDeclaration', { kind: 'START', uploadedOn: '2026-09-01' }),
    cmd('UploadDeclaration', { kind: 'COMPLETION', uploadedOn: '2028-06-12' }),
  );
  t.same(pick(obligationsOf(both, NATIONAL_POLICY), 'T14'), []);
});

t.test('T15 per inspection record, until it is handed over', async (t) => {
  const inspected = [transfer(), inspect('I-1', '2026-04-30', 'PERIODIC'), inspect('I-2', '2026-05-06', 'AD_HOC')];
  const handed = stateOf(
    ...inspected,
    cmd('HandOverInspectionRecord', { inspectionId: 'I-1', handedOverOn: '2026-05-08' }),
  );
  const list = obligationsOf(handed, NATIONAL_POLICY);
  t.same(
    pick(list, 'T15').map((o) => o.subject),
    ['I-2'],
  );
  t.match(only(list, 'T15', 'I-2'), { anchorEventId: 'SiteInspectionRecorded#2' });
});

/** The leap-day idle case of fixtures/idle.ts, confirmed 2025-10-20. */
const confirmed = (): ParcelCommand[] => [...investigated(), confirmIdle()];
const T26 = (commands: readonly ParcelCommand[]) =>
  pick(obligationsOf(stateOf(...commands), NATIONAL_POLICY), 'T26').map((o) => o.subject);

t.test('T26: published while the disposal runs, withdrawn once it is done', async (t) => {
  t.same(T26(confirmed()), ['IC-1:publish']);
  const published = [...confirmed(), publishIdle()];
  t.same(T26(published), [], 'published: nothing due while the disposal runs');
  const fee = [...published, issueFee(), payFee(), closeCase('2025-11-28', 'fee paid')];
  const { state, events } = run(...fee);
  t.match(only(obligationsOf(state, NATIONAL_POLICY), 'T26', 'IC-1:withdraw'), {
    dueDate: '2025-11-28',
    anchorDate: '2025-11-28',
    anchorEventId: `IdleCaseClosed#${events.length - 1}`,
  });
  t.same(
    T26([...fee, cmd('WithdrawIdleLandPublication', { caseId: 'IC-1', withdrawnOn: '2025-11-28' })]),
    [],
    'withdrawn',
  );
  t.same(T26([...confirmed(), issueFee()]), ['IC-1:publish'], 'still to publish while levied');
});

t.test('T25 is gone once the temporary use ends', async (t) => {
  const accepted = [...investigated(), acceptCause({ temporaryUseStartedOn: '2025-11-01' })];
  t.equal(dueOf(obligationsOf(stateOf(...accepted), NATIONAL_POLICY), 'T25'), '2027-11-01');
  t.same(
    pick(
      obligationsOf(
        stateOf(...accepted, cmd('EndTemporaryUse', { caseId: 'IC-1', endedOn: '2026-06-30' })),
        NATIONAL_POLICY,
      ),
      'T25',
    ),
    [],
  );
  const closedThenEnded = stateOf(
    ...accepted,
    closeCase('2025-12-01'),
    cmd('EndTemporaryUse', { caseId: 'IC-1', endedOn: '2026-06-30' }),
  );
  t.same(pick(obligationsOf(closedThenEnded, NATIONAL_POLICY), 'T25'), [], 'also for a closed case');
});

t.test('T09: the grantee’s termination threshold names the delivery demand', async (t) => {
  const undelivered = obligationsOf(stateOf(transfer()), NATIONAL_POLICY);
  t.match(only(undelivered, 'T09', 'termination'), { dueDate: '2026-05-31', description: /\(no demand served yet\)$/ });
  const demanded = obligationsOf(
    stateOf(transfer(), cmd('ServeDeliveryDemand', { demandId: 'dd-1', servedOn: '2026-04-10' })),
    NATIONAL_POLICY,
  );
  t.match(only(demanded, 'T09', 'termination'), {
    dueDate: '2026-05-31',
    description: /\(demand served 2026-04-10\)$/,
  });
});

t.test('every obligation of a stored history names its anchor event', async (t) => {
  const histories: ParcelCommand[][] = [
    [
      transfer(),
      pay(1, HALF, '2026-03-20'),
      inspect('I-1', '2026-04-30', 'PERIODIC'),
      deliver(),
      ...start('2026-08-20', '2026-08-25'),
    ],
    [...confirmed(), publishIdle(), issueRecovery()],
    [...confirmed(), publishIdle(), issueRecovery(), deregister()],
  ];
  for (const commands of histories) {
    const { state, events } = run(...commands);
    const ids = new Set(events.map((e) => e.id));
    const list = obligationsOf(state, NATIONAL_POLICY);
    t.ok(list.length > 0, `${state.status}: obligations listed`);
    for (const o of list)
      t.ok(
        o.anchorEventId !== null && ids.has(o.anchorEventId),
        `${o.ruleId} ${o.subject ?? ''} anchored on ${o.anchorEventId ?? 'nothing'}`,
      );
  }
});
