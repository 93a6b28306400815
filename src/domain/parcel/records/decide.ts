/**
 * The department's record-keeping acts, each fulfilling an SLA of DOMAIN.md §4: tracking card
 * and patrol task (T02), supply filing (T03), payment-info entry (T05), declaration upload
 * (T14), inspection hand-over (T15). A late act is recorded and flagged, never refused: the
 * breach counts in the annual assessment (S0 §三(三)); a second record of the same act is refused.
 */
import type { IsoDate } from '../../calendar/index.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { DateRule } from '../rules/dates.js';
import type { CommandOf } from '../commands.js';
import type { ParcelEvent, SlaData } from '../events.js';
import { LIVE, notBefore, oneOf, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import { versionsOf } from '../stamp.js';
import { fileSupplyRecord } from './supply-filing.js';
import { EXTENSION_KINDS } from '../state.js';
import type { ParcelState } from '../state.js';

const SUPERVISED = [...LIVE, 'COMPLETED'] as const;

/** The SLA of §4 a record-keeping act fulfils: its rule, what it runs from, and its due date. */
export interface SlaRule {
  readonly rule: string;
  readonly after: string;
  readonly due: DateRule;
}

const T02: SlaRule = { rule: 'T02', after: 'the grant', due: PARCEL_DATES.trackingSetupDue };
const T03: SlaRule = { rule: 'T03', after: 'the grant', due: PARCEL_DATES.supplyFilingDue };
const T05: SlaRule = { rule: 'T05', after: 'the payment', due: PARCEL_DATES.paymentInfoDue };
const T14: SlaRule = { rule: 'T14', after: 'the verification', due: PARCEL_DATES.declarationUploadDue };
const T15: SlaRule = { rule: 'T15', after: 'the inspection', due: PARCEL_DATES.inspectionHandoverDue };

/**
 * The date the act was done (a fact date, not before the anchor its SLA runs from) and the SLA
 * stamp. SLA due dates count forward and roll off rest days, as in the deadline engine (§11.3).
 */
export const actDone = (
  sla: SlaRule,
  anchor: IsoDate,
  value: unknown,
  field: string,
  jurisdiction: string,
  ctx: DecideContext,
): { readonly on: IsoDate; readonly stamp: SlaData } => {
  const on = notBefore(pastDate(value, field, ctx.today), anchor, field, sla.after, sla.rule);
  const policy = ctx.policyFor(jurisdiction);
  const due = dateBy(sla.due, anchor, policy);
  return { on, stamp: { ...versionsOf(policy, due), dueDate: due.date, late: on > due.date } };
};

const textList = (value: unknown, field: string, options: { readonly required?: boolean } = {}): string[] => {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    return fail('FIELD_INVALID', `${field} must be a list of non-empty strings`, { field });
  }
  if (options.required === true && value.length === 0)
    return fail('FIELD_REQUIRED', `${field} needs at least one entry`, { field });
  return [...(value as string[])];
};

export const decideExtractTrackingCard = (
  command: CommandOf<'ExtractTrackingCard'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  if (facts.trackingCardExtractedOn !== null) {
    fail('TRACKING_CARD_ALREADY_EXTRACTED', `The tracking card was extracted on ${facts.trackingCardExtractedOn}`, {
      rule: 'T02',
    });
  }
  const { on: extractedOn, stamp } = actDone(
    T02,
    facts.grantedOn,
    command.data.extractedOn,
    'extractedOn',
    facts.jurisdiction,
    ctx,
  );
  return [
    {
      type: 'TrackingCardExtracted',
      data: {
        ...stamp,
        extractedOn,
        trackingCardNo: requireText(command.data.trackingCardNo, 'trackingCardNo'),
      },
    },
  ];
};

export const decideAssignPatrolTask = (
  command: CommandOf<'AssignPatrolTask'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  if (facts.patrolTaskAssignedOn !== null) {
    fail('PATROL_TASK_ALREADY_ASSIGNED', `The patrol task was assigned on ${facts.patrolTaskAssignedOn}`, {
      rule: 'T02',
    });
  }
  const { data } = command;
  const { on: assignedOn, stamp } = actDone(
    T02,
    facts.grantedOn,
    data.assignedOn,
    'assignedOn',
    facts.jurisdiction,
    ctx,
  );
  return [
    {
      type: 'PatrolTaskAssigned',
      data: {
        ...stamp,
        assignedOn,
        officeId: requireText(data.officeId, 'officeId'),
        // S0 §三(二): the office names the inspectors responsible for the parcel.
        inspectorIds: textList(data.inspectorIds, 'inspectorIds', { required: true }),
      },
    },
  ];
};

export const decideFileSupplyRecord = (
  command: CommandOf<'FileSupplyRecord'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  if (facts.supplyRecordFiledOn !== null) {
    fail(
      'SUPPLY_RECORD_ALREADY_FILED',
      `The supply record was filed on ${facts.supplyRecordFiledOn} (${facts.supplyRecordFilingRef ?? ''})`,
      { rule: 'T03' },
    );
  }
  const { on: filedOn, stamp: sla } = actDone(
    T03,
    facts.grantedOn,
    command.data.filedOn,
    'filedOn',
    facts.jurisdiction,
    ctx,
  );
  return [
    {
      type: 'SupplyRecordFiled',
      data: {
        ...sla,
        filedOn,
        filingRef: requireText(command.data.filingRef, 'filingRef'),
        ...fileSupplyRecord(command, state, ctx, filedOn),
      },
    },
  ];
};

export const decideRecordPaymentInfo = (
  command: CommandOf<'RecordPaymentInfo'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  const { data } = command;
  const payment = facts.payments.find((p) => p.paymentId === data.paymentId);
  if (payment === undefined)
    return fail('PAYMENT_NOT_FOUND', `No payment ${String(data.paymentId)}`, { field: 'paymentId', rule: 'T05' });
  if (payment.infoRecordedOn !== null) {
    fail('PAYMENT_INFO_ALREADY_RECORDED', `Payment ${payment.paymentId} was entered on ${payment.infoRecordedOn}`, {
      field: 'paymentId',
      rule: 'T05',
    });
  }
  const { on: recordedOn, stamp } = actDone(
    T05,
    payment.paidOn,
    data.recordedOn,
    'recordedOn',
    facts.jurisdiction,
    ctx,
  );
  return [
    {
      type: 'PaymentInfoRecorded',
      data: {
        ...stamp,
        paymentId: payment.paymentId,
        recordedOn,
        voucherRefs: data.voucherRefs === undefined ? [] : textList(data.voucherRefs, 'voucherRefs'),
      },
    },
  ];
};

export const decideUploadDeclaration = (
  command: CommandOf<'UploadDeclaration'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['STARTED', 'COMPLETED']);
  const { data } = command;
  const kind = oneOf(data.kind, EXTENSION_KINDS, 'kind', 'FIELD_INVALID');
  const milestone = kind === 'START' ? facts.start : facts.completion;
  // Q10: the 10 wd run from the verification, so only a verified declaration can be uploaded.
  if (milestone.verifiedOn === null) {
    return fail('DECLARATION_NOT_VERIFIED', `The ${kind.toLowerCase()} declaration is not verified yet`, {
      field: 'kind',
      rule: 'T14',
    });
  }
  if (milestone.uploadedOn !== null) {
    fail(
      'DECLARATION_ALREADY_UPLOADED',
      `The ${kind.toLowerCase()} declaration was uploaded on ${milestone.uploadedOn}`,
      { field: 'kind', rule: 'T14' },
    );
  }
  const { on: uploadedOn, stamp } = actDone(
    T14,
    milestone.verifiedOn,
    data.uploadedOn,
    'uploadedOn',
    facts.jurisdiction,
    ctx,
  );
  return [{ type: 'DeclarationUploaded', data: { ...stamp, kind, uploadedOn } }];
};

export const decideHandOverInspectionRecord = (
  command: CommandOf<'HandOverInspectionRecord'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  const { data } = command;
  const inspection = facts.inspections.find((i) => i.inspectionId === data.inspectionId);
  if (inspection === undefined)
    return fail('INSPECTION_NOT_FOUND', `No inspection ${String(data.inspectionId)}`, {
      field: 'inspectionId',
      rule: 'T15',
    });
  if (inspection.handedOverOn !== null) {
    fail(
      'INSPECTION_ALREADY_HANDED_OVER',
      `Inspection ${inspection.inspectionId} was handed over on ${inspection.handedOverOn}`,
      {
        field: 'inspectionId',
        rule: 'T15',
      },
    );
  }
  const { on: handedOverOn, stamp } = actDone(
    T15,
    inspection.inspectedOn,
    data.handedOverOn,
    'handedOverOn',
    facts.jurisdiction,
    ctx,
  );
  return [
    {
      type: 'InspectionRecordHandedOver',
      data: {
        ...stamp,
        inspectionId: inspection.inspectionId,
        handedOverOn,
      },
    },
  ];
};
