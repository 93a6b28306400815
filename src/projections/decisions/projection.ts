/**
 * The decision read model (ARCHITECTURE.md "Read side"; DOMAIN.md §10). Set-based: a batch is
 * grouped by stream, the stored states of those streams are read in one SELECT, the events are
 * folded in memory with the domain's own evolve, and each table gets one statement (an upsert of
 * the decisions, a delete and an insert of the children of the decisions that changed). An event
 * at or below a decision's stored revision is skipped, so a batch applied twice equals once and a
 * batch split in two equals the whole.
 */
import { sql, type Kysely } from 'kysely';
import { evolve, initialState } from '../../domain/decision/evolve.js';
import { reservePriceCommitment } from '../../domain/decision/pricing/commitment.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import type { DecisionEvent } from '../../domain/decision/types.js';
import { toDomainEvent } from '../../eventstore/fold-stream.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { defineProjection, type ApplyContext } from '../projection.js';
import { decisionRow, parcelRows, participantRows, type FoldedDecision, type HeldDecision } from './rows.js';
import { createDecisionTables, DECISION_TABLE_NAMES, type DecisionTables } from './tables.js';

/** Every event of the decision aggregate; `satisfies` fails the build when the domain adds or drops one. */
const DECISION_EVENT_TYPES = {
  CollectiveDecisionMeetingHeld: true,
  OpinionRecorded: true,
  ReservePriceProposalSubmitted: true,
  SupplyPlanApproved: true,
  ReservePriceDecided: true,
  StartingPriceDecided: true,
  DealConcluded: true,
  ReservePriceDisclosed: true,
} as const satisfies Record<DecisionEvent['type'], true>;

const PREFIX = STREAM_CATEGORIES.decision;

interface Folding {
  folded: FoldedDecision;
  revision: number;
  lastEventAt: string | null;
}

/** One event into the folded state; a disclosure is also checked against the sealed commitment. */
const step = (folded: FoldedDecision, event: DecisionEvent): FoldedDecision => {
  const decision = evolve(folded.decision, event);
  if (event.type !== 'ReservePriceDisclosed' || decision === folded.decision || decision.status === 'NONE') {
    return decision === folded.decision ? folded : { ...folded, decision };
  }
  const { parcelId, valueFen, salt } = event.data;
  const reserve = decision.parcels.find((pricing) => pricing.parcelId === parcelId)?.reservePrice;
  const verified =
    reserve !== null && reserve !== undefined && reservePriceCommitment(valueFen, salt) === reserve.commitment;
  return { decision, verified: { ...folded.verified, [parcelId]: verified } };
};

/** Who acted on the decision, each once (GET /people/{id}/decisions finds a person by it). */
const withActor = (folded: FoldedDecision, actorId: string): FoldedDecision =>
  folded.actorIds?.includes(actorId) ? folded : { ...folded, actorIds: [...(folded.actorIds ?? []), actorId] };

const isHeld = (folded: FoldedDecision): folded is FoldedDecision & { readonly decision: HeldDecision } =>
  folded.decision.status !== 'NONE';

/** Rows of a table through the table's own row type: one parameter however many rows. */
const recordset = (schema: string, table: string, rows: readonly unknown[]) =>
  sql`select * from jsonb_populate_recordset(null::${sql.id(schema, table)}, ${JSON.stringify(rows)}::jsonb)`;

const apply = async (batch: readonly RecordedEvent[], { trx, schema }: ApplyContext<DecisionTables>): Promise<void> => {
  const byDecision = new Map<string, RecordedEvent[]>();
  for (const event of batch) {
    if (!event.stream.startsWith(PREFIX)) continue;
    const id = event.stream.slice(PREFIX.length);
    const events = byDecision.get(id);
    if (events) events.push(event);
    else byDecision.set(id, [event]);
  }
  if (byDecision.size === 0) return;
  const ids = [...byDecision.keys()];

  const stored = await trx
    .selectFrom('decisions')
    .select(['decision_id', 'revision', 'state'])
    .where(sql<boolean>`decision_id = any(${ids}::text[])`)
    .execute();
  const storedById = new Map(stored.map((row) => [row.decision_id, row]));

  const decisions = [];
  const participants = [];
  const parcels = [];
  for (const [id, events] of byDecision) {
    const row = storedById.get(id);
    const folding: Folding = {
      folded: row ? (row.state as FoldedDecision) : { decision: initialState(), verified: {} },
      revision: row ? row.revision : -1,
      lastEventAt: null,
    };
    for (const event of events) {
      if (event.revision <= folding.revision) continue;
      folding.folded = withActor(step(folding.folded, toDomainEvent<DecisionEvent>(event)), event.metadata.actor.id);
      folding.revision = event.revision;
      folding.lastEventAt = event.metadata.recordedAt;
    }
    const { folded, revision, lastEventAt } = folding;
    // Nothing new, or no meeting yet (evolve ignores everything before it): nothing to write.
    if (lastEventAt === null || !isHeld(folded)) continue;
    decisions.push(decisionRow(id, folded, revision, lastEventAt));
    participants.push(...participantRows(id, folded.decision));
    parcels.push(...parcelRows(id, folded));
  }
  if (decisions.length === 0) return;
  const changed = decisions.map((row) => row.decision_id);
  const columns = Object.keys(decisions[0] ?? {}).filter((column) => column !== 'decision_id');

  await trx
    .insertInto('decisions')
    .expression(recordset(schema, 'decisions', decisions))
    .onConflict((conflict) =>
      conflict
        .column('decision_id')
        .doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])))
        // A stale writer never moves a decision back.
        .where(sql<boolean>`${sql.ref('decisions.revision')} < excluded.revision`),
    )
    .execute();
  await trx
    .deleteFrom('decision_participants')
    .where(sql<boolean>`decision_id = any(${changed}::text[])`)
    .execute();
  await trx
    .deleteFrom('decision_parcels')
    .where(sql<boolean>`decision_id = any(${changed}::text[])`)
    .execute();
  if (participants.length > 0) {
    await trx
      .insertInto('decision_participants')
      .expression(recordset(schema, 'decision_participants', participants))
      .execute();
  }
  if (parcels.length > 0) {
    await trx
      .insertInto('decision_parcels')
      .expression(recordset(schema, 'decision_parcels', parcels))
      .execute();
  }
};

export const decisionsProjection = defineProjection<DecisionTables>({
  name: 'decisions',
  // 2: decisions.actor_ids.
  version: 2,
  eventTypes: Object.keys(DECISION_EVENT_TYPES),
  tables: DECISION_TABLE_NAMES,
  createTables: (db: Kysely<unknown>, schema: string) => createDecisionTables(db, schema),
  apply,
});
