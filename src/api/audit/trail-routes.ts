/**
 * Decision trails (issue 9; DOMAIN.md §10.1, §10.2, §12): GET /decisions/{decisionId}/trail, the
 * whole collective decision folded from its stream (src/audit/decision-trail.ts) with the parcels
 * granted under it, and GET /people/{personId}/decisions. Oversight roles only, within their
 * jurisdiction; every read is recorded (AuditRecordAccessed) before the answer leaves.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionStream } from '../../domain/streams.js';
import { decisionTrail } from '../../audit/decision-trail.js';
import { candidateDecisions, involvementIn } from '../../audit/people.js';
import { decisionTrailView, personDecisionsView, type GrantedParcel } from '../../audit/trail-views.js';
import { listCreditEntries } from '../../projections/credit/queries.js';
import { listParcels } from '../../projections/parcels/queries.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../projections/paging.js';
import { actorOf, authenticate } from '../auth/authenticate.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from '../queries/dependencies.js';
import { awaitReadModels, positionQuery, today } from '../queries/read-context.js';
import { authorizeAuditRead, OVERSIGHT_ROLES } from './access.js';
import { recordAccess } from './access-log.js';
import { AUDIT_TAG, type AuditRouteContext } from './context.js';

const PAGE = 200;

/** Parcels citing the decision, in the reader's scope, with the credit entries citing each. */
const grantedParcels = async (
  deps: QueryDependencies,
  decisionId: string,
  divisionPrefix: string | null,
  on: string,
): Promise<GrantedParcel[]> => {
  const { parcels, credit } = deps.readSide.models;
  const out: GrantedParcel[] = [];
  let cursor: string | undefined;
  do {
    const page = await listParcels(
      parcels,
      { divisionPrefix },
      { decisionId, on, limit: PAGE, ...(cursor ? { cursor } : {}) },
    );
    for (const p of page.items) {
      const entries = [];
      let entryCursor: string | undefined;
      do {
        const found = await listCreditEntries(credit, {
          parcelId: p.parcelId,
          limit: MAX_LIMIT,
          ...(entryCursor ? { cursor: entryCursor } : {}),
        });
        entries.push(...found.items);
        entryCursor = found.nextCursor ?? undefined;
      } while (entryCursor !== undefined);
      out.push({
        parcelId: p.parcelId,
        jurisdiction: p.jurisdiction,
        status: p.status,
        grantKind: p.grantKind,
        landUserId: p.landUserId,
        supervisionNo: p.supervisionNo,
        documentNo: p.documentNo,
        grantedOn: p.grantedOn,
        flags: p.flags,
        alerts: p.alerts,
        idleCase: p.idleCase,
        lastEventAt: p.lastEventAt,
        creditEntries: entries,
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
};

const notFound = (decisionId: string): HttpError =>
  new HttpError(404, 'DECISION_NOT_FOUND', `No decision ${decisionId}`, {});

export const registerTrailRoutes = async (app: FastifyInstance, context: AuditRouteContext): Promise<void> => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps, auth } = context;

  r.get(
    '/decisions/:decisionId/trail',
    {
      onRequest: authenticate(auth),
      onSend: recordAccess(context.access, 'decision-trail'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'GetDecisionTrail',
        summary:
          'The collective decision as recorded: meeting, participants and opinions, approved plans and the guards they passed, price trail (reserve price sealed until disclosed after the deal), granted parcels, actors and documents (§10.1, §10.2)',
        description: `Oversight roles (${OVERSIGHT_ROLES.join(', ')}) within their jurisdiction; every read is recorded in the access log.`,
        security: [{ bearerAuth: [] }],
        params: z.object({ decisionId: z.string().min(1).max(128).meta({ example: 'D-3201-2026-012' }) }),
        querystring: z.object({
          on: z.iso.date().optional().describe("Day the granted parcels' flags are judged on (default: today)"),
          ...positionQuery,
        }),
        response: { 200: decisionTrailView, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { decisionId } = request.params;
      const events = await deps.store.readStream(decisionStream(decisionId));
      const trail = decisionTrail(events);
      request.auditTarget = { id: decisionId, jurisdiction: trail?.jurisdiction ?? null };
      if (trail === null) {
        // Only oversight roles learn whether a decision exists (the role check alone: it has no jurisdiction).
        authorizeAuditRead(actor, { kind: 'national', id: decisionId }, 'trail');
        throw notFound(decisionId);
      }
      authorizeAuditRead(actor, { kind: 'decision', id: decisionId, jurisdiction: trail.jurisdiction }, 'trail');
      await awaitReadModels(deps, reply, ['parcels', 'credit'], request.query.minPosition);
      const divisionPrefix = actor.jurisdiction === 'CN' ? null : actor.jurisdiction;
      const on = request.query.on ?? today(auth.clock);
      return { ...trail, grantedParcels: await grantedParcels(deps, decisionId, divisionPrefix, on) };
    },
  );

  r.get(
    '/people/:personId/decisions',
    {
      onRequest: authenticate(auth),
      onSend: recordAccess(context.access, 'person-decisions'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'ListPersonDecisions',
        summary:
          'Every decision a person took part in (participant, opinion, reserve-price group, approver, actor of an event), with their roles and opinions, within your jurisdiction (§10.1)',
        description:
          "`personId` is a name as minuted ('陈书记'), a participant id ('DISCIPLINE_INSPECTION:陈书记'), an approver id or a token subject. Oversight roles only; every read is recorded.",
        security: [{ bearerAuth: [] }],
        params: z.object({ personId: z.string().min(1).max(256).meta({ example: 'DISCIPLINE_INSPECTION:陈书记' }) }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
          ...positionQuery,
        }),
        response: { 200: personDecisionsView, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { personId } = request.params;
      const divisionPrefix = actor.jurisdiction === 'CN' ? null : actor.jurisdiction;
      request.auditTarget = { id: personId, jurisdiction: divisionPrefix };
      // The role check: a person's decisions are a trail (oversight roles only).
      authorizeAuditRead(actor, { kind: 'national', id: personId }, 'trail');
      await awaitReadModels(deps, reply, ['decisions'], request.query.minPosition);
      const { limit } = request.query;
      const ids = await candidateDecisions(deps.readSide.models.decisions, { personId, divisionPrefix, limit });
      const items = [];
      for (const decisionId of ids.slice(0, limit)) {
        const events = await deps.store.readStream(decisionStream(decisionId));
        const trail = decisionTrail(events);
        if (trail === null) continue;
        // The stream, not the read model, decides: a decision outside the token is never listed.
        try {
          authorizeAuditRead(actor, { kind: 'decision', id: decisionId, jurisdiction: trail.jurisdiction }, 'trail');
        } catch {
          continue;
        }
        const acted = events
          .filter((e) => e.metadata.actor.id === personId)
          .map((e) => ({ eventId: e.id, revision: e.revision, type: e.type }));
        const item = involvementIn(trail, personId, acted);
        if (item !== null) items.push(item);
      }
      const position = reply.getHeader('x-read-position');
      return {
        personId,
        items,
        truncated: ids.length > limit,
        position: typeof position === 'string' ? position : null,
      };
    },
  );
};
