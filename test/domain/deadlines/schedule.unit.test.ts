import t from 'tap';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { JIANGSU_POLICY, NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import {
  approveExtension,
  complete,
  deliver,
  dueOf,
  HALF,
  inspect,
  JS,
  only,
  pick,
  requestExtension,
  run,
  start,
  stateOf,
  transfer,
} from './fixtures/parcel.js';

t.test('T12 / T13: reminders 30 cd before the agreed dates, even on a Sunday', async (t) => {
  const list = obligationsOf(stateOf(transfer()), NATIONAL_POLICY);
  t.match(only(list, 'T12'), {
    dueDate: '2026-08-02',
    kind: 'reminder',
    unit: 'cd',
    anchorDate: '2026-09-01',
    anchorEventId: 'TransferContractSigned#0',
  });
  t.match(only(list, 'T13'), { dueDate: '2028-08-02', anchorDate: '2028-09-01' });
});

t.test('an approved extension moves T12, T13, T16, T17, T19 and T24 but not T18', async (t) => {
  const before = obligationsOf(stateOf(transfer(), deliver('2026-04-01')), NATIONAL_POLICY);
  t.same(
    ['T12', 'T13', 'T19', 'T24'].map((r) => dueOf(before, r as 'T12')),
    ['2026-08-02', '2028-08-02', '2027-09-01', '2028-09-01'],
  );
  const { state, events } = run(
    transfer(),
    deliver('2026-04-01'),
    requestExtension('START', '2026-12-01', '2026-07-15'),
    approveExtension('2026-07-20'),
  );
  t.equal(events[3]?.type, 'ExtensionApproved');
  const list = obligationsOf(state, NATIONAL_POLICY);
  // Start moves 91 days to 2026-12-01; completion shifts equally to 2028-12-01 (E3).
  t.match(only(list, 'T12'), { dueDate: '2026-11-01', anchorDate: '2026-12-01', anchorEventId: 'ExtensionApproved#3' });
  t.match(only(list, 'T13'), { dueDate: '2028-11-01', anchorDate: '2028-12-01', anchorEventId: 'ExtensionApproved#3' });
  t.equal(dueOf(list, 'T17', 'start'), '2026-11-01');
  t.equal(dueOf(list, 'T17', 'completion'), '2028-11-01');
  t.equal(dueOf(list, 'T16', 'AGREED_START'), '2026-12-01');
  t.match(only(list, 'T19'), { dueDate: '2027-12-01', anchorEventId: 'ExtensionApproved#3' });
  t.equal(dueOf(list, 'T24', 'recovery'), '2028-12-01');
  t.match(
    only(list, 'T18', 'start'),
    { dueDate: '2027-09-01', anchorDate: '2026-09-01', anchorEventId: 'TransferContractSigned#0' },
    'measured from the original date',
  );
  t.equal(dueOf(list, 'T18', 'completion'), '2029-09-01');
});

t.test('a pending extension request fulfils T17 for its kind only', async (t) => {
  const list = obligationsOf(
    stateOf(transfer(), requestExtension('START', '2026-12-01', '2026-07-15')),
    NATIONAL_POLICY,
  );
  t.equal(dueOf(list, 'T17', 'start'), undefined);
  t.equal(dueOf(list, 'T17', 'completion'), '2028-08-02');
  t.equal(dueOf(list, 'T12'), '2026-08-02', 'dates unchanged until approved');
});

t.test('T17: Jiangsu counts 30 wd before the expiry, the model contract 30 cd before the start', async (t) => {
  const js = obligationsOf(stateOf(transfer({ jurisdiction: JS, agreedStart: '2026-10-12' })), JIANGSU_POLICY);
  t.match(only(js, 'T17', 'start'), { dueDate: '2026-08-25', unit: 'wd', kind: 'deadline', anchorDate: '2026-10-12' });
  const cn = obligationsOf(stateOf(transfer({ agreedStart: '2026-10-12' })), NATIONAL_POLICY);
  t.match(
    only(cn, 'T17', 'start'),
    { dueDate: '2026-09-12', unit: 'cd' },
    'a Saturday: a "before" limit does not roll',
  );
  const early = stateOf(
    transfer({
      jurisdiction: JS,
      signedOn: '2025-12-01',
      instalments: [
        { no: 1, dueDate: '2025-12-20', amountFen: HALF },
        { no: 2, dueDate: '2026-11-30', amountFen: HALF },
      ],
      deliveryDate: '2025-12-15',
      agreedStart: '2026-03-02',
      agreedCompletion: '2028-03-02',
    }),
  );
  t.equal(
    dueOf(obligationsOf(early, JIANGSU_POLICY), 'T17', 'start'),
    '2026-01-13',
    'back across the Spring Festival and New Year',
  );
});

t.test('started: start rules give way to T14 and the actual-start inspection', async (t) => {
  const { state } = run(transfer(), deliver(), ...start('2026-09-20', '2026-09-24'));
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.match(only(list, 'T14', 'start'), {
    dueDate: '2026-10-15',
    unit: 'wd',
    kind: 'sla',
    anchorDate: '2026-09-24',
    anchorEventId: 'ConstructionStartVerified#3',
  });
  t.match(only(list, 'T16', 'ACTUAL_START'), {
    dueDate: '2026-09-20',
    kind: 'inspection',
    anchorEventId: 'ConstructionStartVerified#3',
  });
  for (const [rule, subject] of [
    ['T12', undefined],
    ['T17', 'start'],
    ['T18', 'start'],
    ['T19', undefined],
    ['T24', undefined],
  ] as const) {
    t.same(pick(list, rule, subject), [], `${rule} ${subject ?? ''} gone`);
  }
  t.equal(dueOf(list, 'T13'), '2028-08-02', 'completion reminder still open');
  t.equal(dueOf(list, 'T16', 'AGREED_START'), '2026-09-01', 'the agreed-start inspection is still due');
});

t.test('T15: inspection records handed over within 5 wd (May 9 Sat is worked)', async (t) => {
  const list = obligationsOf(stateOf(transfer(), inspect('I-1', '2026-04-30', 'PERIODIC')), NATIONAL_POLICY);
  t.match(only(list, 'T15', 'I-1'), {
    dueDate: '2026-05-11',
    unit: 'wd',
    anchorDate: '2026-04-30',
    anchorEventId: 'SiteInspectionRecorded#1',
  });
});

t.test('T16: an inspection of the kind fulfils the point, until the date is changed', async (t) => {
  const started = [transfer(), deliver(), ...start('2026-08-20', '2026-08-25')];
  const inspected = obligationsOf(
    stateOf(...started, inspect('I-1', '2026-09-01', 'AGREED_START'), inspect('I-2', '2026-08-21', 'ACTUAL_START')),
    NATIONAL_POLICY,
  );
  t.same(
    pick(inspected, 'T16').map((o) => `${o.subject} ${o.dueDate}`),
    ['AGREED_COMPLETION 2028-09-01'],
  );
  const moved = obligationsOf(
    stateOf(
      ...started,
      inspect('I-3', '2028-06-01', 'AGREED_COMPLETION'),
      requestExtension('COMPLETION', '2029-03-01', '2028-07-01'),
      approveExtension('2028-07-10'),
    ),
    NATIONAL_POLICY,
  );
  t.equal(dueOf(moved, 'T16', 'AGREED_COMPLETION'), '2029-03-01', 'inspected before the new date was agreed');
  t.equal(dueOf(moved, 'T13'), '2029-01-30');
});

t.test('completed: completion-acceptance inspection and T14 for the completion declaration', async (t) => {
  const { state } = run(
    transfer(),
    deliver(),
    ...start('2026-08-20', '2026-08-25'),
    ...complete('2028-06-01', '2028-06-10'),
  );
  const list = obligationsOf(state, NATIONAL_POLICY);
  t.match(only(list, 'T14', 'completion'), {
    dueDate: '2028-06-23',
    provisional: true,
    anchorEventId: 'CompletionVerified#5',
  });
  t.equal(dueOf(list, 'T16', 'COMPLETION_ACCEPTANCE'), '2028-06-01');
  t.same(
    [...pick(list, 'T13'), ...pick(list, 'T17'), ...pick(list, 'T18')],
    [],
    'no completion reminder or extension once completed',
  );
  const inspected = obligationsOf(
    stateOf(
      transfer(),
      deliver(),
      ...start('2026-08-20', '2026-08-25'),
      ...complete('2028-06-01', '2028-06-10'),
      inspect('I-9', '2028-06-12', 'COMPLETION_ACCEPTANCE'),
    ),
    NATIONAL_POLICY,
  );
  t.equal(dueOf(inspected, 'T16', 'COMPLETION_ACCEPTANCE'), undefined);
});
