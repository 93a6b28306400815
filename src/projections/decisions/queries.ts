/**
 * Reads of the decision read model. Pure database functions over the served views (unqualified
 * table names: the caller's kysely points at the base schema). Scoped by division prefix (null =
 * the whole country); a decision outside the scope reads as absent.
 *
 * A parcel's reserve price is mapped from the commitment columns only, unless the row says it
 * was disclosed: the value has no other way into a view.
 */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { z } from 'zod';
import { decodeCursor, InvalidCursorError, toPage, type Page } from '../paging.js';
import { divisionPattern } from '../scope.js';
import {
  PRICING_STAGES,
  type DecisionParcelsTable,
  type DecisionParticipantsTable,
  type DecisionsTable,
  type DecisionTables,
} from './tables.js';

// ---- response schemas (OpenAPI) ----

const pricingStage = z.enum(PRICING_STAGES);
const instantText = z.string().meta({ format: 'date-time' });
const fen = z.number().int().describe('integer fen');

export const decisionSummary = z.object({
  decisionId: z.string(),
  jurisdiction: z.string(),
  divisionCode: z.string(),
  status: z.enum(['CONVENED', 'PLAN_APPROVED']),
  heldAt: instantText.describe('the meeting instant as recorded, with its offset'),
  minutesNo: z.string(),
  agenda: z.object({ parcelIds: z.array(z.string()), supplyPlanIds: z.array(z.string()) }),
  approvedPlanCount: z.number().int(),
  firstApprovedAt: instantText.nullable(),
  parcelCount: z.number().int(),
  opinionCount: z.number().int(),
  dealCount: z.number().int(),
  pricingStatus: pricingStage.describe("the least advanced of the parcels' price trails"),
  sealedReserveCount: z.number().int(),
  disclosedReserveCount: z.number().int(),
  revision: z.number().int(),
  lastEventAt: instantText,
});

const opinionView = z.object({
  item: z.object({ kind: z.enum(['PARCEL', 'SUPPLY_PLAN']), id: z.string() }),
  stance: z.string(),
  text: z.string(),
  recordedAt: instantText,
});

const participantView = z.object({
  participantId: z.string().describe('<DEPARTMENT>:<person>'),
  person: z.string(),
  department: z.string(),
  role: z.string(),
  opinions: z.array(opinionView),
});

const groupMember = z.object({ person: z.string(), department: z.string() });
const sealedFields = {
  commitment: z.string().describe('sha256 of "<valueFen>:<salt>"'),
  decidedAt: instantText,
  timing: z.enum(['AT_PLAN_APPROVAL', 'BEFORE_BIDDING']),
  biddingStartsAt: instantText.nullable(),
  groupMembers: z.array(groupMember),
};

/** S4 §六, §九: sealed until disclosed after the deal; the value exists only in the DISCLOSED variant. */
const reservePriceView = z.discriminatedUnion('status', [
  z.object({ status: z.literal('SEALED'), ...sealedFields }),
  z.object({
    status: z.literal('DISCLOSED'),
    ...sealedFields,
    valueFen: fen,
    disclosedAt: instantText,
    reserveMet: z.boolean(),
    verified: z.boolean().describe('the disclosed value and salt hash to the commitment'),
  }),
]);

const parcelView = z.object({
  parcelId: z.string(),
  onAgenda: z.boolean(),
  supplyPlanId: z.string().nullable(),
  planApprovedAt: instantText.nullable(),
  landUseCode: z.string().nullable(),
  supplyMethod: z.string().nullable(),
  pricingStatus: pricingStage,
  proposals: z.array(
    z.object({
      proposalId: z.string(),
      appraisalReportId: z.string(),
      eFilingNo: z.string(),
      appraisalInstitution: z.string(),
      submittedAt: instantText,
    }),
  ),
  startingPrice: z.object({ startingPriceFen: fen, decidedAt: instantText }).nullable(),
  reservePrice: reservePriceView.nullable(),
  deal: z
    .object({
      winner: z.object({ landUserId: z.string(), name: z.string() }),
      dealPriceFen: fen,
      concludedAt: instantText,
      confirmationNo: z.string(),
    })
    .nullable(),
});

export const decisionView = decisionSummary.extend({
  attachments: z.array(z.object({ documentNo: z.string(), title: z.string() })),
  approvedPlans: z.array(
    z.object({
      supplyPlanId: z.string(),
      parcelIds: z.array(z.string()),
      landUseCode: z.string(),
      residentialSubclass: z.number().int().nullable(),
      supplyMethod: z.string(),
      farLowerBound: z.string().nullable(),
      farUpperBound: z.string().nullable(),
      planningConditionsNo: z.string(),
      approver: z.object({ id: z.string(), name: z.string(), office: z.string() }),
      approvedAt: instantText,
      policyVersion: z.string(),
    }),
  ),
  participants: z.array(participantView),
  parcels: z.array(parcelView),
});

export type DecisionSummary = z.output<typeof decisionSummary>;
export type DecisionView = z.output<typeof decisionView>;
type ParcelView = z.output<typeof parcelView>;
type ParticipantView = z.output<typeof participantView>;

// ---- mapping ----

const SUMMARY_COLUMNS = [
  'decision_id',
  'jurisdiction',
  'division_code',
  'status',
  'held_at_text',
  'minutes_no',
  'agenda',
  'approved_plan_count',
  'first_approved_at',
  'parcel_count',
  'opinion_count',
  'deal_count',
  'pricing_status',
  'sealed_reserve_count',
  'disclosed_reserve_count',
  'revision',
  'last_event_at',
] as const satisfies readonly (keyof DecisionsTable)[];

type SummaryRow = Pick<Selectable<DecisionsTable>, (typeof SUMMARY_COLUMNS)[number]>;

const toSummary = (row: SummaryRow): DecisionSummary => ({
  decisionId: row.decision_id,
  jurisdiction: row.jurisdiction,
  divisionCode: row.division_code,
  status: row.status as DecisionSummary['status'],
  heldAt: row.held_at_text,
  minutesNo: row.minutes_no,
  agenda: { parcelIds: [...row.agenda.parcelIds], supplyPlanIds: [...row.agenda.supplyPlanIds] },
  approvedPlanCount: row.approved_plan_count,
  firstApprovedAt: row.first_approved_at,
  parcelCount: row.parcel_count,
  opinionCount: row.opinion_count,
  dealCount: row.deal_count,
  pricingStatus: row.pricing_status as DecisionSummary['pricingStatus'],
  sealedReserveCount: row.sealed_reserve_count,
  disclosedReserveCount: row.disclosed_reserve_count,
  revision: row.revision,
  lastEventAt: new Date(row.last_event_at).toISOString(),
});

const toParticipant = (row: Selectable<DecisionParticipantsTable>): ParticipantView => ({
  participantId: row.participant_id,
  person: row.person,
  department: row.department,
  role: row.role,
  opinions: row.opinions.map((o) => ({
    item: { ...o.item },
    stance: o.stance,
    text: o.text,
    recordedAt: o.recordedAt,
  })),
});

const reservePriceOf = (row: Selectable<DecisionParcelsTable>): ParcelView['reservePrice'] => {
  if (
    row.reserve_status === 'NONE' ||
    row.reserve_commitment === null ||
    row.reserve_decided_at === null ||
    row.reserve_timing === null
  ) {
    return null;
  }
  const sealed = {
    commitment: row.reserve_commitment,
    decidedAt: row.reserve_decided_at,
    timing: row.reserve_timing as 'AT_PLAN_APPROVAL' | 'BEFORE_BIDDING',
    biddingStartsAt: row.reserve_bidding_starts_at,
    groupMembers: (row.reserve_group ?? []).map((m) => ({ person: m.person, department: m.department })),
  };
  if (
    row.reserve_status !== 'DISCLOSED' ||
    row.deal_price_fen === null ||
    row.reserve_value_fen === null ||
    row.reserve_disclosed_at === null
  ) {
    return { status: 'SEALED', ...sealed };
  }
  return {
    status: 'DISCLOSED',
    ...sealed,
    valueFen: Number(row.reserve_value_fen),
    disclosedAt: row.reserve_disclosed_at,
    reserveMet: row.reserve_met ?? false,
    verified: row.reserve_verified ?? false,
  };
};

const toParcel = (row: Selectable<DecisionParcelsTable>): ParcelView => ({
  parcelId: row.parcel_id,
  onAgenda: row.on_agenda,
  supplyPlanId: row.supply_plan_id,
  planApprovedAt: row.plan_approved_at,
  landUseCode: row.land_use_code,
  supplyMethod: row.supply_method,
  pricingStatus: row.pricing_status as ParcelView['pricingStatus'],
  proposals: row.proposals.map((p) => ({ ...p })),
  startingPrice:
    row.starting_price_fen === null || row.starting_price_decided_at === null
      ? null
      : { startingPriceFen: Number(row.starting_price_fen), decidedAt: row.starting_price_decided_at },
  reservePrice: reservePriceOf(row),
  deal:
    row.deal_price_fen === null ||
    row.deal_winner_id === null ||
    row.deal_winner_name === null ||
    row.deal_concluded_at === null ||
    row.deal_confirmation_no === null
      ? null
      : {
          winner: { landUserId: row.deal_winner_id, name: row.deal_winner_name },
          dealPriceFen: Number(row.deal_price_fen),
          concludedAt: row.deal_concluded_at,
          confirmationNo: row.deal_confirmation_no,
        },
});

// ---- scope ----

export interface DecisionScope {
  /** A division code prefix ('32', '3201'); null (or 'CN') = the whole country. */
  readonly divisionPrefix: string | null;
}

const scopeCondition = (divisionPrefix: string | null): Expression<SqlBool> | null => {
  if (divisionPrefix === null) return null;
  const pattern = divisionPattern(divisionPrefix);
  return pattern === null ? null : sql<SqlBool>`division_code like ${pattern}`;
};

// ---- queries ----

/** One decision with its participants and parcels, or null when absent or outside the scope. */
export const getDecision = async (
  db: Kysely<DecisionTables>,
  decisionId: string,
  scope: DecisionScope,
): Promise<DecisionView | null> => {
  const inScope = scopeCondition(scope.divisionPrefix);
  const row = await db
    .selectFrom('decisions')
    .select([...SUMMARY_COLUMNS, 'attachments', 'approved_plans'])
    .where('decision_id', '=', decisionId)
    .$if(inScope !== null, (q) => q.where(inScope ?? sql<SqlBool>`true`))
    .executeTakeFirst();
  if (row === undefined) return null;
  const [participants, parcels] = await Promise.all([
    db
      .selectFrom('decision_participants')
      .selectAll()
      .where('decision_id', '=', decisionId)
      .orderBy('ordinal')
      .execute(),
    db.selectFrom('decision_parcels').selectAll().where('decision_id', '=', decisionId).orderBy('ordinal').execute(),
  ]);
  return {
    ...toSummary(row),
    attachments: row.attachments.map((a) => ({ documentNo: a.documentNo, title: a.title })),
    approvedPlans: row.approved_plans.map((p) => ({ ...p, parcelIds: [...p.parcelIds], approver: { ...p.approver } })),
    participants: participants.map(toParticipant),
    parcels: parcels.map(toParcel),
  };
};

export interface ListDecisionsOptions {
  /** A division code prefix; null = the whole country. */
  readonly divisionPrefix: string | null;
  /** Decisions naming this parcel (agenda, approved plan or price trail). */
  readonly parcelId?: string;
  /** Decisions with this participant (`<DEPARTMENT>:<person>`). */
  readonly participantId?: string;
  /** Meeting instant range, [from, to): ISO 8601 instants. */
  readonly from?: string;
  readonly to?: string;
  /** CONVENED | PLAN_APPROVED */
  readonly status?: string;
  readonly cursor?: string | null;
  readonly limit: number;
}

/** The key a cursor carries: the meeting instant (UTC, microseconds, as PostgreSQL keeps it) and the id. */
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const heldAtKey = sql<string>`to_char(held_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const decodeListCursor = (cursor: string): readonly [string, string] => {
  const [heldAt, decisionId] = decodeCursor(cursor, 2);
  if (typeof heldAt !== 'string' || !CURSOR_INSTANT.test(heldAt) || typeof decisionId !== 'string') {
    throw new InvalidCursorError('cursor is not one this service issued');
  }
  return [heldAt, decisionId];
};

/** Decisions newest meeting first (ties by id, descending), keyset-paged. */
export const listDecisions = async (
  db: Kysely<DecisionTables>,
  options: ListDecisionsOptions,
): Promise<Page<DecisionSummary>> => {
  const inScope = scopeCondition(options.divisionPrefix);
  const after = options.cursor ? decodeListCursor(options.cursor) : null;
  const { parcelId, participantId, from, to, status } = options;
  const rows = await db
    .selectFrom('decisions')
    .select([...SUMMARY_COLUMNS, heldAtKey.as('held_at_key')])
    .$if(inScope !== null, (q) => q.where(inScope ?? sql<SqlBool>`true`))
    .$if(parcelId !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('decision_parcels')
            .select(sql`1`.as('one'))
            .whereRef('decision_parcels.decision_id', '=', 'decisions.decision_id')
            .where('decision_parcels.parcel_id', '=', parcelId ?? ''),
        ),
      ),
    )
    .$if(participantId !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('decision_participants')
            .select(sql`1`.as('one'))
            .whereRef('decision_participants.decision_id', '=', 'decisions.decision_id')
            .where('decision_participants.participant_id', '=', participantId ?? ''),
        ),
      ),
    )
    .$if(from !== undefined, (q) => q.where(sql<SqlBool>`held_at >= ${from}::timestamptz`))
    .$if(to !== undefined, (q) => q.where(sql<SqlBool>`held_at < ${to}::timestamptz`))
    .$if(status !== undefined, (q) => q.where('status', '=', status ?? ''))
    .$if(after !== null, (q) =>
      q.where(sql<SqlBool>`(held_at, decision_id) < (${after?.[0]}::timestamptz, ${after?.[1]})`),
    )
    .orderBy('held_at', 'desc')
    .orderBy('decision_id', 'desc')
    .limit(options.limit + 1)
    .execute();
  return toPage(rows, options.limit, (row) => [row.held_at_key, row.decision_id], toSummary);
};
