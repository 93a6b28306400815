/**
 * The department's record-keeping acts, each fulfilling an SLA of DOMAIN.md §4: tracking card
 * and patrol task (T02), supply filing (T03), payment-info entry (T05), declaration upload
 * (T14), inspection hand-over (T15). A late act is recorded and flagged, never refused: the
 * breach counts in the annual assessment (S0 §三(三)); a second record of the same act is refused.
 */
import { applyPeriod } from '../calendar/index.js';
import type { IsoDate } from '../calendar/index.js';
import { fail } from '../errors.js';
import type { Period, Policy } from '../policy/index.js';
import type { CommandOf } from './commands.js';
import type { ParcelEvent, SlaData } from './events.js';
import { LIVE, notBefore, oneOf, pastDate, requireStatus, requireText, type DecideContext } from './guards.js';
import { versionsOf } from './stamp.js';
import type { ParcelState } from './state.js';

const SUPERVISED = [...LIVE, 'COMPLETED'] as const;

/** SLA due dates count forward and roll off rest days, as in the deadline engine (§11.3). */
const sla = (policy: Policy, anchor: IsoDate, period: Period, doneOn: IsoDate): SlaData => {
  const due = applyPeriod(anchor, period, 'after', { rollToWorkingDay: true });
  return { ...versionsOf(policy, due), dueDate: due.date, late: doneOn > due.date };
};

const textList = (value: unknown, field: string, options: { readonly required?: boolean } = {}): string[] => {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    return fail('FIELD_INVALID', `${field} must be a list of non-empty strings`, { field });
  }
  if (options.required === true && value.length === 0) return fail('FIELD_REQUIRED', `${field} needs at least one entry`, { field });
  return [...(value as string[])];
};

export const decideExtractTrackingCard = (command: CommandOf<'ExtractTrackingCard'>, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  if (facts.trackingCardExtractedOn !== null) {
    fail('TRACKING_CARD_ALREADY_EXTRACTED', `The tracking card was extracted on ${facts.trackingCardExtractedOn}`, { rule: 'T02' });
  }
  const extractedOn = notBefore(pastDate(command.data.extractedOn, 'extractedOn', ctx.today), facts.grantedOn, 'extractedOn', 'the grant', 'T02');
  const policy = ctx.policyFor(facts.jurisdiction);
  return [
    {
      type: 'TrackingCardExtracted',
      data: {
        ...sla(policy, facts.grantedOn, policy.trackingCardAfterGrant, extractedOn),
        extractedOn,
        trackingCardNo: requireText(command.data.trackingCardNo, 'trackingCardNo'),
      },
    },
  ];
};

export const decideAssignPatrolTask = (command: CommandOf<'AssignPatrolTask'>, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  if (facts.patrolTaskAssignedOn !== null) {
    fail('PATROL_TASK_ALREADY_ASSIGNED', `The patrol task was assigned on ${facts.patrolTaskAssignedOn}`, { rule: 'T02' });
  }
  const { data } = command;
  const assignedOn = notBefore(pastDate(data.assignedOn, 'assignedOn', ctx.today), facts.grantedOn, 'assignedOn', 'the grant', 'T02');
  const policy = ctx.policyFor(facts.jurisdiction);
  return [
    {
      type: 'PatrolTaskAssigned',
      data: {
        ...sla(policy, facts.grantedOn, policy.trackingCardAfterGrant, assignedOn),
        assignedOn,
        officeId: requireText(data.officeId, 'officeId'),
        // S0 §三(二): the office names the inspectors responsible for the parcel.
        inspectorIds: textList(data.inspectorIds, 'inspectorIds', { required: true }),
      },
    },
  ];
};

export const decideFileSupplyRecord = (command: CommandOf<'FileSupplyRecord'>, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  if (facts.supplyRecordFiledOn !== null) {
    fail('SUPPLY_RECORD_ALREADY_FILED', `The supply record was filed on ${facts.supplyRecordFiledOn} (${facts.supplyRecordFilingRef ?? ''})`, { rule: 'T03' });
  }
  const filedOn = notBefore(pastDate(command.data.filedOn, 'filedOn', ctx.today), facts.grantedOn, 'filedOn', 'the grant', 'T03');
  const policy = ctx.policyFor(facts.jurisdiction);
  return [
    {
      type: 'SupplyRecordFiled',
      data: {
        ...sla(policy, facts.grantedOn, policy.supplyFilingAfterGrant, filedOn),
        filedOn,
        filingRef: requireText(command.data.filingRef, 'filingRef'),
      },
    },
  ];
};

export const decideRecordPaymentInfo = (command: CommandOf<'RecordPaymentInfo'>, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  const { data } = command;
  const payment = facts.payments.find((p) => p.paymentId === data.paymentId);
  if (payment === undefined) return fail('PAYMENT_NOT_FOUND', `No payment ${String(data.paymentId)}`, { field: 'paymentId', rule: 'T05' });
  if (payment.infoRecordedOn !== null) {
    fail('PAYMENT_INFO_ALREADY_RECORDED', `Payment ${payment.paymentId} was entered on ${payment.infoRecordedOn}`, { field: 'paymentId', rule: 'T05' });
  }
  const recordedOn = notBefore(pastDate(data.recordedOn, 'recordedOn', ctx.today), payment.paidOn, 'recordedOn', 'the payment', 'T05');
  const policy = ctx.policyFor(facts.jurisdiction);
  return [
    {
      type: 'PaymentInfoRecorded',
      data: {
        ...sla(policy, payment.paidOn, policy.paymentInfoEntryAfterPayment, recordedOn),
        paymentId: payment.paymentId,
        recordedOn,
        voucherRefs: data.voucherRefs === undefined ? [] : textList(data.voucherRefs, 'voucherRefs'),
      },
    },
  ];
};

export const decideUploadDeclaration = (command: CommandOf<'UploadDeclaration'>, state: ParcelState, ctx: DecideContext): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['STARTED', 'COMPLETED']);
  const { data } = command;
  const kind = oneOf(data.kind, ['START', 'COMPLETION'] as const, 'kind', 'FIELD_INVALID');
  const milestone = kind === 'START' ? facts.start : facts.completion;
  // Q10: the 10 wd run from the verification, so only a verified declaration can be uploaded.
  if (milestone.verifiedOn === null) {
    return fail('DECLARATION_NOT_VERIFIED', `The ${kind.toLowerCase()} declaration is not verified yet`, { field: 'kind', rule: 'T14' });
  }
  if (milestone.uploadedOn !== null) {
    fail('DECLARATION_ALREADY_UPLOADED', `The ${kind.toLowerCase()} declaration was uploaded on ${milestone.uploadedOn}`, { field: 'kind', rule: 'T14' });
  }
  const uploadedOn = notBefore(pastDate(data.uploadedOn, 'uploadedOn', ctx.today), milestone.verifiedOn, 'uploadedOn', 'the verification', 'T14');
  const policy = ctx.policyFor(facts.jurisdiction);
  return [
    {
      type: 'DeclarationUploaded',
      data: { ...sla(policy, milestone.verifiedOn, policy.declarationUploadAfterVerification, uploadedOn), kind, uploadedOn },
    },
  ];
};

export const decideHandOverInspectionRecord = (
  command: CommandOf<'HandOverInspectionRecord'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  const { data } = command;
  const inspection = facts.inspections.find((i) => i.inspectionId === data.inspectionId);
  if (inspection === undefined) return fail('INSPECTION_NOT_FOUND', `No inspection ${String(data.inspectionId)}`, { field: 'inspectionId', rule: 'T15' });
  if (inspection.handedOverOn !== null) {
    fail('INSPECTION_ALREADY_HANDED_OVER', `Inspection ${inspection.inspectionId} was handed over on ${inspection.handedOverOn}`, {
      field: 'inspectionId',
      rule: 'T15',
    });
  }
  const handedOverOn = notBefore(pastDate(data.handedOverOn, 'handedOverOn', ctx.today), inspection.inspectedOn, 'handedOverOn', 'the inspection', 'T15');
  const policy = ctx.policyFor(facts.jurisdiction);
  return [
    {
      type: 'InspectionRecordHandedOver',
      data: {
        ...sla(policy, inspection.inspectedOn, policy.inspectionHandoverAfterInspection, handedOverOn),
        inspectionId: inspection.inspectionId,
        handedOverOn,
      },
    },
  ];
};
