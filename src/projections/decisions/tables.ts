/**
 * The decision read model's tables (DOMAIN.md §10.1 audit trail, §10.2 sealed reserve price):
 * one row per decision, one per meeting participant, one per parcel the decision names. Instants
 * are kept as the events carry them (text with their offset); the meeting instant is also kept as
 * timestamptz for sorting and range filters. bigint comes back from pg as a string.
 *
 * Reserve price: a parcel row holds only the commitment until the domain has disclosed the price
 * (after the deal); a CHECK refuses a value on any other row.
 */
import { sql, type ColumnType, type Insertable, type Kysely } from 'kysely';
import { quoteIdent } from '../../db/identifiers.js';

/** Timestamptz: written as an ISO string, read as a Date. */
type Instant = ColumnType<Date, string, string>;
/** Integer fen in a bigint: written as a number, read as a string. */
type Fen = ColumnType<string, number, number>;
type Json<T> = ColumnType<T, T, T>;

export type AgendaJson = { readonly parcelIds: readonly string[]; readonly supplyPlanIds: readonly string[] };
export type AttachmentJson = { readonly documentNo: string; readonly title: string };
/** What a list needs of an approved supply plan (the full plan stays in `state`). */
export type ApprovedPlanJson = {
  readonly supplyPlanId: string;
  readonly parcelIds: readonly string[];
  readonly landUseCode: string;
  readonly residentialSubclass: number | null;
  readonly supplyMethod: string;
  readonly farLowerBound: string | null;
  readonly farUpperBound: string | null;
  readonly planningConditionsNo: string;
  readonly approver: { readonly id: string; readonly name: string; readonly office: string };
  readonly approvedAt: string;
  readonly policyVersion: string;
};
export type OpinionJson = {
  readonly item: { readonly kind: 'PARCEL' | 'SUPPLY_PLAN'; readonly id: string };
  readonly stance: string;
  readonly text: string;
  readonly recordedAt: string;
};
export type ProposalJson = {
  readonly proposalId: string;
  readonly appraisalReportId: string;
  readonly eFilingNo: string;
  readonly appraisalInstitution: string;
  readonly submittedAt: string;
};
export type GroupMemberJson = { readonly person: string; readonly department: string };

/** Pricing stage of a parcel, in order; a decision's is the least advanced of its parcels' price trails. */
export const PRICING_STAGES = ['NONE', 'PROPOSED', 'PRICED', 'DEALT', 'DISCLOSED'] as const;
export type PricingStage = (typeof PRICING_STAGES)[number];

export interface DecisionsTable {
  decision_id: string;
  jurisdiction: string;
  /** GB/T 2260 prefix of the jurisdiction (src/projections/scope.ts), collation "C". */
  division_code: string;
  /** CONVENED | PLAN_APPROVED */
  status: string;
  held_at: Instant;
  /** The meeting instant as the event carries it. */
  held_at_text: string;
  minutes_no: string;
  agenda: Json<AgendaJson>;
  attachments: Json<readonly AttachmentJson[]>;
  approved_plans: Json<readonly ApprovedPlanJson[]>;
  approved_plan_count: number;
  /** The first plan approval as carried, null before one. */
  first_approved_at: string | null;
  parcel_count: number;
  opinion_count: number;
  pricing_status: string;
  sealed_reserve_count: number;
  disclosed_reserve_count: number;
  deal_count: number;
  /** Revision of the last event folded in: events at or below it are skipped. */
  revision: number;
  /** metadata.recordedAt of that event. */
  last_event_at: Instant;
  /** Every distinct metadata.actor.id of the decision's events (GET /people/{id}/decisions). */
  actor_ids: Json<readonly string[]>;
  /** The projection's folded state (see projection.ts), continued by the next batch. */
  state: Json<unknown>;
}

export interface DecisionParticipantsTable {
  decision_id: string;
  /** Position in the meeting's participant list. */
  ordinal: number;
  /** `<DEPARTMENT>:<person>`: the domain names a participant by department and person (no person ids). */
  participant_id: string;
  person: string;
  department: string;
  role: string;
  opinions: Json<readonly OpinionJson[]>;
  opinion_count: number;
  /** recordedAt of the last opinion as carried, null when none. */
  last_opinion_at: string | null;
}

export interface DecisionParcelsTable {
  decision_id: string;
  parcel_id: string;
  ordinal: number;
  on_agenda: boolean;
  /** The approved plan that covers the parcel; null until one does. */
  supply_plan_id: string | null;
  plan_approved_at: string | null;
  land_use_code: string | null;
  supply_method: string | null;
  pricing_status: string;
  proposals: Json<readonly ProposalJson[]>;
  starting_price_fen: Fen | null;
  starting_price_decided_at: string | null;
  /** NONE | SEALED | DISCLOSED */
  reserve_status: string;
  reserve_commitment: string | null;
  reserve_decided_at: string | null;
  reserve_timing: string | null;
  reserve_bidding_starts_at: string | null;
  reserve_group: Json<readonly GroupMemberJson[]> | null;
  /** Only once disclosed (after the deal); null otherwise, enforced by a CHECK. */
  reserve_value_fen: Fen | null;
  reserve_disclosed_at: string | null;
  reserve_met: boolean | null;
  /** sha256(value:salt) of the disclosure equals the sealed commitment, checked by the projection. */
  reserve_verified: boolean | null;
  deal_winner_id: string | null;
  deal_winner_name: string | null;
  deal_price_fen: Fen | null;
  deal_concluded_at: string | null;
  deal_confirmation_no: string | null;
}

export interface DecisionTables {
  decisions: DecisionsTable;
  decision_participants: DecisionParticipantsTable;
  decision_parcels: DecisionParcelsTable;
}

export const DECISION_TABLE_NAMES = [
  'decisions',
  'decision_participants',
  'decision_parcels',
] as const satisfies readonly (keyof DecisionTables)[];

/** A row as apply writes it: every column present (null where empty). */
export type WrittenRow<T> = { [K in keyof Insertable<T>]-?: Insertable<T>[K] };

const ddl = (schema: string): string[] => {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.decisions (
      decision_id text COLLATE "C" PRIMARY KEY,
      jurisdiction text NOT NULL,
      division_code text COLLATE "C" NOT NULL,
      status text NOT NULL,
      held_at timestamptz NOT NULL,
      held_at_text text NOT NULL,
      minutes_no text NOT NULL,
      agenda jsonb NOT NULL,
      attachments jsonb NOT NULL,
      approved_plans jsonb NOT NULL,
      approved_plan_count integer NOT NULL,
      first_approved_at text,
      parcel_count integer NOT NULL,
      opinion_count integer NOT NULL,
      pricing_status text NOT NULL,
      sealed_reserve_count integer NOT NULL,
      disclosed_reserve_count integer NOT NULL,
      deal_count integer NOT NULL,
      revision integer NOT NULL,
      last_event_at timestamptz NOT NULL,
      actor_ids jsonb NOT NULL,
      state jsonb NOT NULL
    )`,
    // Newest first, whole country; within a division prefix; by status.
    `CREATE INDEX decisions_held_idx ON ${s}.decisions (held_at DESC, decision_id DESC)`,
    `CREATE INDEX decisions_division_idx ON ${s}.decisions (division_code, held_at DESC, decision_id DESC)`,
    `CREATE INDEX decisions_status_idx ON ${s}.decisions (status, held_at DESC, decision_id DESC)`,
    `CREATE INDEX decisions_actor_ids_idx ON ${s}.decisions USING gin (actor_ids)`,
    `CREATE TABLE ${s}.decision_participants (
      decision_id text COLLATE "C" NOT NULL,
      ordinal integer NOT NULL,
      participant_id text COLLATE "C" NOT NULL,
      person text NOT NULL,
      department text NOT NULL,
      role text NOT NULL,
      opinions jsonb NOT NULL,
      opinion_count integer NOT NULL,
      last_opinion_at text,
      PRIMARY KEY (decision_id, ordinal)
    )`,
    `CREATE INDEX decision_participants_participant_idx ON ${s}.decision_participants (participant_id, decision_id)`,
    `CREATE TABLE ${s}.decision_parcels (
      decision_id text COLLATE "C" NOT NULL,
      parcel_id text COLLATE "C" NOT NULL,
      ordinal integer NOT NULL,
      on_agenda boolean NOT NULL,
      supply_plan_id text,
      plan_approved_at text,
      land_use_code text,
      supply_method text,
      pricing_status text NOT NULL,
      proposals jsonb NOT NULL,
      starting_price_fen bigint,
      starting_price_decided_at text,
      reserve_status text NOT NULL,
      reserve_commitment text,
      reserve_decided_at text,
      reserve_timing text,
      reserve_bidding_starts_at text,
      reserve_group jsonb,
      reserve_value_fen bigint,
      reserve_disclosed_at text,
      reserve_met boolean,
      reserve_verified boolean,
      deal_winner_id text,
      deal_winner_name text,
      deal_price_fen bigint,
      deal_concluded_at text,
      deal_confirmation_no text,
      PRIMARY KEY (decision_id, parcel_id),
      -- S4 §九: the reserve price is published after the deal, never before.
      CONSTRAINT decision_parcels_reserve_sealed CHECK (
        reserve_value_fen IS NULL OR (reserve_status = 'DISCLOSED' AND deal_price_fen IS NOT NULL)
      )
    )`,
    `CREATE INDEX decision_parcels_parcel_idx ON ${s}.decision_parcels (parcel_id, decision_id)`,
  ];
};

/** Creates the three tables and their indexes in `schema` (an empty generation schema). */
export const createDecisionTables = async (db: Kysely<unknown>, schema: string): Promise<void> => {
  for (const statement of ddl(schema)) await sql.raw(statement).execute(db);
};
