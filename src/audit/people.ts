/**
 * The decisions a person took part in (issue 9, DOMAIN.md §10.1 "records traceable"): as meeting
 * participant, opinion giver, reserve-price group member, plan approver, or as the actor of one of
 * the decision's events. The domain names meeting people by department and name (no person ids),
 * an approver by id and name, and an actor by the token's `sub`; `personId` matches any of them:
 * a name ('陈书记'), a participant id ('DISCIPLINE_INSPECTION:陈书记'), an approver id or an actor id.
 *
 * Candidates come from the decisions read model (participants, approved plans, price groups,
 * `actor_ids`); the answer itself is folded from each candidate's stream (decision-trail.ts).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import { DEPARTMENTS } from '../domain/decision/index.js';
import type { DecisionTables } from '../projections/decisions/tables.js';
import { divisionPattern } from '../projections/scope.js';
import type { decisionTrail } from './decision-trail.js';
import type { Involvement, PersonDecision } from './trail-views.js';

/** 'DISCIPLINE_INSPECTION:陈书记' → the department and the name; a bare name → null department. */
export const splitPersonId = (personId: string): { department: string | null; person: string } => {
  const at = personId.indexOf(':');
  const department = at > 0 ? personId.slice(0, at) : '';
  return Object.hasOwn(DEPARTMENTS, department)
    ? { department, person: personId.slice(at + 1) }
    : { department: null, person: personId };
};

export interface CandidateQuery {
  readonly personId: string;
  /** A division-code prefix; null = the whole country. */
  readonly divisionPrefix: string | null;
  readonly limit: number;
}

/** Ids of decisions that may involve the person, newest meeting first; at most `limit + 1`. */
export const candidateDecisions = async (db: Kysely<DecisionTables>, query: CandidateQuery): Promise<string[]> => {
  const { personId, divisionPrefix, limit } = query;
  const { person } = splitPersonId(personId);
  const pattern = divisionPrefix === null ? null : divisionPattern(divisionPrefix);
  const approverById = JSON.stringify([{ approver: { id: personId } }]);
  const approverByName = JSON.stringify([{ approver: { name: person } }]);
  const groupMember = JSON.stringify([{ person }]);
  const rows = await db
    .selectFrom('decisions')
    .select('decision_id')
    .$if(pattern !== null, (q) => q.where(sql<SqlBool>`division_code like ${pattern}`))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('decision_participants')
            .select(sql`1`.as('one'))
            .whereRef('decision_participants.decision_id', '=', 'decisions.decision_id')
            .where((p) =>
              p.or([
                p('decision_participants.participant_id', '=', personId),
                p('decision_participants.person', '=', person),
              ]),
            ),
        ),
        eb.exists(
          eb
            .selectFrom('decision_parcels')
            .select(sql`1`.as('one'))
            .whereRef('decision_parcels.decision_id', '=', 'decisions.decision_id')
            .where(sql<SqlBool>`decision_parcels.reserve_group @> ${groupMember}::jsonb`),
        ),
        sql<SqlBool>`decisions.approved_plans @> ${approverById}::jsonb`,
        sql<SqlBool>`decisions.approved_plans @> ${approverByName}::jsonb`,
        sql<SqlBool>`decisions.actor_ids ? ${personId}`,
      ]),
    )
    .orderBy('held_at', 'desc')
    .orderBy('decision_id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map((row) => row.decision_id);
};

type Trail = NonNullable<ReturnType<typeof decisionTrail>>;

/** How the person took part in one decision, from its trail; null when not at all. */
export const involvementIn = (
  trail: Trail,
  personId: string,
  actorEvents: readonly { readonly eventId: string; readonly revision: number; readonly type: string }[],
): PersonDecision | null => {
  const { department, person } = splitPersonId(personId);
  const isPerson = (p: { readonly person: string; readonly department: string }): boolean =>
    p.person === person && (department === null || p.department === department);
  const involvements: Involvement[] = [];
  const meetingRoles: string[] = [];
  const opinions: PersonDecision['opinions'] = [];
  for (const p of trail.participants.filter(isPerson)) {
    meetingRoles.push(p.role);
    involvements.push({
      as: 'MEETING_PARTICIPANT',
      detail: `${p.departmentName} (${p.department}), ${p.role}`,
      eventId: p.eventId,
      revision: p.revision,
    });
    for (const o of p.opinions) {
      opinions.push(o);
      involvements.push({
        as: 'OPINION_GIVER',
        detail: `${o.stance} on ${o.item.kind} ${o.item.id}`,
        eventId: o.eventId,
        revision: o.revision,
      });
    }
  }
  for (const plan of trail.approvedPlans) {
    if (plan.approver.id === personId || (department === null && plan.approver.name === person)) {
      involvements.push({
        as: 'APPROVER',
        detail: `approved supply plan ${plan.supplyPlanId} (${plan.approver.office})`,
        eventId: plan.eventId,
        revision: plan.revision,
      });
    }
  }
  for (const parcel of trail.parcels) {
    const reserve = parcel.reservePrice;
    if (reserve?.decidedBy.some(isPerson)) {
      involvements.push({
        as: 'RESERVE_PRICE_GROUP_MEMBER',
        detail: `reserve price of parcel ${parcel.parcelId}, ${reserve.status}`,
        eventId: reserve.eventId,
        revision: reserve.revision,
      });
    }
  }
  for (const event of actorEvents) {
    involvements.push({ as: 'ACTOR', detail: event.type, eventId: event.eventId, revision: event.revision });
  }
  if (involvements.length === 0) return null;
  return {
    decisionId: trail.decisionId,
    jurisdiction: trail.jurisdiction,
    status: trail.status,
    heldAt: trail.meeting.heldAt,
    minutesNo: trail.meeting.minutesNo,
    roles: [...new Set(involvements.map((i) => i.as))],
    meetingRoles: [...new Set(meetingRoles)],
    opinions,
    involvements,
  };
};
