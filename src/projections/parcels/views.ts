/**
 * The parcel read model as the API shows it (zod: validates nothing at runtime on the way out but
 * types the routes and generates the OpenAPI response schemas). Money in integer fen, dates ISO.
 */
import { z } from 'zod';

const date = z.iso.date().nullable();
const fen = z.number().int();

export const parcelFlags = z
  .object({
    paymentOverdue: z.boolean().describe('An instalment is unpaid after its due date (T07)'),
    lateStart: z.boolean().describe('Not started by the effective agreed start date, or started after it'),
    lateCompletion: z
      .boolean()
      .describe('Not completed by the effective agreed completion date, or completed after it'),
    idleSuspected: z.boolean().describe('An idle-land case is open'),
    slaBreaches: z.number().int().describe('Open data-entry and hand-over obligations past their due date'),
  })
  .describe('Flags as of `on` (today in Asia/Shanghai unless the query names a day)');

export const parcelView = z.object({
  parcelId: z.string(),
  jurisdiction: z.string(),
  status: z.string(),
  grantKind: z.enum(['TRANSFER', 'ALLOCATION']).nullable(),
  supervisionNo: z.string().nullable().describe('电子监管号'),
  documentNo: z.string().nullable().describe('Contract or allocation decision number'),
  decisionId: z.string().nullable(),
  landUserId: z.string().nullable(),
  controllingShareholderIds: z.array(z.string()),
  landUseCode: z.string().nullable(),
  residentialSubclass: z.number().int().nullable(),
  areaHa: z.string().nullable(),
  priceFen: fen.nullable(),
  policyVersion: z.string().nullable(),
  dealConfirmedOn: date,
  signingDeadline: date,
  grantedOn: date,
  contractDeliveryDate: date,
  deliveredOn: date,
  certificateIssuedOn: date,
  originalStart: date,
  originalCompletion: date,
  agreedStart: date.describe('Effective agreed start after approved changes'),
  agreedCompletion: date,
  actualStart: date,
  actualCompletion: date,
  payableFen: fen,
  paidFen: fen,
  outstandingFen: fen,
  damagesFen: fen.describe('Late-payment damages assessed so far'),
  firstUnpaidDueDate: date,
  paymentDemands: z.number().int(),
  pendingExtension: z.string().nullable(),
  extensionsApproved: z.number().int(),
  idleCase: z.object({ caseId: z.string(), type: z.string(), status: z.string() }).nullable(),
  closedOn: date,
  nextDeadline: z
    .object({ rule: z.string(), kind: z.string(), dueDate: z.iso.date(), description: z.string() })
    .nullable()
    .describe('The earliest open obligation (deadline, SLA, threshold or inspection), overdue ones included'),
  alerts: z
    .array(
      z.object({
        rule: z.string(),
        subject: z.string().nullable(),
        event: z.string(),
        dueDate: z.iso.date(),
        firedOn: z.iso.date(),
      }),
    )
    .describe(
      'Timers that fired on the parcel, oldest first: reminders issued, SLA breaches, overdue flags, deadlines passed (DOMAIN.md §4)',
    ),
  flags: parcelFlags,
  revision: z.number().int(),
  lastEventType: z.string(),
  lastEventAt: z.string(),
});
export type ParcelView = z.infer<typeof parcelView>;

export const deadlineView = z.object({
  parcelId: z.string(),
  jurisdiction: z.string(),
  landUserId: z.string().nullable(),
  rule: z.string(),
  kind: z.string(),
  subject: z.string().nullable(),
  dueDate: z.iso.date(),
  unit: z.string(),
  anchorEventId: z.string().nullable(),
  anchorDate: z.iso.date(),
  provisional: z.boolean().describe('Depends on a year without a published holiday notice'),
  policyVersion: z.string(),
  calendarVersion: z.string(),
  description: z.string(),
  overdue: z.boolean(),
  review: z
    .object({
      reviewId: z.string(),
      status: z.enum(['OPEN', 'KEPT']),
      proposedDate: z.iso.date().describe('The earlier date a newer calendar gives'),
    })
    .nullable()
    .describe('Held at its communicated date because a calendar change would shorten it (§11.4.3)'),
});
export type DeadlineView = z.infer<typeof deadlineView>;

export const instalmentView = z.object({
  no: z.number().int(),
  dueDate: z.iso.date(),
  amountFen: fen,
  paidFen: fen,
  outstandingFen: fen,
  paidInFullOn: date,
  overdue: z.boolean(),
  daysOverdue: z.number().int().describe('Days from the day after the due date through `on` while unpaid (T07)'),
  accruedDamagesFen: fen.describe(
    'Late-payment damages accrued by `on` on the outstanding amount at the contract rate (T07); assessed for good when paid',
  ),
});

export const paymentView = z.object({
  paymentId: z.string(),
  instalmentNo: z.number().int(),
  amountFen: fen,
  paidOn: z.iso.date(),
  daysLate: z.number().int(),
  damagesFen: fen,
  infoRecordedOn: date,
  eventId: z.string().nullable(),
});

export const parcelPaymentsView = z.object({ instalments: z.array(instalmentView), payments: z.array(paymentView) });

export const inspectionView = z.object({
  inspectionId: z.string(),
  kind: z.string(),
  inspectedOn: z.iso.date(),
  handedOverOn: date,
  eventId: z.string().nullable(),
});

export const idleCaseView = z.object({
  caseId: z.string(),
  open: z.boolean(),
  type: z.string(),
  status: z.string(),
  suspectedOn: z.iso.date(),
  thresholdDate: z.iso.date(),
  haltedSince: date,
  noticeServedOn: date,
  materialsDueDate: date,
  materialsSubmittedOn: date,
  governmentCause: z.string().nullable(),
  governmentDisposal: z.string().nullable(),
  confirmedOn: date,
  idleSince: date,
  feeFen: fen.nullable(),
  feePayBy: date,
  feePaidOn: date,
  deregisterBy: date,
  deregisteredOn: date,
  closedOn: date,
  publishedOn: date,
  publicationWithdrawnOn: date,
});
