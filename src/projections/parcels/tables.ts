/**
 * The parcel read model's tables (one generation's schema; served through same-named views in
 * the base schema). Dates are ISO date strings (`date` columns read as text, see the pg type
 * parser in ../dates.ts), money is integer fen (bigint, read as number: fen stays far below 2^53).
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';
import type { SupervisionAlert } from '../../domain/parcel/index.js';

type IsoDate = string;
/** bigint fen: written as a number, read back as pg's string (mapped with Number in the views). */
type Fen = ColumnType<string, number, number>;
type NullableFen = ColumnType<string | null, number | null, number | null>;

export interface ParcelsRow {
  parcel_id: string;
  jurisdiction: string;
  division_code: string;
  status: string;
  grant_kind: string | null;
  supervision_no: string | null;
  document_no: string | null;
  decision_id: string | null;
  land_user_id: string | null;
  controlling_shareholder_ids: string[];
  /** JSON list of the timers that fired on the parcel (SupervisionAlert). */
  alerts: readonly SupervisionAlert[];
  land_use_code: string | null;
  residential_subclass: number | null;
  area_ha: string | null;
  price_fen: NullableFen;
  policy_version: string | null;
  deal_confirmed_on: IsoDate | null;
  signing_deadline: IsoDate | null;
  granted_on: IsoDate | null;
  contract_delivery_date: IsoDate | null;
  delivered_on: IsoDate | null;
  certificate_issued_on: IsoDate | null;
  original_start: IsoDate | null;
  original_completion: IsoDate | null;
  agreed_start: IsoDate | null;
  agreed_completion: IsoDate | null;
  actual_start: IsoDate | null;
  actual_completion: IsoDate | null;
  payable_fen: Fen;
  paid_fen: Fen;
  outstanding_fen: Fen;
  damages_fen: Fen;
  first_unpaid_due_date: IsoDate | null;
  payment_demands: number;
  pending_extension: string | null;
  extensions_approved: number;
  idle_case_id: string | null;
  idle_case_type: string | null;
  idle_case_status: string | null;
  closed_on: IsoDate | null;
  next_deadline_rule: string | null;
  next_deadline_kind: string | null;
  next_deadline_date: IsoDate | null;
  next_deadline_description: string | null;
  revision: number;
  last_event_type: string;
  last_event_at: Date;
  position: string;
  state: unknown;
}

export interface ParcelInstalmentsRow {
  parcel_id: string;
  no: number;
  due_date: IsoDate;
  amount_fen: Fen;
  paid_fen: Fen;
  outstanding_fen: Fen;
  paid_in_full_on: IsoDate | null;
  /** T07: the contract's late-payment rate (decimal fraction per day). */
  late_payment_rate_per_day: string;
}

export interface ParcelPaymentsRow {
  parcel_id: string;
  payment_id: string;
  instalment_no: number;
  amount_fen: Fen;
  paid_on: IsoDate;
  days_late: number;
  damages_fen: Fen;
  info_recorded_on: IsoDate | null;
  event_id: string | null;
}

export interface DeadlinesRow {
  parcel_id: string;
  seq: number;
  division_code: string;
  jurisdiction: string;
  land_user_id: string | null;
  rule_id: string;
  kind: string;
  subject: string | null;
  due_date: IsoDate;
  unit: string;
  anchor_event_id: string | null;
  anchor_date: IsoDate;
  provisional: boolean;
  policy_version: string;
  calendar_version: string;
  description: string;
  /** A deadline held at its communicated date for review (§11.4.3): the review and its state. */
  review_id: string | null;
  review_status: 'OPEN' | 'KEPT' | null;
  proposed_date: IsoDate | null;
}

export interface InspectionsRow {
  parcel_id: string;
  inspection_id: string;
  kind: string;
  inspected_on: IsoDate;
  handed_over_on: IsoDate | null;
  event_id: string | null;
}

export interface IdleCasesRow {
  parcel_id: string;
  case_id: string;
  division_code: string;
  open: boolean;
  type: string;
  status: string;
  suspected_on: IsoDate;
  threshold_date: IsoDate;
  halted_since: IsoDate | null;
  notice_served_on: IsoDate | null;
  materials_due_date: IsoDate | null;
  materials_submitted_on: IsoDate | null;
  government_cause: string | null;
  government_disposal: string | null;
  confirmed_on: IsoDate | null;
  idle_since: IsoDate | null;
  fee_fen: NullableFen;
  fee_pay_by: IsoDate | null;
  fee_paid_on: IsoDate | null;
  deregister_by: IsoDate | null;
  deregistered_on: IsoDate | null;
  closed_on: IsoDate | null;
  published_on: IsoDate | null;
  publication_withdrawn_on: IsoDate | null;
}

export interface ParcelTables {
  parcels: ParcelsRow;
  parcel_instalments: ParcelInstalmentsRow;
  parcel_payments: ParcelPaymentsRow;
  deadlines: DeadlinesRow;
  inspections: InspectionsRow;
  idle_cases: IdleCasesRow;
}

export const PARCEL_TABLES = [
  'parcels',
  'parcel_instalments',
  'parcel_payments',
  'deadlines',
  'inspections',
  'idle_cases',
] as const satisfies readonly (keyof ParcelTables)[];

export const createParcelTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  const s = quoteIdent(schema);
  const statements = [
    `CREATE TABLE ${s}.parcels (
      parcel_id text COLLATE "C" PRIMARY KEY,
      jurisdiction text NOT NULL,
      division_code text COLLATE "C" NOT NULL,
      status text NOT NULL,
      grant_kind text,
      supervision_no text,
      document_no text,
      decision_id text,
      land_user_id text COLLATE "C",
      controlling_shareholder_ids text[] NOT NULL,
      alerts jsonb NOT NULL,
      land_use_code text,
      residential_subclass integer,
      area_ha numeric(14, 4),
      price_fen bigint,
      policy_version text,
      deal_confirmed_on date,
      signing_deadline date,
      granted_on date,
      contract_delivery_date date,
      delivered_on date,
      certificate_issued_on date,
      original_start date,
      original_completion date,
      agreed_start date,
      agreed_completion date,
      actual_start date,
      actual_completion date,
      payable_fen bigint NOT NULL,
      paid_fen bigint NOT NULL,
      outstanding_fen bigint NOT NULL,
      damages_fen bigint NOT NULL,
      first_unpaid_due_date date,
      payment_demands integer NOT NULL,
      pending_extension text,
      extensions_approved integer NOT NULL,
      idle_case_id text,
      idle_case_type text,
      idle_case_status text,
      closed_on date,
      next_deadline_rule text,
      next_deadline_kind text,
      next_deadline_date date,
      next_deadline_description text,
      revision integer NOT NULL,
      last_event_type text NOT NULL,
      last_event_at timestamptz NOT NULL,
      position text NOT NULL,
      state jsonb NOT NULL
    )`,
    `CREATE INDEX parcels_division ON ${s}.parcels (division_code, parcel_id)`,
    `CREATE INDEX parcels_status ON ${s}.parcels (status, parcel_id)`,
    `CREATE INDEX parcels_land_user ON ${s}.parcels (land_user_id, parcel_id)`,
    `CREATE INDEX parcels_next_deadline ON ${s}.parcels (next_deadline_date, parcel_id)`,
    `CREATE INDEX parcels_supervision_no ON ${s}.parcels (supervision_no)`,
    `CREATE INDEX parcels_document_no ON ${s}.parcels (document_no)`,
    `CREATE INDEX parcels_decision ON ${s}.parcels (decision_id)`,
    `CREATE INDEX parcels_unpaid ON ${s}.parcels (first_unpaid_due_date, parcel_id) WHERE first_unpaid_due_date IS NOT NULL`,
    `CREATE INDEX parcels_idle ON ${s}.parcels (division_code, parcel_id) WHERE idle_case_id IS NOT NULL`,
    `CREATE TABLE ${s}.parcel_instalments (
      parcel_id text COLLATE "C" NOT NULL,
      no integer NOT NULL,
      due_date date NOT NULL,
      amount_fen bigint NOT NULL,
      paid_fen bigint NOT NULL,
      outstanding_fen bigint NOT NULL,
      paid_in_full_on date,
      late_payment_rate_per_day text NOT NULL,
      PRIMARY KEY (parcel_id, no)
    )`,
    `CREATE TABLE ${s}.parcel_payments (
      parcel_id text COLLATE "C" NOT NULL,
      payment_id text COLLATE "C" NOT NULL,
      instalment_no integer NOT NULL,
      amount_fen bigint NOT NULL,
      paid_on date NOT NULL,
      days_late integer NOT NULL,
      damages_fen bigint NOT NULL,
      info_recorded_on date,
      event_id text,
      PRIMARY KEY (parcel_id, payment_id)
    )`,
    `CREATE TABLE ${s}.deadlines (
      parcel_id text COLLATE "C" NOT NULL,
      seq integer NOT NULL,
      division_code text COLLATE "C" NOT NULL,
      jurisdiction text NOT NULL,
      land_user_id text COLLATE "C",
      rule_id text COLLATE "C" NOT NULL,
      kind text NOT NULL,
      subject text,
      due_date date NOT NULL,
      unit text NOT NULL,
      anchor_event_id text,
      anchor_date date NOT NULL,
      provisional boolean NOT NULL,
      policy_version text NOT NULL,
      calendar_version text NOT NULL,
      description text NOT NULL,
      review_id text COLLATE "C",
      review_status text,
      proposed_date date,
      PRIMARY KEY (parcel_id, seq)
    )`,
    // The work queue of held deadlines (GET /calendar/reviews) and the reconciler's stale scan.
    `CREATE INDEX deadlines_reviews ON ${s}.deadlines (review_status, due_date) WHERE review_status IS NOT NULL`,
    `CREATE INDEX deadlines_calendar ON ${s}.deadlines (jurisdiction, calendar_version)`,
    `CREATE INDEX deadlines_queue ON ${s}.deadlines (due_date, parcel_id, seq)`,
    `CREATE INDEX deadlines_division_queue ON ${s}.deadlines (division_code, due_date, parcel_id, seq)`,
    `CREATE INDEX deadlines_rule_queue ON ${s}.deadlines (rule_id, due_date, parcel_id, seq)`,
    `CREATE TABLE ${s}.inspections (
      parcel_id text COLLATE "C" NOT NULL,
      inspection_id text COLLATE "C" NOT NULL,
      kind text NOT NULL,
      inspected_on date NOT NULL,
      handed_over_on date,
      event_id text,
      PRIMARY KEY (parcel_id, inspection_id)
    )`,
    `CREATE TABLE ${s}.idle_cases (
      parcel_id text COLLATE "C" NOT NULL,
      case_id text COLLATE "C" NOT NULL,
      division_code text COLLATE "C" NOT NULL,
      open boolean NOT NULL,
      type text NOT NULL,
      status text NOT NULL,
      suspected_on date NOT NULL,
      threshold_date date NOT NULL,
      halted_since date,
      notice_served_on date,
      materials_due_date date,
      materials_submitted_on date,
      government_cause text,
      government_disposal text,
      confirmed_on date,
      idle_since date,
      fee_fen bigint,
      fee_pay_by date,
      fee_paid_on date,
      deregister_by date,
      deregistered_on date,
      closed_on date,
      published_on date,
      publication_withdrawn_on date,
      PRIMARY KEY (parcel_id, case_id)
    )`,
    `CREATE INDEX idle_cases_open ON ${s}.idle_cases (division_code, parcel_id) WHERE open`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
};
