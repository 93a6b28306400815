/**
 * Queries over the parcel read model. Every function takes the caller's scope (division prefix,
 * and for a land user their own id) and never returns a row outside it. Flags are evaluated for a
 * day `on` from the stored dates, so they are right on any day without a timer having fired.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { decodeCursor, toPage, type Page } from '../paging.js';
import { likePrefix } from '../scope.js';
import type { ParcelTables, ParcelsRow, DeadlinesRow } from './tables.js';
import type { DeadlineView, ParcelView } from './views.js';

export interface ReadScope {
  /** Division-code prefix ('3201'); null = the whole country. */
  readonly divisionPrefix: string | null;
  /** A land user's token sees only their own parcels. */
  readonly landUserId?: string;
}

type Db = Kysely<ParcelTables>;
type ParcelEb = ExpressionBuilder<ParcelTables, 'parcels'>;

const NOT_STARTED = ['GRANTED', 'DELIVERED', 'CERTIFIED'];
const NOT_COMPLETED = [...NOT_STARTED, 'STARTED'];

/** The caller's scope as a condition on `parcels` (shared with the supply report, so both count the same rows). */
export const inScope = (eb: ParcelEb, scope: ReadScope): Expression<SqlBool> =>
  eb.and([
    ...(scope.divisionPrefix === null ? [] : [eb('parcels.division_code', 'like', likePrefix(scope.divisionPrefix))]),
    ...(scope.landUserId === undefined ? [] : [eb('parcels.land_user_id', '=', scope.landUserId)]),
  ]);

/** Not started after the agreed start, or started late (the `late` filter, with lateCompletion). */
export const lateStart = (eb: ParcelEb, on: string) =>
  eb.or([
    eb.and([
      eb('parcels.actual_start', 'is', null),
      eb('parcels.agreed_start', '<', on),
      eb('parcels.status', 'in', NOT_STARTED),
    ]),
    eb('parcels.actual_start', '>', eb.ref('parcels.agreed_start')),
  ]);

export const lateCompletion = (eb: ParcelEb, on: string) =>
  eb.or([
    eb.and([
      eb('parcels.actual_completion', 'is', null),
      eb('parcels.agreed_completion', '<', on),
      eb('parcels.status', 'in', NOT_COMPLETED),
    ]),
    eb('parcels.actual_completion', '>', eb.ref('parcels.agreed_completion')),
  ]);

const PARCEL_COLUMNS = [
  'parcel_id',
  'jurisdiction',
  'status',
  'grant_kind',
  'supervision_no',
  'document_no',
  'decision_id',
  'land_user_id',
  'controlling_shareholder_ids',
  'land_use_code',
  'residential_subclass',
  'area_ha',
  'price_fen',
  'policy_version',
  'deal_confirmed_on',
  'signing_deadline',
  'granted_on',
  'contract_delivery_date',
  'delivered_on',
  'certificate_issued_on',
  'original_start',
  'original_completion',
  'agreed_start',
  'agreed_completion',
  'actual_start',
  'actual_completion',
  'payable_fen',
  'paid_fen',
  'outstanding_fen',
  'damages_fen',
  'first_unpaid_due_date',
  'payment_demands',
  'pending_extension',
  'alerts',
  'extensions_approved',
  'idle_case_id',
  'idle_case_type',
  'idle_case_status',
  'closed_on',
  'next_deadline_rule',
  'next_deadline_kind',
  'next_deadline_date',
  'next_deadline_description',
  'revision',
  'last_event_type',
  'last_event_at',
] as const satisfies readonly (keyof ParcelsRow)[];

type ParcelRow = Pick<Selectable<ParcelsRow>, (typeof PARCEL_COLUMNS)[number]> & {
  late_start: SqlBool | null;
  late_completion: SqlBool | null;
  sla_breaches: string | number | null;
};

const selectParcels = (db: Db, on: string) =>
  db
    .selectFrom('parcels')
    .select(PARCEL_COLUMNS.map((c) => `parcels.${c}` as const))
    .select((eb) => [
      lateStart(eb, on).as('late_start'),
      lateCompletion(eb, on).as('late_completion'),
      eb
        .selectFrom('deadlines')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('deadlines.parcel_id', '=', 'parcels.parcel_id')
        .where('deadlines.kind', '=', 'sla')
        .where('deadlines.due_date', '<', on)
        .as('sla_breaches'),
    ]);

const toView = (row: ParcelRow, on: string): ParcelView => ({
  parcelId: row.parcel_id,
  jurisdiction: row.jurisdiction,
  status: row.status,
  grantKind: row.grant_kind as ParcelView['grantKind'],
  supervisionNo: row.supervision_no,
  documentNo: row.document_no,
  decisionId: row.decision_id,
  landUserId: row.land_user_id,
  controllingShareholderIds: row.controlling_shareholder_ids,
  landUseCode: row.land_use_code,
  residentialSubclass: row.residential_subclass,
  areaHa: row.area_ha,
  priceFen: row.price_fen === null ? null : Number(row.price_fen),
  policyVersion: row.policy_version,
  dealConfirmedOn: row.deal_confirmed_on,
  signingDeadline: row.signing_deadline,
  grantedOn: row.granted_on,
  contractDeliveryDate: row.contract_delivery_date,
  deliveredOn: row.delivered_on,
  certificateIssuedOn: row.certificate_issued_on,
  originalStart: row.original_start,
  originalCompletion: row.original_completion,
  agreedStart: row.agreed_start,
  agreedCompletion: row.agreed_completion,
  actualStart: row.actual_start,
  actualCompletion: row.actual_completion,
  payableFen: Number(row.payable_fen),
  paidFen: Number(row.paid_fen),
  outstandingFen: Number(row.outstanding_fen),
  damagesFen: Number(row.damages_fen),
  firstUnpaidDueDate: row.first_unpaid_due_date,
  paymentDemands: row.payment_demands,
  pendingExtension: row.pending_extension,
  extensionsApproved: row.extensions_approved,
  idleCase:
    row.idle_case_id === null
      ? null
      : { caseId: row.idle_case_id, type: row.idle_case_type ?? '', status: row.idle_case_status ?? '' },
  closedOn: row.closed_on,
  nextDeadline:
    row.next_deadline_date === null
      ? null
      : {
          rule: row.next_deadline_rule ?? '',
          kind: row.next_deadline_kind ?? '',
          dueDate: row.next_deadline_date,
          description: row.next_deadline_description ?? '',
        },
  alerts: row.alerts.map((a) => ({
    rule: a.rule,
    subject: a.subject,
    event: a.eventType,
    dueDate: a.dueDate,
    firedOn: a.firedOn,
  })),
  flags: {
    paymentOverdue: row.first_unpaid_due_date !== null && row.first_unpaid_due_date < on,
    lateStart: Boolean(row.late_start),
    lateCompletion: Boolean(row.late_completion),
    idleSuspected: row.idle_case_id !== null,
    slaBreaches: Number(row.sla_breaches ?? 0),
  },
  revision: row.revision,
  lastEventType: row.last_event_type,
  lastEventAt: row.last_event_at.toISOString(),
});

export const getParcel = async (db: Db, parcelId: string, scope: ReadScope, on: string): Promise<ParcelView | null> => {
  const row = await selectParcels(db, on)
    .where('parcels.parcel_id', '=', parcelId)
    .where((eb) => inScope(eb, scope))
    .executeTakeFirst();
  return row ? toView(row, on) : null;
};

export interface ParcelFilter {
  readonly jurisdiction?: string;
  readonly status?: readonly string[];
  readonly landUserId?: string;
  readonly landUseCode?: string;
  readonly decisionId?: string;
  readonly supervisionNo?: string;
  readonly documentNo?: string;
  readonly overdue?: boolean;
  readonly idle?: boolean;
  readonly late?: boolean;
  readonly nextDeadlineBefore?: string;
  readonly nextDeadlineAfter?: string;
  /** Granted on or after this day (`granted_on`, inclusive); parcels not granted are left out. */
  readonly grantedFrom?: string;
  /** Granted on or before this day (inclusive). */
  readonly grantedTo?: string;
  /** 'parcelId' (default) or 'nextDeadline' (earliest first; parcels without one are left out). */
  readonly sort?: 'parcelId' | 'nextDeadline';
  readonly on: string;
  readonly limit: number;
  readonly cursor?: string;
}

export const listParcels = async (db: Db, scope: ReadScope, filter: ParcelFilter): Promise<Page<ParcelView>> => {
  const { on, limit } = filter;
  const byDeadline = filter.sort === 'nextDeadline';
  let query = selectParcels(db, on).where((eb) => {
    const conditions: Expression<SqlBool>[] = [inScope(eb, scope)];
    if (filter.jurisdiction !== undefined)
      conditions.push(eb('parcels.division_code', 'like', likePrefix(filter.jurisdiction)));
    if (filter.status?.length) conditions.push(eb('parcels.status', 'in', filter.status));
    if (filter.landUserId !== undefined) conditions.push(eb('parcels.land_user_id', '=', filter.landUserId));
    if (filter.landUseCode !== undefined) conditions.push(eb('parcels.land_use_code', '=', filter.landUseCode));
    if (filter.decisionId !== undefined) conditions.push(eb('parcels.decision_id', '=', filter.decisionId));
    if (filter.supervisionNo !== undefined) conditions.push(eb('parcels.supervision_no', '=', filter.supervisionNo));
    if (filter.documentNo !== undefined) conditions.push(eb('parcels.document_no', '=', filter.documentNo));
    if (filter.overdue !== undefined) {
      const overdue = eb('parcels.first_unpaid_due_date', '<', on);
      conditions.push(filter.overdue ? overdue : eb.not(eb.fn.coalesce(overdue, sql<SqlBool>`false`)));
    }
    if (filter.idle !== undefined) conditions.push(eb('parcels.idle_case_id', filter.idle ? 'is not' : 'is', null));
    if (filter.late !== undefined) {
      const late = eb.or([lateStart(eb, on), lateCompletion(eb, on)]);
      conditions.push(filter.late ? late : eb.not(eb.fn.coalesce(late, sql<SqlBool>`false`)));
    }
    if (filter.nextDeadlineBefore !== undefined)
      conditions.push(eb('parcels.next_deadline_date', '<', filter.nextDeadlineBefore));
    if (filter.nextDeadlineAfter !== undefined)
      conditions.push(eb('parcels.next_deadline_date', '>', filter.nextDeadlineAfter));
    if (filter.grantedFrom !== undefined) conditions.push(eb('parcels.granted_on', '>=', filter.grantedFrom));
    if (filter.grantedTo !== undefined) conditions.push(eb('parcels.granted_on', '<=', filter.grantedTo));
    if (byDeadline) conditions.push(eb('parcels.next_deadline_date', 'is not', null));
    if (filter.cursor !== undefined) {
      if (byDeadline) {
        const [date, id] = decodeCursor(filter.cursor, 2) as [string, string];
        conditions.push(eb(eb.refTuple('parcels.next_deadline_date', 'parcels.parcel_id'), '>', eb.tuple(date, id)));
      } else {
        const [id] = decodeCursor(filter.cursor, 1) as [string];
        conditions.push(eb('parcels.parcel_id', '>', id));
      }
    }
    return eb.and(conditions);
  });
  query = byDeadline
    ? query.orderBy('parcels.next_deadline_date').orderBy('parcels.parcel_id')
    : query.orderBy('parcels.parcel_id');
  const rows = await query.limit(limit + 1).execute();
  return toPage(
    rows,
    limit,
    (row) => (byDeadline ? [row.next_deadline_date, row.parcel_id] : [row.parcel_id]),
    (row) => toView(row, on),
  );
};

export const deadlineToView = (row: Selectable<DeadlinesRow>, on: string): DeadlineView => ({
  parcelId: row.parcel_id,
  jurisdiction: row.jurisdiction,
  landUserId: row.land_user_id,
  rule: row.rule_id,
  kind: row.kind,
  subject: row.subject,
  dueDate: row.due_date,
  unit: row.unit,
  anchorEventId: row.anchor_event_id,
  anchorDate: row.anchor_date,
  provisional: row.provisional,
  policyVersion: row.policy_version,
  calendarVersion: row.calendar_version,
  description: row.description,
  overdue: row.due_date < on,
  review:
    row.review_id === null || row.review_status === null || row.proposed_date === null
      ? null
      : { reviewId: row.review_id, status: row.review_status, proposedDate: row.proposed_date },
});

export interface DeadlineFilter {
  readonly jurisdiction?: string;
  readonly rule?: readonly string[];
  readonly kind?: readonly string[];
  readonly dueBefore?: string;
  /** Only deadlines held for review at their communicated date (§11.4.3): the review queue is `OPEN`. */
  readonly review?: 'OPEN' | 'KEPT';
  readonly dueAfter?: string;
  readonly parcelId?: string;
  readonly on: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** The patrol post's work queue: open obligations across parcels, earliest first. */
export const listDeadlines = async (db: Db, scope: ReadScope, filter: DeadlineFilter): Promise<Page<DeadlineView>> => {
  const rows = await db
    .selectFrom('deadlines')
    .selectAll()
    .where((eb) => {
      const c: Expression<SqlBool>[] = [];
      if (scope.divisionPrefix !== null)
        c.push(eb('deadlines.division_code', 'like', likePrefix(scope.divisionPrefix)));
      if (scope.landUserId !== undefined) c.push(eb('deadlines.land_user_id', '=', scope.landUserId));
      if (filter.jurisdiction !== undefined)
        c.push(eb('deadlines.division_code', 'like', likePrefix(filter.jurisdiction)));
      if (filter.rule?.length) c.push(eb('deadlines.rule_id', 'in', filter.rule));
      if (filter.kind?.length) c.push(eb('deadlines.kind', 'in', filter.kind));
      if (filter.dueBefore !== undefined) c.push(eb('deadlines.due_date', '<', filter.dueBefore));
      if (filter.dueAfter !== undefined) c.push(eb('deadlines.due_date', '>', filter.dueAfter));
      if (filter.parcelId !== undefined) c.push(eb('deadlines.parcel_id', '=', filter.parcelId));
      if (filter.review !== undefined) c.push(eb('deadlines.review_status', '=', filter.review));
      if (filter.cursor !== undefined) {
        const [date, id, seq] = decodeCursor(filter.cursor, 3) as [string, string, number];
        c.push(
          eb(eb.refTuple('deadlines.due_date', 'deadlines.parcel_id', 'deadlines.seq'), '>', eb.tuple(date, id, seq)),
        );
      }
      return eb.and(c);
    })
    .orderBy('deadlines.due_date')
    .orderBy('deadlines.parcel_id')
    .orderBy('deadlines.seq')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (r) => [r.due_date, r.parcel_id, r.seq],
    (r) => deadlineToView(r, filter.on),
  );
};

/** True when the parcel exists inside the scope (sub-resources answer 404 otherwise). */
export const parcelInScope = async (db: Db, parcelId: string, scope: ReadScope): Promise<boolean> =>
  (await db
    .selectFrom('parcels')
    .select('parcel_id')
    .where('parcel_id', '=', parcelId)
    .where((eb) => inScope(eb, scope))
    .executeTakeFirst()) !== undefined;
