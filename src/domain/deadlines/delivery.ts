/**
 * Delivery family: T09 grantor's delivery, T10 site publicity (where the policy sets it), and
 * the start-window validators T11 / T11b / T11c exposed as their latest allowed dates.
 */
import { PARCEL_DATES } from '../parcel/rules/dates.js';
import {
  agreedStartAnchor,
  anchorAt,
  isOneOf,
  LIVE,
  NOT_STARTED,
  obligation,
  obligationIfSet,
  ON_THE_DAY,
} from './build.js';
import type { RuleInput } from './build.js';
import type { Anchor, Obligation } from './types.js';

/** T09 (E3): while the land is not delivered; the termination right exists under a contract only. */
const grantorDelivery = ({ status, facts, policy }: RuleInput): Obligation[] => {
  if (status !== 'GRANTED') return [];
  const agreed = anchorAt(facts.terms.deliveryDate, facts.grantEventId);
  const list = [
    obligation(
      {
        ruleId: 'T09',
        kind: 'deadline',
        anchor: agreed,
        period: ON_THE_DAY,
        direction: 'after',
        // A date fixed in the contract is not a period, so it does not roll.
        roll: false,
        subject: 'delivery',
        description: 'Grantor delivers the land (交地); damages accrue from the next day',
      },
      policy,
    ),
  ];
  if (facts.grantKind !== 'TRANSFER') return list;
  const demand = facts.deliveryDemands[0];
  return [
    ...list,
    obligation(
      {
        ruleId: 'T09',
        kind: 'threshold',
        anchor: agreed,
        date: PARCEL_DATES.deliveryTerminationThreshold,
        subject: 'termination',
        description:
          'Grantee may terminate after this date (double deposit) if the land is still not delivered after a demand' +
          (demand === undefined ? ' (no demand served yet)' : ` (demand served ${demand.servedOn})`),
      },
      policy,
    ),
  ];
};

/** T10 (S4 §十一): only where the jurisdiction sets a period; fulfilled once the publicity is posted. */
const sitePublicity = ({ status, facts, policy }: RuleInput): Obligation[] => {
  if (!isOneOf(status, LIVE) || facts.certificateIssuedOn === null || facts.sitePublicityPostedOn !== null) return [];
  return obligationIfSet(
    {
      ruleId: 'T10',
      kind: 'deadline',
      anchor: anchorAt(facts.certificateIssuedOn, facts.certificateEventId),
      date: PARCEL_DATES.sitePublicityDue,
      description: 'Land user posts the site publicity of the approval certificate (建设用地批准书)',
    },
    policy,
  );
};

/** The actual delivery once confirmed (the rules' anchor), else the contract's delivery date. */
const deliveryAnchor = ({ facts }: RuleInput): Anchor =>
  facts.deliveredOn === null
    ? anchorAt(facts.terms.deliveryDate, facts.grantEventId)
    : anchorAt(facts.deliveredOn, facts.deliveryEventId);

/** T11 (S4 §十二): latest agreed start, normally and at most, while not started. */
const startWindow = (input: RuleInput): Obligation[] => {
  if (!isOneOf(input.status, NOT_STARTED)) return [];
  const anchor = deliveryAnchor(input);
  return [
    ...obligationIfSet(
      {
        ruleId: 'T11',
        kind: 'limit',
        anchor,
        date: PARCEL_DATES.startWindowNormal,
        subject: 'normal',
        description: 'Start of construction normally no later than this date',
      },
      input.policy,
    ),
    ...obligationIfSet(
      {
        ruleId: 'T11',
        kind: 'limit',
        anchor,
        date: PARCEL_DATES.startWindowMax,
        subject: 'max',
        description: 'Start of construction never later than this date',
      },
      input.policy,
    ),
  ];
};

// Sub-classes 1–3 of 07 are commodity housing; 4 (affordable) and 5 (low-rent) are not (S3-A3 note 6).
const COMMODITY_HOUSING = [1, 2, 3];

/** T11b (E6) and T11c (E3), residential land only. */
const housingLimits = (input: RuleInput): Obligation[] => {
  const { status, facts, policy } = input;
  const use = facts.terms.landUse;
  if (use.code !== '07') return [];
  const list: Obligation[] = [];
  if (isOneOf(status, NOT_STARTED)) {
    list.push(
      ...obligationIfSet(
        {
          ruleId: 'T11b',
          kind: 'limit',
          anchor: deliveryAnchor(input),
          date: PARCEL_DATES.housingStartLimit,
          subject: 'start',
          description: 'Housing: start no later than this date after delivery',
        },
        policy,
      ),
    );
  }
  if (status === 'STARTED' && facts.start.actualDate !== null) {
    list.push(
      ...obligationIfSet(
        {
          ruleId: 'T11b',
          kind: 'limit',
          anchor: anchorAt(facts.start.actualDate, facts.start.verificationEventId),
          date: PARCEL_DATES.housingCompletionLimit,
          subject: 'completion',
          description: 'Housing: completion no later than this date after the actual start',
        },
        policy,
      ),
    );
  }
  if (
    isOneOf(status, LIVE) &&
    use.residentialSubclass !== null &&
    COMMODITY_HOUSING.includes(use.residentialSubclass)
  ) {
    list.push(
      ...obligationIfSet(
        {
          ruleId: 'T11c',
          kind: 'limit',
          anchor: agreedStartAnchor(facts),
          date: PARCEL_DATES.housingCompletionLimit,
          description: 'Commodity housing: development period ends no later than this date (in principle)',
        },
        policy,
      ),
    );
  }
  return list;
};

export const deliveryObligations = (input: RuleInput): Obligation[] => [
  ...grantorDelivery(input),
  ...sitePublicity(input),
  ...startWindow(input),
  ...housingLimits(input),
];
