/**
 * Payments, demands and termination for non-payment (§3.3, §6; T07, T08; S4 §十一).
 */
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import { lateDamagesFen } from '../../money.js';
import type { CommandOf } from '../commands.js';
import { versionsOf } from '../stamp.js';
import type { ParcelEvent } from '../events.js';
import {
  days,
  LIVE,
  notBefore,
  optionalText,
  pastDate,
  requireFen,
  requireStatus,
  requireText,
  type DecideContext,
} from '../guards.js';
import { findInstalment, outstandingFen } from './balance.js';
import type { ParcelFacts, ParcelState } from '../state.js';

const SUPERVISED = [...LIVE, 'COMPLETED'] as const;

const requireTransfer = (facts: ParcelFacts, command: string): void => {
  if (facts.grantKind !== 'TRANSFER') {
    fail('NOT_A_TRANSFER', `${command} applies to transfer contracts only`, {
      grantKind: facts.grantKind,
      rule: '§3.1',
    });
  }
};

export const decideRecordPayment = (
  command: CommandOf<'RecordPayment'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  requireTransfer(facts, command.type);
  const { data } = command;
  const paymentId = requireText(data.paymentId, 'paymentId');
  if (facts.payments.some((p) => p.paymentId === paymentId)) {
    fail('DUPLICATE_PAYMENT', `Payment ${paymentId} is already recorded`, { field: 'paymentId' });
  }
  const instalment = findInstalment(facts, data.instalmentNo);
  const amountFen = requireFen(data.amountFen, 'amountFen', { positive: true });
  const paidOn = notBefore(pastDate(data.paidOn, 'paidOn', ctx.today), facts.grantedOn, 'paidOn', 'the grant');
  const outstanding = outstandingFen(facts, instalment);
  if (outstanding === 0)
    fail('INSTALMENT_ALREADY_PAID', `Instalment ${instalment.no} is paid in full`, { field: 'instalmentNo' });
  if (amountFen > outstanding) {
    fail('OVERPAYMENT', `Only ${outstanding} fen is outstanding on instalment ${instalment.no}`, {
      field: 'amountFen',
      outstandingFen: outstanding,
    });
  }
  const events: ParcelEvent[] = [
    {
      type: 'PaymentReceived',
      data: {
        paymentId,
        instalmentNo: instalment.no,
        amountFen,
        paidOn,
        dueDate: instalment.dueDate,
        outstandingAfterFen: outstanding - amountFen,
      },
    },
  ];
  // Counted from the day after the due date through the payment date (§6 conventions).
  const late = Math.max(0, days(instalment.dueDate, paidOn));
  if (late > 0) {
    // T07: the amount paid late bears the contract's daily rate from the day after the due date.
    const ratePerDay = facts.terms.rates.latePaymentRatePerDay;
    events.push({
      type: 'LatePaymentDamagesAssessed',
      data: {
        paymentId,
        instalmentNo: instalment.no,
        principalFen: amountFen,
        ratePerDay,
        dueDate: instalment.dueDate,
        paidOn,
        daysLate: late,
        damagesFen: lateDamagesFen(amountFen, ratePerDay, late),
      },
    });
  }
  return events;
};

export const decideServePaymentDemand = (
  command: CommandOf<'ServePaymentDemand'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  requireTransfer(facts, command.type);
  const { data } = command;
  const demandId = requireText(data.demandId, 'demandId');
  if (facts.paymentDemands.some((d) => d.demandId === demandId)) {
    fail('DUPLICATE_DEMAND', `Demand ${demandId} is already recorded`, { field: 'demandId' });
  }
  const instalment = findInstalment(facts, data.instalmentNo);
  const servedOn = pastDate(data.servedOn, 'servedOn', ctx.today);
  if (servedOn <= instalment.dueDate) {
    fail('NOT_OVERDUE', `Instalment ${instalment.no} is not overdue until after ${instalment.dueDate}`, {
      field: 'servedOn',
      rule: 'T08',
    });
  }
  const overdueFen = outstandingFen(facts, instalment);
  if (overdueFen === 0)
    fail('INSTALMENT_ALREADY_PAID', `Instalment ${instalment.no} is paid in full`, { field: 'instalmentNo' });
  return [
    {
      type: 'PaymentDemandServed',
      data: {
        demandId,
        instalmentNo: instalment.no,
        servedOn,
        overdueFen,
        daysOverdue: days(instalment.dueDate, servedOn),
      },
    },
  ];
};

export const decideTerminateContract = (
  command: CommandOf<'TerminateContract'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  requireTransfer(facts, command.type);
  const policy = ctx.policyFor(facts.jurisdiction);
  const { data } = command;
  const instalment = findInstalment(facts, data.instalmentNo);
  const terminatedOn = pastDate(data.terminatedOn, 'terminatedOn', ctx.today);
  if (outstandingFen(facts, instalment) === 0) {
    fail('INSTALMENT_ALREADY_PAID', `Instalment ${instalment.no} is paid in full`, {
      field: 'instalmentNo',
      rule: 'T08',
    });
  }
  // T08: strictly more than 60 days overdue, so the threshold day itself is still too early.
  const threshold = dateBy(PARCEL_DATES.paymentTerminationThreshold, instalment.dueDate, policy);
  const thresholdDate = threshold.date;
  const daysOverdue = days(instalment.dueDate, terminatedOn);
  if (terminatedOn <= thresholdDate) {
    fail('TERMINATION_NOT_YET_ALLOWED', `Termination is possible only after ${thresholdDate}`, {
      field: 'terminatedOn',
      rule: 'T08',
      thresholdDate,
      daysOverdue,
    });
  }
  const demand = facts.paymentDemands.find((d) => d.instalmentNo === instalment.no && d.servedOn <= terminatedOn);
  if (demand === undefined) {
    return fail('PAYMENT_DEMAND_REQUIRED', `No payment demand was served for instalment ${instalment.no}`, {
      field: 'instalmentNo',
      rule: 'T08',
    });
  }
  const approval = optionalText(data.governmentApprovalRef, 'governmentApprovalRef');
  if (approval === null && policy.terminationRequiresGovernmentApproval) {
    fail('GOVERNMENT_APPROVAL_REQUIRED', 'Termination needs the city/county government approval', {
      field: 'governmentApprovalRef',
      rule: 'S4 §十一',
    });
  }
  return [
    {
      type: 'ContractTerminated',
      data: {
        ...versionsOf(policy, threshold),
        terminatedOn,
        instalmentNo: instalment.no,
        dueDate: instalment.dueDate,
        daysOverdue,
        thresholdDate,
        demandId: demand.demandId,
        governmentApprovalRef: approval,
        depositForfeitedFen: facts.terms.depositFen ?? 0,
        reason: requireText(data.reason, 'reason'),
      },
    },
  ];
};
