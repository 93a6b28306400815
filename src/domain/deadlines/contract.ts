/**
 * Contract family: T01 (sign the contract after the deal), T02 (tracking card and patrol
 * task), T03 (supply filing).
 */
import { PARCEL_DATES } from '../parcel/rules/dates.js';
import type { DealFacts } from '../parcel/index.js';
import type { Policy } from '../policy/index.js';
import { anchorAt, isOneOf, obligation, SUPERVISED } from './build.js';
import type { RuleInput } from './build.js';
import type { Obligation } from './types.js';

/** T01 (S4 §十, E5): open while the deal waits for its contract. */
export const contractSigning = (deal: DealFacts, policy: Policy): Obligation[] => [
  obligation(
    {
      ruleId: 'T01',
      kind: 'deadline',
      anchor: anchorAt(deal.dealConfirmedOn, deal.dealEventId),
      date: PARCEL_DATES.signingDeadline,
      description: 'Sign the transfer contract (else supply aborted, deposit kept)',
    },
    policy,
  ),
];

/** What T02 still needs: both the tracking card and the patrol task (S0 §三(一)). */
const trackingSetupLeft = (facts: RuleInput['facts']): string | null => {
  const card = facts.trackingCardExtractedOn === null;
  const task = facts.patrolTaskAssignedOn === null;
  if (card && task) return 'Extract the tracking card and assign the patrol task';
  if (card) return 'Extract the tracking card (patrol task assigned)';
  if (task) return 'Assign the patrol task (tracking card extracted)';
  return null;
};

/** T02 (S0 §三(一)) and T03 (S3 §三) for a supervised parcel, each gone once recorded as done. */
export const grantFollowUp = ({ status, facts, policy }: RuleInput): Obligation[] => {
  if (!isOneOf(status, SUPERVISED)) return [];
  const grant = anchorAt(facts.grantedOn, facts.grantEventId);
  const list: Obligation[] = [];
  const left = trackingSetupLeft(facts);
  if (left !== null) {
    list.push(
      obligation(
        { ruleId: 'T02', kind: 'sla', anchor: grant, date: PARCEL_DATES.trackingSetupDue, description: left },
        policy,
      ),
    );
  }
  if (facts.supplyRecordFiledOn === null) {
    list.push(
      obligation(
        {
          ruleId: 'T03',
          kind: 'sla',
          anchor: grant,
          date: PARCEL_DATES.supplyFilingDue,
          description: 'File the supply record with the ministry and the province',
        },
        policy,
      ),
    );
  }
  return list;
};
