/** A parcel's child rows as views (the caller has checked the parcel is in scope). */
import type { Kysely, Selectable } from 'kysely';
import { daysLate } from '../../domain/late-payment.js';
import { lateDamagesFen } from '../../domain/money.js';
import type { ParcelInstalmentsRow, ParcelTables } from './tables.js';
import { deadlineToView } from './queries.js';
import type { DeadlineView } from './views.js';

const n = (v: string | number | null): number | null => (v === null ? null : Number(v));

/**
 * T07 on any day: damages on the amount still outstanding, at the contract's daily rate, from the
 * day after the due date through `on` (assessed for good when the payment is recorded).
 */
const accruedOn = (i: Selectable<ParcelInstalmentsRow>, on: string) => {
  const outstanding = Number(i.outstanding_fen);
  const days = outstanding > 0 && i.due_date < on ? daysLate(i.due_date, on) : 0;
  return {
    daysOverdue: days,
    accruedDamagesFen: days === 0 ? 0 : lateDamagesFen(outstanding, i.late_payment_rate_per_day, days),
  };
};

export const parcelSubresources = (db: Kysely<ParcelTables>) => ({
  deadlines: async (parcelId: string, on: string): Promise<DeadlineView[]> =>
    (await db.selectFrom('deadlines').selectAll().where('parcel_id', '=', parcelId).orderBy('seq').execute()).map((r) =>
      deadlineToView(r, on),
    ),
  payments: async (parcelId: string, on: string) => {
    const [instalments, payments] = await Promise.all([
      db.selectFrom('parcel_instalments').selectAll().where('parcel_id', '=', parcelId).orderBy('no').execute(),
      db
        .selectFrom('parcel_payments')
        .selectAll()
        .where('parcel_id', '=', parcelId)
        .orderBy('paid_on')
        .orderBy('payment_id')
        .execute(),
    ]);
    return {
      instalments: instalments.map((i) => ({
        no: i.no,
        dueDate: i.due_date,
        amountFen: Number(i.amount_fen),
        paidFen: Number(i.paid_fen),
        outstandingFen: Number(i.outstanding_fen),
        paidInFullOn: i.paid_in_full_on,
        overdue: Number(i.outstanding_fen) > 0 && i.due_date < on,
        ...accruedOn(i, on),
      })),
      payments: payments.map((p) => ({
        paymentId: p.payment_id,
        instalmentNo: p.instalment_no,
        amountFen: Number(p.amount_fen),
        paidOn: p.paid_on,
        daysLate: p.days_late,
        damagesFen: Number(p.damages_fen),
        infoRecordedOn: p.info_recorded_on,
        eventId: p.event_id,
      })),
    };
  },
  inspections: async (parcelId: string) =>
    (
      await db
        .selectFrom('inspections')
        .selectAll()
        .where('parcel_id', '=', parcelId)
        .orderBy('inspected_on')
        .orderBy('inspection_id')
        .execute()
    ).map((i) => ({
      inspectionId: i.inspection_id,
      kind: i.kind,
      inspectedOn: i.inspected_on,
      handedOverOn: i.handed_over_on,
      eventId: i.event_id,
    })),
  idleCases: async (parcelId: string) =>
    (
      await db
        .selectFrom('idle_cases')
        .selectAll()
        .where('parcel_id', '=', parcelId)
        .orderBy('suspected_on')
        .orderBy('case_id')
        .execute()
    ).map((c) => ({
      caseId: c.case_id,
      open: c.open,
      type: c.type,
      status: c.status,
      suspectedOn: c.suspected_on,
      thresholdDate: c.threshold_date,
      haltedSince: c.halted_since,
      noticeServedOn: c.notice_served_on,
      materialsDueDate: c.materials_due_date,
      materialsSubmittedOn: c.materials_submitted_on,
      governmentCause: c.government_cause,
      governmentDisposal: c.government_disposal,
      confirmedOn: c.confirmed_on,
      idleSince: c.idle_since,
      feeFen: n(c.fee_fen),
      feePayBy: c.fee_pay_by,
      feePaidOn: c.fee_paid_on,
      deregisterBy: c.deregister_by,
      deregisteredOn: c.deregistered_on,
      closedOn: c.closed_on,
      publishedOn: c.published_on,
      publicationWithdrawnOn: c.publication_withdrawn_on,
    })),
});
