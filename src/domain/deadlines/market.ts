/**
 * The right's life on the market and its end: T28, each transfer, lease or mortgage until its
 * information is entered (7 wd, S1 §二(五)); T39, the renewal window, one year before the
 * land-use term ends, the term counted from the actual delivery (T09 note; [U] 城市房地产管理法
 * Art 22, recalled); T27, the land of an ended right taken into the reserve until entered (7 wd,
 * S1 §二(二)). Terminated, revoked and recovered rights have no renewal.
 */
import { applyPeriod } from '../calendar/index.js';
import { PARCEL_DATES } from '../parcel/rules/dates.js';
import { anchorAt, obligation, type RuleInput } from './build.js';
import type { Obligation } from './types.js';

const RENEWABLE = new Set(['GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED', 'COMPLETED']);

const marketEntry = ({ facts, policy }: RuleInput): Obligation[] =>
  (facts.marketTransactions ?? [])
    .filter((m) => m.infoEnteredOn === null)
    .map((m) =>
      obligation(
        {
          ruleId: 'T28',
          kind: 'sla',
          anchor: anchorAt(m.occurredOn, m.eventId),
          date: PARCEL_DATES.marketInfoDue,
          subject: m.transactionId,
          description: `Enter the ${m.kind.toLowerCase()} ${m.transactionId} (${m.documentNo}) into the monitoring system`,
        },
        policy,
      ),
    );

const renewalWindow = ({ status, facts, policy }: RuleInput): Obligation[] => {
  const years = facts.terms.termYears;
  if (!RENEWABLE.has(status) || years === null || facts.deliveredOn === null) return [];
  const termEnd = applyPeriod(policy.calendar, facts.deliveredOn, { offset: years, unit: 'year' }, 'after', {
    rollToWorkingDay: false,
  }).date;
  return [
    obligation(
      {
        ruleId: 'T39',
        kind: 'reminder',
        anchor: anchorAt(termEnd, facts.deliveryEventId),
        period: policy.renewalApplicationBeforeTermEnd,
        direction: 'before',
        description: `Renewal may be applied for from this day: the ${years}-year term from delivery (${facts.deliveredOn}) ends ${termEnd}`,
      },
      policy,
    ),
  ];
};

/** T27: the reserve intake of an ended right until it is entered. */
const reserveEntry = ({ facts, policy }: RuleInput): Obligation[] => {
  const reserve = facts.reserve ?? null;
  if (reserve === null || reserve.infoEnteredOn !== null) return [];
  return [
    obligation(
      {
        ruleId: 'T27',
        kind: 'sla',
        anchor: anchorAt(reserve.takenOn, reserve.eventId),
        date: PARCEL_DATES.reserveInfoDue,
        description: `Enter the reserve intake ${reserve.reserveNo} into the monitoring system`,
      },
      policy,
    ),
  ];
};

export const marketObligations = (input: RuleInput): Obligation[] => [
  ...marketEntry(input),
  ...renewalWindow(input),
  ...reserveEntry(input),
];
