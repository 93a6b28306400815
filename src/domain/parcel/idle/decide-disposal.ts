/**
 * Idle-land case, second half: fee (T23, E1 Art 14(1), 17), free recovery (T24, E1 Art 14(2),
 * 17, 18; §14 Q6), deregistration and closing the case.
 */
import { idleClockStartOn } from '../rules/idle-clock.js';
import type { DateResult } from '../../calendar/index.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import { applyRate } from '../../money.js';
import type { CommandOf } from '../commands.js';
import { versionsOf } from '../stamp.js';
import type { IdleCaseOutcome, ParcelEvent } from '../events.js';
import {
  LIVE,
  NOT_STARTED,
  notBefore,
  oneOf,
  pastDate,
  requireFen,
  requireStatus,
  requireText,
  type DecideContext,
} from '../guards.js';
import { DEREGISTRATION_METHODS } from './events.js';
import { requireCase } from './require-case.js';
import type { IdleCaseStatus, ParcelState } from '../state.js';

export const decideIssueIdleFeeDecision = (
  command: CommandOf<'IssueIdleFeeDecision'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const idle = requireCase(facts, command.type, ['CONFIRMED']);
  const { data } = command;
  const policy = ctx.policyFor(facts.jurisdiction);
  const servedOn = notBefore(
    pastDate(data.servedOn, 'servedOn', ctx.today),
    idle.confirmedOn ?? idle.suspectedOn,
    'servedOn',
    'the confirmation',
  );
  const approval = requireText(
    data.governmentApprovalRef,
    'governmentApprovalRef',
    'GOVERNMENT_APPROVAL_REQUIRED',
    'E1 Art 14(1)',
  );
  const baseFen = facts.grantKind === 'TRANSFER' ? facts.terms.priceFen : facts.terms.allocationPriceFen;
  if (baseFen === null) {
    return fail('IDLE_FEE_BASE_MISSING', 'The idle fee needs the transfer or allocation price', {
      field: 'allocationPriceFen',
      rule: 'T23',
    });
  }
  const payBy = dateBy(PARCEL_DATES.idleFeePayBy, servedOn, policy);
  return [
    {
      type: 'IdleFeeDecisionIssued',
      data: {
        ...versionsOf(policy, payBy),
        caseId: idle.caseId,
        decisionNo: requireText(data.decisionNo, 'decisionNo'),
        servedOn,
        governmentApprovalRef: approval,
        baseFen,
        rate: policy.idleFeeRate,
        feeFen: applyRate(baseFen, policy.idleFeeRate),
        payBy: payBy.date,
      },
    },
  ];
};

export const decideRecordIdleFeePayment = (
  command: CommandOf<'RecordIdleFeePayment'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const idle = requireCase(facts, command.type, ['FEE_LEVIED']);
  const decision = idle.feeDecision;
  if (decision === null)
    return fail('INVALID_IDLE_CASE_STATE', 'No fee decision', { caseStatus: idle.status, rule: '§3.4' });
  const paidOn = notBefore(
    pastDate(command.data.paidOn, 'paidOn', ctx.today),
    decision.servedOn,
    'paidOn',
    'the fee decision',
  );
  const amountFen = requireFen(command.data.amountFen, 'amountFen', { positive: true });
  if (amountFen !== decision.feeFen) {
    fail('IDLE_FEE_AMOUNT_MISMATCH', `The fee is ${decision.feeFen} fen`, {
      field: 'amountFen',
      rule: 'T23',
      feeFen: decision.feeFen,
    });
  }
  return [{ type: 'IdleFeePaid', data: { caseId: idle.caseId, paidOn, amountFen, late: paidOn > decision.payBy } }];
};

export const decideIssueRecoveryDecision = (
  command: CommandOf<'IssueRecoveryDecision'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const granted = requireStatus(state, command.type, LIVE);
  const { facts } = granted;
  const idle = requireCase(facts, command.type, ['CONFIRMED', 'FEE_LEVIED', 'FEE_PAID']);
  const { data } = command;
  const policy = ctx.policyFor(facts.jurisdiction);
  const servedOn = notBefore(
    pastDate(data.servedOn, 'servedOn', ctx.today),
    idle.confirmedOn ?? idle.suspectedOn,
    'servedOn',
    'the confirmation',
  );
  const approvalRef = requireText(data.approvalRef, 'approvalRef', 'GOVERNMENT_APPROVAL_REQUIRED', 'E1 Art 14(2)');
  let threshold: DateResult | null = null;
  let humanDecision: { decidedBy: string; reason: string } | null = null;
  if (idle.type === 'A') {
    if (!(NOT_STARTED as readonly string[]).includes(granted.status)) {
      fail('ALREADY_STARTED', 'Free recovery is for land not started', { rule: 'T24' });
    }
    if (data.typeBHumanDecision !== undefined)
      fail('FIELD_NOT_ALLOWED', 'Only type B needs a human decision', { field: 'typeBHumanDecision' });
    // §5.2(1): from the effective agreed start shifted by the grantor's late delivery (rules/idle-clock.ts).
    threshold = dateBy(PARCEL_DATES.freeRecoveryThreshold, idleClockStartOn(facts, ctx.today), policy);
    if (servedOn < threshold.date) {
      fail('RECOVERY_THRESHOLD_NOT_REACHED', `Free recovery is possible from ${threshold.date}`, {
        field: 'servedOn',
        rule: 'T24',
        thresholdDate: threshold.date,
      });
    }
  } else {
    // Q6: Decree 53 speaks of land "not started" for two years; started (type B) land needs
    // an explicit, recorded human decision.
    const human = data.typeBHumanDecision;
    if (human === undefined)
      return fail('HUMAN_DECISION_REQUIRED', 'Recovering type B land needs an explicit decision', {
        field: 'typeBHumanDecision',
        rule: 'Q6',
      });
    humanDecision = {
      decidedBy: requireText(human.decidedBy, 'typeBHumanDecision.decidedBy', 'HUMAN_DECISION_REQUIRED', 'Q6'),
      reason: requireText(human.reason, 'typeBHumanDecision.reason', 'HUMAN_DECISION_REQUIRED', 'Q6'),
    };
  }
  const deregisterBy = dateBy(PARCEL_DATES.deregisterBy, servedOn, policy);
  return [
    {
      type: 'RecoveryDecisionIssued',
      data: {
        ...versionsOf(policy, threshold, deregisterBy),
        caseId: idle.caseId,
        decisionNo: requireText(data.decisionNo, 'decisionNo'),
        servedOn,
        approvalRef,
        thresholdDate: threshold?.date ?? null,
        humanDecision,
        deregisterBy: deregisterBy.date,
      },
    },
  ];
};

export const decideDeregisterRight = (
  command: CommandOf<'DeregisterRight'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const idle = requireCase(facts, command.type, ['RECOVERY_DECIDED']);
  const servedOn = idle.recoveryDecision?.servedOn ?? idle.suspectedOn;
  return [
    {
      type: 'RightDeregistered',
      data: {
        caseId: idle.caseId,
        deregisteredOn: notBefore(
          pastDate(command.data.deregisteredOn, 'deregisteredOn', ctx.today),
          servedOn,
          'deregisteredOn',
          'the recovery decision',
        ),
        method: oneOf(command.data.method, DEREGISTRATION_METHODS, 'method', 'FIELD_INVALID', 'E1 Art 18'),
      },
    },
  ];
};

const OUTCOMES: Partial<Record<IdleCaseStatus, IdleCaseOutcome>> = {
  SUSPECTED: 'NOT_IDLE',
  UNDER_INVESTIGATION: 'NOT_IDLE',
  GOV_CAUSED: 'GOVERNMENT_CAUSE_DISPOSED',
  FEE_PAID: 'FEE_PAID',
};

/** A confirmed case with an unpaid fee or a pending recovery stays open (E1 Art 18 enforcement). */
export const decideCloseIdleCase = (
  command: CommandOf<'CloseIdleCase'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, [...LIVE, 'COMPLETED']);
  const idle = requireCase(facts, command.type, ['SUSPECTED', 'UNDER_INVESTIGATION', 'GOV_CAUSED', 'FEE_PAID']);
  const outcome = OUTCOMES[idle.status] ?? 'NOT_IDLE';
  return [
    {
      type: 'IdleCaseClosed',
      data: {
        caseId: idle.caseId,
        closedOn: notBefore(
          pastDate(command.data.closedOn, 'closedOn', ctx.today),
          idle.suspectedOn,
          'closedOn',
          'the suspicion',
        ),
        outcome,
        reason: requireText(command.data.reason, 'reason'),
      },
    },
  ];
};
