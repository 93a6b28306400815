/**
 * Idle-land family (§5, E1): T19 type-A detection, T21 investigation notice, T22 holder's
 * materials, T23 idle fee, T24 free recovery and deregistration, T25 temporary use, T26
 * publicity. T20 (type B) needs patrol evidence and lives in idle-type-b.ts.
 */
import { PARCEL_DATES } from '../parcel/rules/dates.js';
import type { IdleCase, ParcelFacts } from '../parcel/index.js';
import { idleClockStart } from '../parcel/rules/idle-clock.js';
import { anchorAt, isOneOf, NOT_STARTED, obligation, ON_THE_DAY, SUPERVISED } from './build.js';
import type { RuleInput } from './build.js';
import type { Anchor, Obligation } from './types.js';

type GovernmentCauseFacts = NonNullable<IdleCase['governmentCause']>;

const allCases = (facts: ParcelFacts): IdleCase[] => [
  ...facts.closedIdleCases,
  ...(facts.idleCase === null ? [] : [facts.idleCase]),
];

/** The most recently accepted government cause of any case, open or closed. */
const latestGovernmentCause = (facts: ParcelFacts): GovernmentCauseFacts | null =>
  allCases(facts).reduce<GovernmentCauseFacts | null>((latest, c) => {
    const cause = c.governmentCause;
    return cause !== null && (latest === null || cause.acceptedOn >= latest.acceptedOn) ? cause : latest;
  }, null);

/**
 * §5.2/§5.3: after a government cause the start clock runs again only from a newly agreed
 * start; until one is agreed (re-agreement or a later extension), type-A clocks are suspended.
 */
const clockSuspended = (facts: ParcelFacts): boolean => {
  const cause = latestGovernmentCause(facts);
  if (cause === null) return false;
  return !facts.schedule.changes.some((c) => c.changedOn >= cause.acceptedOn && c.agreedStart !== c.previousStart);
};

/** The type-A clock's start (../parcel/rules/idle-clock.ts: shifted by a late delivery), null while none runs. */
const idleClockAnchor = (facts: ParcelFacts): Anchor | null => {
  const start = idleClockStart(facts);
  return start.date === null ? null : anchorAt(start.date, start.eventId);
};

/** T19 (E1 Art 2 ¶1): open until a case is opened for this agreed start. */
const typeADetection = ({ status, facts, policy }: RuleInput): Obligation[] => {
  if (!isOneOf(status, NOT_STARTED) || facts.idleCase !== null || clockSuspended(facts)) return [];
  const anchor = idleClockAnchor(facts);
  if (anchor === null) return [];
  const found = obligation(
    {
      ruleId: 'T19',
      kind: 'threshold',
      anchor,
      date: PARCEL_DATES.idleTypeAThreshold,
      description: 'Not started one year after the agreed start: suspected idle land (type A)',
    },
    policy,
  );
  // A case already opened and closed at this threshold (e.g. found not idle) fulfilled it.
  const handled = facts.closedIdleCases.some((c) => c.type === 'A' && c.thresholdDate === found.dueDate);
  return handled ? [] : [found];
};

/** T24 threshold (E1 Art 14(2)): while not started and no recovery decided in an open type-A case. */
const recoveryThreshold = (input: RuleInput, detectionOpen: boolean): Obligation[] => {
  const { status, facts, policy } = input;
  if (!isOneOf(status, NOT_STARTED) || clockSuspended(facts)) return [];
  const open = facts.idleCase;
  const applies =
    open === null ? detectionOpen : open.type === 'A' && open.status !== 'GOV_CAUSED' && open.recoveryDecision === null;
  const anchor = idleClockAnchor(facts);
  if (!applies || anchor === null) return [];
  return [
    obligation(
      {
        ruleId: 'T24',
        kind: 'threshold',
        anchor,
        date: PARCEL_DATES.freeRecoveryThreshold,
        subject: 'recovery',
        description: 'Not started two years after the agreed start: free recovery possible',
      },
      policy,
    ),
  ];
};

/** T21–T24 deadlines inside the open case, each gone once its act is recorded. */
const caseDeadlines = ({ status, facts, policy }: RuleInput): Obligation[] => {
  const c = facts.idleCase;
  if (c === null || !isOneOf(status, SUPERVISED)) return [];
  const subject = c.caseId;
  switch (c.status) {
    case 'SUSPECTED':
      return [
        obligation(
          {
            ruleId: 'T21',
            kind: 'deadline',
            anchor: anchorAt(c.suspectedOn, c.suspectedEventId),
            date: PARCEL_DATES.investigationDue,
            subject,
            description: 'Serve the idle-land investigation notice (闲置土地调查通知书)',
          },
          policy,
        ),
      ];
    case 'UNDER_INVESTIGATION':
      if (c.noticeServedOn === null || c.materialsSubmittedOn !== null) return [];
      return [
        obligation(
          {
            ruleId: 'T22',
            kind: 'deadline',
            anchor: anchorAt(c.noticeServedOn, c.noticeEventId),
            date: PARCEL_DATES.materialsDue,
            subject,
            description: 'Land user submits the materials on the idle land',
          },
          policy,
        ),
      ];
    case 'FEE_LEVIED':
      if (c.feeDecision === null) return [];
      return [
        obligation(
          {
            ruleId: 'T23',
            kind: 'deadline',
            anchor: anchorAt(c.feeDecision.servedOn, c.feeDecision.eventId),
            date: PARCEL_DATES.idleFeePayBy,
            subject,
            description: 'Land user pays the idle fee',
          },
          policy,
        ),
      ];
    case 'RECOVERY_DECIDED':
      if (c.recoveryDecision === null) return [];
      return [
        obligation(
          {
            ruleId: 'T24',
            kind: 'deadline',
            anchor: anchorAt(c.recoveryDecision.servedOn, c.recoveryDecision.eventId),
            date: PARCEL_DATES.deregisterBy,
            subject: 'deregistration',
            description: 'Land user deregisters the right and returns the certificate',
          },
          policy,
        ),
      ];
    case 'GOV_CAUSED':
    case 'CONFIRMED':
    case 'FEE_PAID':
    case 'DEREGISTERED':
    case 'CLOSED':
      return [];
    default: {
      const _never: never = c.status;
      return _never;
    }
  }
};

/** T25 (E1 Art 12(3)): temporary use under the latest government cause, until it ends or construction starts. */
const temporaryUse = ({ status, facts, policy }: RuleInput): Obligation[] => {
  const cause = latestGovernmentCause(facts);
  if (!isOneOf(status, NOT_STARTED) || cause?.disposal !== 'TEMPORARY_USE' || cause.temporaryUseStartedOn === null)
    return [];
  if (cause.temporaryUseEndedOn !== null) return [];
  return [
    obligation(
      {
        ruleId: 'T25',
        kind: 'limit',
        anchor: anchorAt(cause.temporaryUseStartedOn, cause.eventId),
        date: PARCEL_DATES.temporaryUseEndsBy,
        description: 'Government temporary use ends no later than this date',
      },
      policy,
    ),
  ];
};

/** The end of a case's disposal and the event that recorded it: deregistration or closing. */
const disposalEnd = (c: IdleCase): Anchor | null => {
  if (c.deregisteredOn !== null) return anchorAt(c.deregisteredOn, c.deregistrationEventId);
  return c.closedOn === null ? null : anchorAt(c.closedOn, c.closedEventId);
};

/**
 * T26 (E1 Art 10; S0 §二(七)): publish a confirmed case while it is being disposed of, withdraw
 * the publication once disposal is done. A case never published has nothing to withdraw, and
 * is no longer published once its disposal is over.
 */
const publicity = ({ facts, policy }: RuleInput): Obligation[] =>
  allCases(facts).flatMap((c) => {
    if (c.confirmedOn === null) return [];
    const done = disposalEnd(c);
    if (done === null) {
      if (c.publishedOn !== null) return [];
      return [
        obligation(
          {
            ruleId: 'T26',
            kind: 'sla',
            anchor: anchorAt(c.confirmedOn, c.confirmationEventId),
            period: ON_THE_DAY,
            direction: 'after',
            subject: `${c.caseId}:publish`,
            description: 'Publish the confirmed idle land until its disposal is completed',
          },
          policy,
        ),
      ];
    }
    if (c.publishedOn === null || c.publicationWithdrawnOn !== null) return [];
    return [
      obligation(
        {
          ruleId: 'T26',
          kind: 'sla',
          anchor: done,
          period: ON_THE_DAY,
          direction: 'after',
          subject: `${c.caseId}:withdraw`,
          description: 'Withdraw the idle-land publication: disposal completed',
        },
        policy,
      ),
    ];
  });

export const idleObligations = (input: RuleInput): Obligation[] => {
  if (input.status === 'RECOVERED') return publicity(input);
  if (!isOneOf(input.status, SUPERVISED)) return [];
  const detection = typeADetection(input);
  return [
    ...detection,
    ...recoveryThreshold(input, detection.length > 0),
    ...caseDeadlines(input),
    ...temporaryUse(input),
    ...publicity(input),
  ];
};
