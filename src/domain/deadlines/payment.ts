/**
 * Payment family (transfer contracts only): T04 reminder, T05 payment-info entry, T06 payment
 * schedule limits, T07 start of late-payment damages, T08 termination threshold.
 */
import { PARCEL_DATES } from '../parcel/rules/dates.js';
import { parseRatio } from '../money.js';
import type { Fen } from '../money.js';
import type { Instalment, ParcelFacts } from '../parcel/index.js';
import { anchorAt, isOneOf, LIVE, obligation, SUPERVISED } from './build.js';
import type { RuleInput } from './build.js';
import type { Obligation } from './types.js';

const paidOn = (facts: ParcelFacts, no: number): Fen =>
  facts.payments.filter((p) => p.instalmentNo === no).reduce((sum, p) => sum + p.amountFen, 0);

const unpaidInstalments = (facts: ParcelFacts): Instalment[] =>
  facts.instalments.filter((i) => paidOn(facts, i.no) < i.amountFen);

/** T04 (S0 §二(三)) and T07/T08 (E3, E4) for each instalment not yet paid in full. */
const perUnpaidInstalment = ({ status, facts, policy }: RuleInput): Obligation[] =>
  unpaidInstalments(facts).flatMap((instalment) => {
    // The instalment's due date is contract data: the grant fixed it.
    const due = anchorAt(instalment.dueDate, facts.grantEventId);
    const subject = String(instalment.no);
    const demand = facts.paymentDemands.find((d) => d.instalmentNo === instalment.no);
    const list = [
      obligation(
        {
          ruleId: 'T04',
          kind: 'reminder',
          anchor: due,
          period: policy.paymentReminderBefore,
          direction: 'before',
          subject,
          description: `Issue the payment reminder (出让价款缴纳提示书) for instalment ${subject}`,
        },
        policy,
      ),
      obligation(
        {
          ruleId: 'T07',
          kind: 'threshold',
          anchor: due,
          period: { offset: 1, unit: 'cd' },
          direction: 'after',
          subject,
          description: `Late-payment damages of ${facts.terms.rates.latePaymentRatePerDay} per day on the overdue amount of instalment ${subject} accrue from this date`,
        },
        policy,
      ),
    ];
    if (!isOneOf(status, LIVE)) return list;
    return [
      ...list,
      obligation(
        {
          ruleId: 'T08',
          kind: 'threshold',
          anchor: due,
          date: PARCEL_DATES.paymentTerminationThreshold,
          subject,
          description:
            `Grantor may terminate after this date if instalment ${subject} is still unpaid and a payment demand was served` +
            (demand === undefined ? ' (no demand served yet)' : ` (demand served ${demand.servedOn})`),
        },
        policy,
      ),
    ];
  });

/** T05: each recorded payment until its information is entered. */
const paymentInfoEntry = ({ facts, policy }: RuleInput): Obligation[] =>
  facts.payments
    .filter((payment) => payment.infoRecordedOn === null)
    .map((payment) =>
      obligation(
        {
          ruleId: 'T05',
          kind: 'sla',
          anchor: anchorAt(payment.paidOn, payment.eventId),
          date: PARCEL_DATES.paymentInfoDue,
          subject: payment.paymentId,
          description: `Enter payment ${payment.paymentId} and its vouchers into the monitoring system`,
        },
        policy,
      ),
    );

/**
 * T06 (E5): the share of the price due within a month of signing and the whole price within a
 * year, while not yet paid. Ends roll like the decider's schedule check, which only widens them.
 */
const scheduleLimits = ({ facts, policy }: RuleInput): Obligation[] => {
  const price = facts.terms.priceFen;
  if (price === null) return [];
  const paid = facts.payments.reduce((sum, p) => sum + p.amountFen, 0);
  const minShare = parseRatio(policy.firstInstalment.minShare);
  const grant = anchorAt(facts.grantedOn, facts.grantEventId);
  const list: Obligation[] = [];
  if (BigInt(paid) * minShare.den < BigInt(price) * minShare.num) {
    list.push(
      obligation(
        {
          ruleId: 'T06',
          kind: 'limit',
          anchor: grant,
          date: PARCEL_DATES.firstInstalmentBy,
          subject: 'first',
          description: `At least ${policy.firstInstalment.minShare} of the price must be paid by this date`,
        },
        policy,
      ),
    );
  }
  if (paid < price) {
    list.push(
      obligation(
        {
          ruleId: 'T06',
          kind: 'limit',
          anchor: grant,
          date: PARCEL_DATES.balanceBy,
          subject: 'balance',
          description: 'The whole price must be paid by this date',
        },
        policy,
      ),
    );
  }
  return list;
};

export const paymentObligations = (input: RuleInput): Obligation[] => {
  if (input.facts.grantKind !== 'TRANSFER' || !isOneOf(input.status, SUPERVISED)) return [];
  return [...perUnpaidInstalment(input), ...paymentInfoEntry(input), ...scheduleLimits(input)];
};
