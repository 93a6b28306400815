import t from 'tap';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import type { TypeBProgress } from '../../../src/domain/deadlines/index.js';
import { NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import { deliver, dueOf, lines, only, pick, run, start, stateOf, transfer } from './fixtures/parcel.js';
import {
  acceptCause,
  closeCase,
  confirmIdle,
  deregister,
  investigated,
  issueFee,
  issueRecovery,
  leapDayParcel,
  openCase,
  payFee,
  publishIdle,
  serveNotice,
} from './fixtures/idle.js';

const IDLE_RULES = new Set(['T19', 'T20', 'T21', 'T22', 'T23', 'T24', 'T25', 'T26']);
const idleLines = (list: ReturnType<typeof obligationsOf>): string[] =>
  lines(list.filter((o) => IDLE_RULES.has(o.ruleId)));

t.test('leap day: agreed start 2024-02-29 → idle 1 y on 2025-02-28, free recovery 2 y on 2026-02-28', async (t) => {
  const list = obligationsOf(stateOf(...leapDayParcel()), NATIONAL_POLICY);
  t.match(only(list, 'T19'), {
    dueDate: '2025-02-28',
    unit: 'year',
    kind: 'threshold',
    anchorDate: '2024-02-29',
    anchorEventId: 'TransferContractSigned#0',
  });
  t.match(only(list, 'T24', 'recovery'), { dueDate: '2026-02-28', unit: 'year', kind: 'threshold' });
});

t.test('the idle case step by step: T21, T22, T26, T23, T24', async (t) => {
  const suspected = obligationsOf(stateOf(...leapDayParcel(), openCase()), NATIONAL_POLICY);
  // 2025-08-31 is a Sunday.
  t.same(idleLines(suspected), ['2025-09-01 T21:IC-1', '2026-02-28 T24:recovery'], 'T19 is fulfilled by the open case');
  t.match(only(suspected, 'T21'), {
    kind: 'deadline',
    unit: 'cd',
    anchorDate: '2025-08-01',
    anchorEventId: 'IdleSuspected#2',
  });

  const noticed = obligationsOf(stateOf(...leapDayParcel(), openCase(), serveNotice('2025-09-04')), NATIONAL_POLICY);
  // 2025-10-04 falls in the National Day break (Oct 1–8): the period ends on Oct 9.
  t.match(only(noticed, 'T22'), {
    dueDate: '2025-10-09',
    anchorDate: '2025-09-04',
    anchorEventId: 'IdleInvestigationNoticeServed#3',
  });
  t.same(pick(noticed, 'T21'), []);

  t.same(
    idleLines(obligationsOf(stateOf(...investigated()), NATIONAL_POLICY)),
    ['2026-02-28 T24:recovery'],
    'materials submitted',
  );

  const confirmed = [...investigated(), confirmIdle()];
  t.match(only(obligationsOf(stateOf(...confirmed), NATIONAL_POLICY), 'T26', 'IC-1:publish'), {
    dueDate: '2025-10-20',
    anchorEventId: 'IdleLandConfirmed#5',
  });

  const levied = [...confirmed, issueFee()];
  t.match(only(obligationsOf(stateOf(...levied), NATIONAL_POLICY), 'T23'), {
    dueDate: '2025-12-03',
    anchorEventId: 'IdleFeeDecisionIssued#6',
  });

  const paid = [...levied, payFee()];
  t.same(idleLines(obligationsOf(stateOf(...paid), NATIONAL_POLICY)), [
    '2025-10-20 T26:IC-1:publish',
    '2026-02-28 T24:recovery',
  ]);

  const recovering = [...paid, issueRecovery()];
  const recoveringList = obligationsOf(stateOf(...recovering), NATIONAL_POLICY);
  t.same(idleLines(recoveringList), ['2025-10-20 T26:IC-1:publish', '2026-04-01 T24:deregistration']);
  t.match(only(recoveringList, 'T24', 'deregistration'), {
    kind: 'deadline',
    anchorEventId: 'RecoveryDecisionIssued#8',
  });

  const recovered = stateOf(...recovering, deregister());
  t.equal(recovered.status, 'RECOVERED');
  t.same(
    lines(obligationsOf(recovered, NATIONAL_POLICY)),
    [],
    'never published: nothing to publish or withdraw once disposed of',
  );

  // Published while the disposal ran: the withdrawal is due on deregistration, anchored on it.
  const published = [...recovering.slice(0, 6), publishIdle(), ...recovering.slice(6)];
  const { state, events } = run(...published, deregister());
  t.equal(events.at(-1)?.type, 'RightDeregistered');
  const withdrawal = only(obligationsOf(state, NATIONAL_POLICY), 'T26', 'IC-1:withdraw');
  t.match(withdrawal, { dueDate: '2026-03-20', anchorDate: '2026-03-20', anchorEventId: events.at(-1)?.id });
  t.same(
    lines(obligationsOf(state, NATIONAL_POLICY)),
    ['2026-03-20 T26:IC-1:withdraw'],
    'only the publication withdrawal is left',
  );
});

t.test('government cause, temporary use: T25 runs 2 y, the idle clock is suspended', async (t) => {
  const accepted = [...investigated(), acceptCause({ temporaryUseStartedOn: '2025-11-01' })];
  const list = obligationsOf(stateOf(...accepted), NATIONAL_POLICY);
  t.same(idleLines(list), ['2027-11-01 T25']);
  t.match(only(list, 'T25'), {
    kind: 'limit',
    unit: 'year',
    anchorDate: '2025-11-01',
    anchorEventId: 'GovernmentCauseAccepted#5',
  });
  t.same(
    idleLines(obligationsOf(stateOf(...accepted, closeCase('2025-12-01')), NATIONAL_POLICY)),
    ['2027-11-01 T25'],
    'still suspended after closing',
  );
});

t.test('government cause, extended start: the idle clocks re-run from the new start', async (t) => {
  const { state, events } = run(
    ...investigated(),
    acceptCause({ disposal: 'EXTEND_START', newAgreedStart: '2026-06-01' }),
    closeCase('2025-12-01'),
  );
  t.equal(events[5]?.type, 'GovernmentCauseAccepted');
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.match(only(list, 'T19'), {
    dueDate: '2027-06-01',
    anchorDate: '2026-06-01',
    anchorEventId: 'GovernmentCauseAccepted#5',
  });
  t.equal(dueOf(list, 'T24', 'recovery'), '2028-06-01');
  t.equal(dueOf(list, 'T12'), '2026-05-02', 'the reminders follow too');
});

t.test('a case closed as not idle fulfils detection at that threshold', async (t) => {
  const list = obligationsOf(stateOf(...leapDayParcel(), openCase(), closeCase('2025-08-15')), NATIONAL_POLICY);
  t.same(idleLines(list), []);
});

t.test('T20: type-B detection from patrol evidence passed in options', async (t) => {
  const started = stateOf(transfer(), deliver(), ...start('2026-08-20', '2026-08-25'));
  const progress: TypeBProgress = {
    haltedSince: '2026-10-01',
    haltedEventId: 'patrol-7',
    developedAreaHa: '2.0000',
    areaToDevelopHa: '12.3456',
    investedFen: 200_000_000,
  };
  const list = obligationsOf(started, NATIONAL_POLICY, { typeBProgress: progress });
  t.match(
    only(list, 'T20'),
    { dueDate: '2027-10-01', unit: 'year', kind: 'threshold', anchorEventId: 'patrol-7' },
    'developed area below 1/3',
  );
  const enough = { ...progress, developedAreaHa: '5.0000' };
  t.same(
    pick(obligationsOf(started, NATIONAL_POLICY, { typeBProgress: enough }), 'T20'),
    [],
    '5 ha ≥ 1/3 of 12.3456 ha and 40 % invested',
  );
  const underInvested = { ...enough, investedFen: 100_000_000 };
  t.equal(
    dueOf(obligationsOf(started, NATIONAL_POLICY, { typeBProgress: underInvested }), 'T20'),
    '2027-10-01',
    '20 % invested',
  );
  t.same(pick(obligationsOf(started, NATIONAL_POLICY), 'T20'), [], 'no evidence, no detection');
  t.same(
    pick(obligationsOf(stateOf(transfer()), NATIONAL_POLICY, { typeBProgress: progress }), 'T20'),
    [],
    'not started: type A applies',
  );
});
