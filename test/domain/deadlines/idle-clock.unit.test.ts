import t from 'tap';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import {
  approveExtension,
  cmd,
  deliver,
  dueOf,
  only,
  requestExtension,
  run,
  stateOf,
  transfer,
} from './fixtures/parcel.js';

// The standard transfer: contract delivery 2026-04-01, agreed start 2026-09-01 (fixtures/parcel.ts).

t.test('delivered on time: the type-A clocks run from the agreed start', async (t) => {
  const list = obligationsOf(stateOf(transfer(), deliver('2026-04-01')), NATIONAL_POLICY);
  t.match(only(list, 'T19'), {
    dueDate: '2027-09-01',
    anchorDate: '2026-09-01',
    anchorEventId: 'TransferContractSigned#0',
  });
  t.equal(dueOf(list, 'T24', 'recovery'), '2028-09-01');
});

t.test('delivered 70 days late (§5.2(1)): both clocks shift by 70 days, anchored on the delivery', async (t) => {
  const list = obligationsOf(stateOf(transfer(), deliver('2026-06-10')), NATIONAL_POLICY);
  t.match(only(list, 'T19'), {
    dueDate: '2027-11-10',
    anchorDate: '2026-11-10',
    anchorEventId: 'LandDeliveryConfirmed#1',
  });
  t.equal(dueOf(list, 'T24', 'recovery'), '2028-11-10');
});

t.test('not delivered: no idle clock runs, however late', async (t) => {
  const list = obligationsOf(stateOf(transfer()), NATIONAL_POLICY);
  t.equal(dueOf(list, 'T19'), undefined);
  t.equal(dueOf(list, 'T24', 'recovery'), undefined);
});

t.test('a start agreed after the late delivery already accounts for it: no second shift', async (t) => {
  const list = obligationsOf(
    stateOf(
      transfer(),
      deliver('2026-06-10'),
      requestExtension('START', '2026-12-01', '2026-07-15'),
      approveExtension('2026-07-20'),
    ),
    NATIONAL_POLICY,
  );
  t.match(only(list, 'T19'), { dueDate: '2027-12-01', anchorEventId: 'ExtensionApproved#3' });
});

t.test('the decider measures OpenIdleCase (type A) from the same shifted start', async (t) => {
  const late = [transfer(), deliver('2026-06-10')];
  t.throws(
    () => run(...late, cmd('OpenIdleCase', { caseId: 'IC-1', type: 'A', suspectedOn: '2027-09-05' })),
    { code: 'IDLE_THRESHOLD_NOT_REACHED' },
    'one year after the unshifted start is too early',
  );
  const { events } = run(...late, cmd('OpenIdleCase', { caseId: 'IC-1', type: 'A', suspectedOn: '2027-11-10' }));
  t.match(events.at(-1), { type: 'IdleSuspected', data: { thresholdDate: '2027-11-10' } });
  t.throws(
    () => run(transfer(), cmd('OpenIdleCase', { caseId: 'IC-1', type: 'A', suspectedOn: '2031-12-31' })),
    { code: 'IDLE_THRESHOLD_NOT_REACHED' },
    'land never delivered is never idle through the holder',
  );
});
