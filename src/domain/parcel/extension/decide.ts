/**
 * Extension of the agreed start or completion (T17 lead time, T18 maximum; E3 "completion
 * shifts equally"; S4 §十二; S0 §二(四) "monitor against the new dates").
 */
import { addCalendarDays } from '../../calendar/index.js';
import type { DateResult, IsoDate } from '../../calendar/index.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { Policy } from '../../policy/index.js';
import type { CommandOf } from '../commands.js';
import { versionsOf } from '../stamp.js';
import type { ParcelEvent } from '../events.js';
import {
  days,
  LIVE,
  notBefore,
  oneOf,
  optionalDate,
  pastDate,
  requireDate,
  requireStatus,
  requireText,
  type DecideContext,
} from '../guards.js';
import { EXTENSION_KINDS } from '../state.js';
import type { ExtensionKind, ParcelFacts, ParcelState } from '../state.js';

const currentDate = (facts: ParcelFacts, kind: ExtensionKind): IsoDate =>
  kind === 'START' ? facts.schedule.agreedStart : facts.schedule.agreedCompletion;

/** T18: at most `extensionMax` after the originally agreed date. */
const maxDateFor = (facts: ParcelFacts, kind: ExtensionKind, policy: Policy): DateResult =>
  dateBy(
    PARCEL_DATES.extensionMax,
    kind === 'START' ? facts.schedule.originalStart : facts.schedule.originalCompletion,
    policy,
  );

const checkMaximum = (date: IsoDate, maxDate: IsoDate, field: string): void => {
  if (date > maxDate)
    fail('EXTENSION_TOO_LONG', `The extension may not go beyond ${maxDate}`, { field, rule: 'T18', maxDate });
};

/**
 * T17: Jiangsu counts 30 wd back from the expiry of the period being extended; the model
 * contract counts 30 cd back from the agreed start. The model contract has no completion
 * clause, so a completion request counts back from the agreed completion in both cases.
 */
export const latestFilingDate = (facts: ParcelFacts, kind: ExtensionKind, policy: Policy): IsoDate =>
  latestFiling(facts, kind, policy).date;

const latestFiling = (facts: ParcelFacts, kind: ExtensionKind, policy: Policy): DateResult =>
  dateBy(PARCEL_DATES.latestExtensionRequest, currentDate(facts, kind), policy);

export const decideRequestExtension = (
  command: CommandOf<'RequestExtension'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { status, facts } = requireStatus(state, command.type, LIVE);
  const { data } = command;
  const kind = oneOf(data.kind, EXTENSION_KINDS, 'kind', 'FIELD_INVALID');
  if (kind === 'START' && status === 'STARTED')
    fail('ALREADY_STARTED', 'Construction has started; only completion can be extended', { field: 'kind', status });
  if (facts.pendingExtension !== null) {
    fail('EXTENSION_ALREADY_PENDING', `Request ${facts.pendingExtension.requestId} is awaiting a decision`, {
      field: 'requestId',
    });
  }
  const requestId = requireText(data.requestId, 'requestId');
  if (facts.schedule.changes.some((c) => c.reference === requestId))
    fail('DUPLICATE_REQUEST', `Request ${requestId} was already decided`, { field: 'requestId' });
  const policy = ctx.policyFor(facts.jurisdiction);
  const current = currentDate(facts, kind);
  const requestedDate = requireDate(data.requestedDate, 'requestedDate');
  if (requestedDate <= current)
    fail('EXTENSION_NOT_LATER', `The requested date must be after ${current}`, { field: 'requestedDate' });
  checkMaximum(requestedDate, maxDateFor(facts, kind, policy).date, 'requestedDate');
  // The application's own date counts, not the day it is recorded (it may be entered later).
  const requestedOn = notBefore(
    pastDate(data.requestedOn, 'requestedOn', ctx.today),
    facts.grantedOn,
    'requestedOn',
    'the grant',
  );
  const filing = latestFiling(facts, kind, policy);
  const latest = filing.date;
  if (requestedOn > latest) {
    fail('EXTENSION_REQUEST_TOO_LATE', `An extension had to be requested by ${latest}`, {
      field: 'requestedOn',
      rule: 'T17',
      latestFilingDate: latest,
      leadTime: policy.extensionLeadTime,
      policyVersion: policy.version,
    });
  }
  return [
    {
      type: 'ExtensionRequested',
      data: {
        ...versionsOf(policy, filing),
        requestId,
        kind,
        requestedOn,
        currentDate: current,
        requestedDate,
        reason: requireText(data.reason, 'reason'),
        latestFilingDate: latest,
      },
    },
  ];
};

export const decideDecideExtension = (
  command: CommandOf<'DecideExtension'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const { data } = command;
  const pending = facts.pendingExtension;
  if (pending === null || pending.requestId !== data.requestId) {
    return fail('EXTENSION_NOT_PENDING', `No pending extension request ${String(data.requestId)}`, {
      field: 'requestId',
    });
  }
  const decidedOn = notBefore(
    pastDate(data.decidedOn, 'decidedOn', ctx.today),
    pending.requestedOn,
    'decidedOn',
    'the request',
  );
  const decision = oneOf(data.decision, ['APPROVE', 'REJECT'] as const, 'decision', 'FIELD_INVALID');
  if (decision === 'REJECT') {
    return [
      {
        type: 'ExtensionRejected',
        data: { requestId: pending.requestId, decidedOn, reason: requireText(data.reason, 'reason') },
      },
    ];
  }
  const policy = ctx.policyFor(facts.jurisdiction);
  const approvalRef = requireText(data.approvalRef, 'approvalRef', 'APPROVAL_REF_REQUIRED');
  const approvedDate = optionalDate(data.approvedDate, 'approvedDate') ?? pending.requestedDate;
  const { agreedStart, agreedCompletion } = facts.schedule;
  const current = currentDate(facts, pending.kind);
  if (approvedDate <= current)
    fail('EXTENSION_NOT_LATER', `The approved date must be after ${current}`, { field: 'approvedDate' });
  if (approvedDate > pending.requestedDate) {
    fail('APPROVED_DATE_BEYOND_REQUEST', `The approved date is after the requested ${pending.requestedDate}`, {
      field: 'approvedDate',
    });
  }
  const max = maxDateFor(facts, pending.kind, policy);
  const maxDate = max.date;
  checkMaximum(approvedDate, maxDate, 'approvedDate');
  const shiftDays = days(current, approvedDate);
  // E3: when the start moves, the completion date moves by the same number of days.
  const newStart = pending.kind === 'START' ? approvedDate : agreedStart;
  const shifted = pending.kind === 'START' ? addCalendarDays(agreedCompletion, shiftDays) : null;
  const newCompletion = shifted?.date ?? approvedDate;
  return [
    {
      type: 'ExtensionApproved',
      data: {
        ...versionsOf(policy, max, shifted),
        requestId: pending.requestId,
        kind: pending.kind,
        decidedOn,
        approvalRef,
        previousStart: agreedStart,
        previousCompletion: agreedCompletion,
        agreedStart: newStart,
        agreedCompletion: newCompletion,
        shiftDays,
        maxDate,
      },
    },
  ];
};
