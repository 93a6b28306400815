/**
 * Pure mapping from a folded parcel state to its read-model rows. The deadline rows come from
 * the domain's deadline engine (`obligationsOf`), so the read model shows exactly the dates the
 * rules compute, with their policy and calendar versions; nothing is computed here twice.
 */
import type { Insertable } from 'kysely';
import { obligationsOf, type Obligation } from '../../domain/deadlines/index.js';
import {
  firedAlerts,
  outstandingFen,
  parcelJurisdiction,
  parcelPolicyFor,
  paidFen,
  type GrantedState,
  type ParcelState,
} from '../../domain/parcel/index.js';
import type { CalendarSource } from '../../domain/calendar/index.js';
import { divisionCodeColumn } from '../scope.js';
import type {
  DeadlinesRow,
  IdleCasesRow,
  InspectionsRow,
  ParcelInstalmentsRow,
  ParcelPaymentsRow,
  ParcelsRow,
} from './tables.js';

/** The stream facts of the parcel's last applied event. */
export interface StreamHead {
  readonly parcelId: string;
  readonly revision: number;
  readonly lastEventType: string;
  readonly lastEventAt: string;
  readonly position: string;
}

export interface ParcelRows {
  readonly parcel: Insertable<ParcelsRow>;
  readonly instalments: Insertable<ParcelInstalmentsRow>[];
  readonly payments: Insertable<ParcelPaymentsRow>[];
  readonly deadlines: Insertable<DeadlinesRow>[];
  readonly inspections: Insertable<InspectionsRow>[];
  readonly idleCases: Insertable<IdleCasesRow>[];
}

/** Obligations shown as "next deadline": acts someone owes, not validator limits or internal reminders. */
const NEXT_DEADLINE_KINDS: ReadonlySet<string> = new Set(['deadline', 'sla', 'threshold', 'inspection']);

const emptyGrant = () => ({
  grant_kind: null,
  supervision_no: null,
  document_no: null,
  decision_id: null,
  controlling_shareholder_ids: [],
  land_use_code: null,
  residential_subclass: null,
  area_ha: null,
  price_fen: null,
  policy_version: null,
  granted_on: null,
  contract_delivery_date: null,
  delivered_on: null,
  certificate_issued_on: null,
  original_start: null,
  original_completion: null,
  agreed_start: null,
  agreed_completion: null,
  actual_start: null,
  actual_completion: null,
  payable_fen: 0,
  paid_fen: 0,
  outstanding_fen: 0,
  damages_fen: 0,
  first_unpaid_due_date: null,
  payment_demands: 0,
  pending_extension: null,
  extensions_approved: 0,
  idle_case_id: null,
  idle_case_type: null,
  idle_case_status: null,
});

export const parcelRows = (state: ParcelState, calendars: CalendarSource, head: StreamHead): ParcelRows => {
  const obligations = obligationsFor(state, calendars);
  const next = obligations.find((o) => NEXT_DEADLINE_KINDS.has(o.kind)) ?? null;
  const jurisdiction = parcelJurisdiction(state) ?? '';
  const divisionCode = divisionCodeColumn(jurisdiction);
  const landUserId = 'facts' in state ? state.facts.terms.landUserId : 'deal' in state ? state.deal.winnerId : null;
  const common = {
    parcel_id: head.parcelId,
    jurisdiction,
    division_code: divisionCode,
    status: state.status,
    land_user_id: landUserId,
    deal_confirmed_on:
      'deal' in state ? state.deal.dealConfirmedOn : 'facts' in state ? state.facts.dealConfirmedOn : null,
    signing_deadline: 'deal' in state ? state.deal.signingDeadline : null,
    alerts: firedAlerts(state),
    closed_on:
      state.status === 'SUPPLY_ABORTED'
        ? state.abortedOn
        : 'facts' in state
          ? (state.facts.terminatedOn ?? state.facts.revokedOn ?? state.facts.completion.actualDate)
          : null,
    next_deadline_rule: next?.ruleId ?? null,
    next_deadline_kind: next?.kind ?? null,
    next_deadline_date: next?.dueDate ?? null,
    next_deadline_description: next?.description ?? null,
    revision: head.revision,
    last_event_type: head.lastEventType,
    last_event_at: new Date(head.lastEventAt),
    position: head.position,
    state,
  };
  const deadlines = obligations.map((o, seq) =>
    deadlineRow(o, seq, head.parcelId, jurisdiction, divisionCode, landUserId),
  );
  if (!('facts' in state)) {
    return {
      parcel: { ...emptyGrant(), ...common },
      instalments: [],
      payments: [],
      deadlines,
      inspections: [],
      idleCases: [],
    };
  }
  return {
    ...grantedRows(state, head.parcelId, divisionCode),
    parcel: { ...grantedColumns(state), ...common },
    deadlines,
  };
};

const obligationsFor = (state: ParcelState, calendars: CalendarSource): readonly Obligation[] => {
  const jurisdiction = parcelJurisdiction(state);
  return jurisdiction === null ? [] : obligationsOf(state, parcelPolicyFor(state, calendars)(jurisdiction));
};

const deadlineRow = (
  o: Obligation,
  seq: number,
  parcelId: string,
  jurisdiction: string,
  divisionCode: string,
  landUserId: string | null,
): Insertable<DeadlinesRow> => ({
  parcel_id: parcelId,
  seq,
  division_code: divisionCode,
  jurisdiction,
  land_user_id: landUserId,
  rule_id: o.ruleId,
  kind: o.kind,
  subject: o.subject ?? null,
  due_date: o.dueDate,
  unit: o.unit,
  anchor_event_id: o.anchorEventId,
  anchor_date: o.anchorDate,
  provisional: o.provisional,
  policy_version: o.policyVersion,
  calendar_version: o.calendarVersion,
  description: o.description,
  review_id: o.hold?.reviewId ?? null,
  review_status: o.hold?.status ?? null,
  proposed_date: o.hold?.proposedDate ?? null,
});

const grantedColumns = (state: GrantedState) => {
  const { facts } = state;
  const { terms } = facts;
  const payable = facts.instalments.reduce((sum, i) => sum + i.amountFen, 0);
  const paid = facts.payments.reduce((sum, p) => sum + p.amountFen, 0);
  const unpaid = facts.instalments.filter((i) => outstandingFen(facts, i) > 0);
  return {
    grant_kind: facts.grantKind,
    supervision_no: facts.supervisionNo,
    document_no: terms.documentNo,
    decision_id: terms.decisionId,
    controlling_shareholder_ids: [...terms.controllingShareholderIds],
    land_use_code: terms.landUse.code,
    residential_subclass: terms.landUse.residentialSubclass,
    area_ha: terms.areaHa,
    price_fen: terms.priceFen ?? terms.allocationPriceFen,
    policy_version: facts.policyVersion,
    granted_on: facts.grantedOn,
    contract_delivery_date: terms.deliveryDate,
    delivered_on: facts.deliveredOn,
    certificate_issued_on: facts.certificateIssuedOn,
    original_start: facts.schedule.originalStart,
    original_completion: facts.schedule.originalCompletion,
    agreed_start: facts.schedule.agreedStart,
    agreed_completion: facts.schedule.agreedCompletion,
    actual_start: facts.start.actualDate,
    actual_completion: facts.completion.actualDate,
    payable_fen: payable,
    paid_fen: paid,
    outstanding_fen: Math.max(0, payable - paid),
    damages_fen: facts.lateDamages.reduce((sum, d) => sum + d.damagesFen, 0),
    first_unpaid_due_date: unpaid.reduce<string | null>(
      (min, i) => (min === null || i.dueDate < min ? i.dueDate : min),
      null,
    ),
    payment_demands: facts.paymentDemands.length,
    pending_extension: facts.pendingExtension?.kind ?? null,
    extensions_approved: facts.schedule.changes.filter((c) => c.source === 'EXTENSION').length,
    idle_case_id: facts.idleCase?.caseId ?? null,
    idle_case_type: facts.idleCase?.type ?? null,
    idle_case_status: facts.idleCase?.status ?? null,
  };
};

const grantedRows = (state: GrantedState, parcelId: string, divisionCode: string) => {
  const { facts } = state;
  const instalments = facts.instalments.map((i): Insertable<ParcelInstalmentsRow> => {
    const paid = paidFen(facts, i.no);
    const payments = facts.payments.filter((p) => p.instalmentNo === i.no);
    return {
      parcel_id: parcelId,
      no: i.no,
      due_date: i.dueDate,
      amount_fen: i.amountFen,
      paid_fen: paid,
      outstanding_fen: Math.max(0, i.amountFen - paid),
      paid_in_full_on:
        paid >= i.amountFen
          ? (payments
              .map((p) => p.paidOn)
              .sort()
              .at(-1) ?? null)
          : null,
      late_payment_rate_per_day: facts.terms.rates.latePaymentRatePerDay,
    };
  });
  const payments = facts.payments.map((p): Insertable<ParcelPaymentsRow> => {
    const damages = facts.lateDamages.find((d) => d.paymentId === p.paymentId);
    return {
      parcel_id: parcelId,
      payment_id: p.paymentId,
      instalment_no: p.instalmentNo,
      amount_fen: p.amountFen,
      paid_on: p.paidOn,
      days_late: damages?.daysLate ?? 0,
      damages_fen: damages?.damagesFen ?? 0,
      info_recorded_on: p.infoRecordedOn,
      event_id: p.eventId,
    };
  });
  const inspections = facts.inspections.map((i): Insertable<InspectionsRow> => ({
    parcel_id: parcelId,
    inspection_id: i.inspectionId,
    kind: i.kind,
    inspected_on: i.inspectedOn,
    handed_over_on: i.handedOverOn,
    event_id: i.eventId,
  }));
  const cases = [...facts.closedIdleCases, ...(facts.idleCase ? [facts.idleCase] : [])];
  const idleCases = cases.map((c): Insertable<IdleCasesRow> => ({
    parcel_id: parcelId,
    case_id: c.caseId,
    division_code: divisionCode,
    open: c === facts.idleCase,
    type: c.type,
    status: c.status,
    suspected_on: c.suspectedOn,
    threshold_date: c.thresholdDate,
    halted_since: c.haltedSince,
    notice_served_on: c.noticeServedOn,
    materials_due_date: c.materialsDueDate,
    materials_submitted_on: c.materialsSubmittedOn,
    government_cause: c.governmentCause?.cause ?? null,
    government_disposal: c.governmentCause?.disposal ?? null,
    confirmed_on: c.confirmedOn,
    idle_since: c.idleSince,
    fee_fen: c.feeDecision?.feeFen ?? null,
    fee_pay_by: c.feeDecision?.payBy ?? null,
    fee_paid_on: c.feePaidOn,
    deregister_by: c.recoveryDecision?.deregisterBy ?? null,
    deregistered_on: c.deregisteredOn,
    closed_on: c.closedOn,
    published_on: c.publishedOn,
    publication_withdrawn_on: c.publicationWithdrawnOn,
  }));
  return { instalments, payments, inspections, idleCases };
};
