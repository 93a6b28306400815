/**
 * The parcel rules read termination approval and the E18 term maxima from the shared Policy
 * (no local constants): a pinned policy with other values changes the decisions.
 */
import t from 'tap';
import { DomainError } from '../../../src/domain/errors.js';
import { createParcelDecider } from '../../../src/domain/parcel/index.js';
import type { ParcelCommand, ParcelState } from '../../../src/domain/parcel/index.js';
import { JIANGSU_POLICY } from '../../../src/domain/policy/index.js';
import type { Policy } from '../../../src/domain/policy/index.js';
import { command, signTransfer } from './fixtures/parcel.js';

const custom: Policy = {
  ...JIANGSU_POLICY,
  version: 'CN-JS-TEST',
  terminationRequiresGovernmentApproval: false,
  maxLandUseTermYears: { ...JIANGSU_POLICY.maxLandUseTermYears, '07': 50 },
};
const decider = createParcelDecider({ policyFor: () => custom });

const run = (...commands: ParcelCommand[]): ParcelState =>
  commands.reduce(
    (state, c) => decider.decide(c, state).reduce((s, e) => decider.evolve(s, e), state),
    decider.initialState(),
  );

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError)
      return `${error.code} ${JSON.stringify(error.details['max'] ?? '')}`.replace(/"/g, '').trim();
    throw error;
  }
};

t.test('E18 term maximum from policy.maxLandUseTermYears', async (t) => {
  t.equal(
    codeOf(() => run(signTransfer({ termYears: 70 }))),
    'TERM_TOO_LONG 50',
    'residential capped at the policy’s 50',
  );
  t.equal(run(signTransfer({ termYears: 50 })).status, 'GRANTED');
});

t.test('termination approval from policy.terminationRequiresGovernmentApproval', async (t) => {
  const overdue = [
    signTransfer({ termYears: 50 }),
    command('ServePaymentDemand', { demandId: 'd1', instalmentNo: 1, servedOn: '2026-04-01' }, '2026-04-01'),
  ];
  const terminate = command(
    'TerminateContract',
    { instalmentNo: 1, terminatedOn: '2026-05-20', reason: 'unpaid' },
    '2026-05-20',
  );
  t.equal(run(...overdue, terminate).status, 'TERMINATED', 'no government approval needed under this policy');
});
