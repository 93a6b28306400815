/**
 * PARCEL_COMMANDS: every example passes its schema (and, for the grant commands, the decider
 * on a plausible history); malformed bodies are refused at the path of the offending field.
 */
import t from 'tap';
import { PARCEL_COMMANDS, parcelDecider } from '../../../src/domain/parcel/index.js';
import type { CommandOf, ParcelCommandType } from '../../../src/domain/parcel/index.js';
import { at } from './fixtures/parcel.js';
import { given, history } from './fixtures/spec.js';

const types = Object.keys(PARCEL_COMMANDS) as ParcelCommandType[];

/** The command with the table's example as its data, recorded on `now`. */
const example = <T extends ParcelCommandType>(type: T, now: string): CommandOf<T> =>
  ({
    type,
    data: PARCEL_COMMANDS[type].schema.parse(PARCEL_COMMANDS[type].example),
    context: { now: at(now), actor: { id: 'officer-1', role: 'GRANTOR_ADMIN' } },
  }) as CommandOf<T>;

/** The distinct paths of the issues (one field may break several checks). */
const pathOf = (type: ParcelCommandType, body: unknown): unknown[] => {
  const result = PARCEL_COMMANDS[type].schema.safeParse(body);
  const paths = result.success ? [] : result.error.issues.map((issue) => JSON.stringify(issue.path));
  return [...new Set(paths)].map((path) => JSON.parse(path) as unknown);
};

t.test('the table lists the 44 commands, each with a summary naming its rule', async (t) => {
  t.equal(types.length, 44);
  for (const type of types)
    t.match(PARCEL_COMMANDS[type].summary, /\((?:[§A-Z]|T\d)/, `${type} names a DOMAIN.md rule`);
});

t.test('every example passes its schema', async (t) => {
  for (const type of types) {
    const result = PARCEL_COMMANDS[type].schema.safeParse(PARCEL_COMMANDS[type].example);
    t.ok(result.success, `${type}: ${result.success ? 'ok' : JSON.stringify(result.error.issues)}`);
  }
});

t.test('only the commands that start a parcel create a stream; those name it by parcelId', async (t) => {
  const creating = types.filter((type) => PARCEL_COMMANDS[type].creates);
  t.same(creating.sort(), ['ConfirmDeal', 'IssueAllocationDecision', 'SignTransferContract']);
  t.same(types.filter((type) => 'idField' in PARCEL_COMMANDS[type]).sort(), creating.sort());
  for (const type of creating) t.equal(PARCEL_COMMANDS[type].idField, 'parcelId');
});

t.test('the grant examples pass the decider (Nanjing, 2026)', async (t) => {
  given([])
    .when(example('ConfirmDeal', '2026-03-10'))
    .thenMatches(t, [{ type: 'DealConfirmed', data: { signingDeadline: '2026-03-24' } }]);
  const deal = history(example('ConfirmDeal', '2026-03-10'));
  given(deal)
    .when(example('SignTransferContract', '2026-03-20'))
    .thenMatches(t, [
      { type: 'TransferContractSigned', data: { supervisionNo: '3201002026B00017', dealConfirmedOn: '2026-03-10' } },
    ]);
  given([])
    .when(example('IssueAllocationDecision', '2026-03-20'))
    .thenMatches(t, [{ type: 'AllocationDecisionIssued', data: { grantedOn: '2026-03-20' } }]);
  given([])
    .when(example('SignTransferContract', '2026-03-20'))
    .thenMatches(t, [{ type: 'TransferContractSigned' }], '协议出让: no deal first');
  const granted = history(...deal, example('SignTransferContract', '2026-03-20'));
  t.equal(parcelDecider.initialState().status, 'NEW');
  given(granted)
    .when(example('RevokeGrant', '2026-06-15'))
    .thenMatches(t, [{ type: 'GrantRevoked' }]);
});

t.test('malformed bodies are refused at the field', async (t) => {
  const sign = PARCEL_COMMANDS.SignTransferContract.example;
  t.same(
    pathOf('ConfirmLandDelivery', { deliveredOn: '2026-02-30', confirmationNo: 'JD-1' }),
    [['deliveredOn']],
    'no 30 February',
  );
  t.same(pathOf('ConfirmLandDelivery', { deliveredOn: '2026/05/06', confirmationNo: 'JD-1' }), [['deliveredOn']]);
  t.same(
    pathOf('RecordPayment', { paymentId: 'p1', instalmentNo: 1, amountFen: -5, paidOn: '2026-04-17' }),
    [['amountFen']],
    'negative fen',
  );
  t.same(
    pathOf('RecordPayment', { paymentId: 'p1', instalmentNo: 1, amountFen: 1.5, paidOn: '2026-04-17' }),
    [['amountFen']],
    'fractions of a fen',
  );
  t.same(
    pathOf('SignTransferContract', { ...sign, greenRatio: '35%' }),
    [['greenRatio']],
    'a ratio is a fraction, not a percentage',
  );
  t.same(
    pathOf('SignTransferContract', { ...sign, landUse: { code: '07', residentialSubclass: null } }),
    [['landUse', 'residentialSubclass']],
    'V10',
  );
  t.same(pathOf('SignTransferContract', { ...sign, landUse: { code: '12', residentialSubclass: null } }), [
    ['landUse', 'code'],
  ]);
  t.same(pathOf('SignTransferContract', { ...sign, areaHa: '12.34567' }), [['areaHa']], 'at most 4 decimals');
  t.same(
    pathOf('SignTransferContract', {
      ...sign,
      instalments: [sign.instalments[0], { no: 2, dueDate: '2027-13-01', amountFen: 115_500_000 }],
    }),
    [['instalments', 1, 'dueDate']],
  );
  t.same(
    pathOf('VerifyStart', { verifiedOn: '2026-11-04', outcome: 'REJECTED' }),
    [['reason']],
    'a rejection states its reason',
  );
  t.same(pathOf('DecideExtension', { requestId: 'r1', decision: 'APPROVE', decidedOn: '2026-09-08' }), [
    ['approvalRef'],
  ]);
  t.same(
    pathOf('RecordSiteInspection', { inspectionId: 'i1', inspectedOn: '2026-11-02', kind: 'WEEKLY', inspectorId: 'x' }),
    [['kind']],
  );
  t.same(
    pathOf('OpenIdleCase', { caseId: 'c1', type: 'B', suspectedOn: '2027-11-05' }),
    [['typeB']],
    'type B needs its facts',
  );
  t.same(pathOf('AssignPatrolTask', { assignedOn: '2026-03-27', officeId: 'o1', inspectorIds: [] }), [
    ['inspectorIds'],
  ]);
  const { requestedOn: _dropped, ...undated } = PARCEL_COMMANDS.RequestExtension.example;
  t.same(pathOf('RequestExtension', undated), [['requestedOn']], 'an application carries its own date');
});
