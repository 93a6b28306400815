import t from 'tap';
import { obligationsOf } from '../../../src/domain/deadlines/index.js';
import { JIANGSU_POLICY, NATIONAL_POLICY } from '../../../src/domain/policy/index.js';
import {
  allocation,
  certify,
  deliver,
  dueOf,
  HA,
  HALF,
  JS,
  only,
  pay,
  pick,
  postPublicity,
  run,
  start,
  stateOf,
  transfer,
} from './fixtures/parcel.js';

t.test('T09: the grantor delivers on the contract date; grantee may terminate after 60 cd', async (t) => {
  const list = obligationsOf(stateOf(transfer()), NATIONAL_POLICY);
  t.match(only(list, 'T09', 'delivery'), {
    dueDate: '2026-04-01',
    kind: 'deadline',
    anchorDate: '2026-04-01',
    anchorEventId: 'TransferContractSigned#0',
  });
  t.match(only(list, 'T09', 'termination'), { dueDate: '2026-05-31', kind: 'threshold', unit: 'cd' });
  t.same(
    pick(obligationsOf(stateOf(transfer(), deliver('2026-04-20')), NATIONAL_POLICY), 'T09'),
    [],
    'gone once delivered',
  );
  const allocated = obligationsOf(stateOf(allocation()), NATIONAL_POLICY);
  t.same(
    pick(allocated, 'T09').map((o) => o.subject),
    ['delivery'],
    'no contractual termination right under an allocation',
  );
});

const jiangsuCertified = (jurisdiction: string) =>
  run(
    transfer({ jurisdiction }),
    pay(1, HALF, '2026-03-20'),
    deliver('2026-04-01'),
    pay(2, HALF, '2026-04-08'),
    certify('2026-04-10'),
  );

t.test('T10: site publicity within 30 cd of the certificate, in Jiangsu only', async (t) => {
  const { state, events } = jiangsuCertified(JS);
  t.equal(events[4]?.type, 'LandApprovalCertificateIssued');
  const list = obligationsOf(state, JIANGSU_POLICY);
  // 2026-05-10 is a Sunday (May 9, the Saturday before, is the worked one): rolls to Monday.
  t.match(only(list, 'T10'), {
    dueDate: '2026-05-11',
    kind: 'deadline',
    unit: 'cd',
    anchorDate: '2026-04-10',
    anchorEventId: 'LandApprovalCertificateIssued#4',
  });
  const posted = stateOf(
    ...[
      transfer({ jurisdiction: JS }),
      pay(1, HALF, '2026-03-20'),
      deliver(),
      pay(2, HALF, '2026-04-08'),
      certify('2026-04-10'),
      postPublicity('2026-04-20'),
    ],
  );
  t.same(pick(obligationsOf(posted, JIANGSU_POLICY), 'T10'), [], 'gone once posted');
  t.same(
    pick(obligationsOf(jiangsuCertified(HA).state, NATIONAL_POLICY), 'T10'),
    [],
    'no national site-publicity period',
  );
});

const deliveredLateAugust = (deliveredOn: string) =>
  run(
    transfer({
      jurisdiction: JS,
      signedOn: '2025-08-01',
      instalments: [
        { no: 1, dueDate: '2025-08-20', amountFen: HALF },
        { no: 2, dueDate: '2026-07-31', amountFen: HALF },
      ],
      deliveryDate: '2025-08-31',
      agreedStart: '2026-02-28',
      agreedCompletion: '2028-02-28',
    }),
    deliver(deliveredOn),
  );

t.test('T11 (Jiangsu): latest start 6 months / 1 year after the actual delivery', async (t) => {
  const { state } = deliveredLateAugust('2025-08-31');
  const list = obligationsOf(state, JIANGSU_POLICY);
  t.match(
    only(list, 'T11', 'normal'),
    { dueDate: '2026-02-28', unit: 'month', kind: 'limit', anchorEventId: 'LandDeliveryConfirmed#1' },
    'Aug 31 + 6 m clamps to Feb 28',
  );
  t.equal(dueOf(list, 'T11', 'max'), '2026-08-31');
  const late = obligationsOf(deliveredLateAugust('2025-09-15').state, JIANGSU_POLICY);
  t.same(
    [dueOf(late, 'T11', 'normal'), dueOf(late, 'T11', 'max')],
    ['2026-03-15', '2026-09-15'],
    'late delivery moves the window',
  );
  const beforeDelivery = obligationsOf(stateOf(transfer({ jurisdiction: JS })), JIANGSU_POLICY);
  t.match(
    only(beforeDelivery, 'T11', 'normal'),
    { dueDate: '2026-10-01', anchorDate: '2026-04-01', anchorEventId: 'TransferContractSigned#0' },
    'contract delivery date until delivered',
  );
  t.same(pick(obligationsOf(stateOf(transfer()), NATIONAL_POLICY), 'T11'), [], 'no national start window');
});

const housing = (residentialSubclass: 1 | 2 | 3 | 4 | 5) =>
  transfer({ landUse: { code: '07', residentialSubclass }, termYears: 70 });

t.test('T11b / T11c: housing start and completion limits (national)', async (t) => {
  const list = obligationsOf(stateOf(housing(3)), NATIONAL_POLICY);
  t.equal(dueOf(list, 'T11b', 'start'), '2027-04-01', 'contract delivery + 1 y');
  t.equal(dueOf(list, 'T11b', 'completion'), undefined, 'not started yet');
  t.match(only(list, 'T11c'), { dueDate: '2029-09-01', unit: 'year', anchorDate: '2026-09-01' }, 'agreed start + 3 y');
  const started = obligationsOf(
    stateOf(housing(3), deliver('2026-04-01'), ...start('2026-08-20', '2026-08-25')),
    NATIONAL_POLICY,
  );
  t.equal(dueOf(started, 'T11b', 'start'), undefined);
  t.match(
    only(started, 'T11b', 'completion'),
    { dueDate: '2029-08-20', anchorEventId: 'ConstructionStartVerified#3' },
    'actual start + 3 y',
  );
  t.same(
    pick(obligationsOf(stateOf(housing(4)), NATIONAL_POLICY), 'T11c'),
    [],
    'affordable housing is not commodity housing',
  );
  t.same(pick(obligationsOf(stateOf(transfer()), NATIONAL_POLICY), 'T11b'), [], 'commercial land');
});
