/**
 * Credit-archive and decision queries, and the read side's operations view (GET /projections).
 * Credit archives are national (a ban applies everywhere), so any government role may read them;
 * a land user sees only their own. Decisions are scoped by jurisdiction and closed to land users.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CREDIT_TRIGGERS } from '../../domain/credit/types.js';
import { instant } from '../../domain/schema/fields.js';
import { biddingEligibility, listCreditEntries } from '../../projections/credit/queries.js';
import { CREDIT_ENTRY_STATUSES, biddingEligibilityView, creditEntryView } from '../../projections/credit/views.js';
import { decisionSummary, decisionView, getDecision, listDecisions } from '../../projections/decisions/queries.js';
import { pageQuery } from '../../projections/paging.js';
import type { SagaTables } from '../../sagas/bookkeeping.table.js';
import { SAGAS } from '../../sagas/registry.js';
import { sagaStatuses } from '../../sagas/status.js';
import { actorOf, authenticate, type AuthOptions } from '../auth/authenticate.js';
import { ROLES } from '../auth/roles.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from './dependencies.js';
import { awaitReadModels, listOf, divisionPrefix, positionQuery, scopeOf } from './read-context.js';

const GOVERNMENT_ROLES = ROLES.filter((r) => r !== 'LAND_USER');

const ownOnly = (request: Parameters<typeof actorOf>[0], landUserId: string | undefined): string | undefined => {
  const actor = actorOf(request);
  if (actor.role !== 'LAND_USER') return landUserId;
  if (landUserId !== undefined && landUserId !== actor.sub) {
    throw new HttpError(403, 'NOT_OWNER', 'A land user may read only their own credit archive', { rule: '§12' });
  }
  return actor.sub;
};

export const registerOtherQueries = (app: FastifyInstance, deps: QueryDependencies, auth: AuthOptions): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { credit, decisions, parcels } = deps.readSide.models;
  const read = async (
    names: readonly string[],
    minPosition: string | undefined,
    reply: Parameters<typeof awaitReadModels>[1],
  ) => {
    await awaitReadModels(deps, reply, names, minPosition);
    return (reply.getHeader('x-read-position') as string | undefined) ?? null;
  };

  r.get(
    '/land-users/:landUserId/bidding-eligibility',
    {
      onRequest: authenticate(auth),
      schema: {
        tags: ['credit queries'],
        operationId: 'GetBiddingEligibility',
        summary:
          'May this land user bid at `at`? Every blocking entry: own, a controlling shareholder’s, or naming it as one',
        security: [{ bearerAuth: [] }],
        params: z.object({ landUserId: z.string().min(1).max(128).meta({ example: 'LU-0001' }) }),
        querystring: z.object({
          at: instant.optional().describe('Bid instant (default: now); a past instant answers as of then'),
          shareholders: z
            .string()
            .max(2000)
            .optional()
            .describe(
              'The bidder’s controlling shareholders, comma-separated, as its registration states; those recorded on its parcels are added',
            ),
          ...positionQuery,
        }),
        response: {
          200: biddingEligibilityView.extend({ controllingShareholderIds: z.array(z.string()) }),
          ...queryProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const landUserId = ownOnly(request, request.params.landUserId) as string;
      await read(['credit', 'parcels'], request.query.minPosition, reply);
      const declared = (request.query.shareholders ?? '').split(',').filter((s) => s !== '');
      const recorded = await parcels
        .selectFrom('parcels')
        .select('controlling_shareholder_ids')
        .where('land_user_id', '=', landUserId)
        .execute();
      const controllingShareholderIds = [
        ...new Set([...declared, ...recorded.flatMap((r) => r.controlling_shareholder_ids)]),
      ].sort();
      const at = request.query.at ?? auth.clock().toISOString();
      const answer = await biddingEligibility(credit, { landUserId, controllingShareholderIds, at });
      return { ...answer, controllingShareholderIds };
    },
  );

  r.get(
    '/credit-entries',
    {
      onRequest: authenticate(auth),
      schema: {
        tags: ['credit queries'],
        operationId: 'ListCreditEntries',
        summary: 'Credit-archive entries (诚信档案) by land user, trigger, status, parcel, or in force at an instant',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          landUser: z.string().max(128).optional(),
          trigger: z.enum(CREDIT_TRIGGERS).optional(),
          status: z.enum(CREDIT_ENTRY_STATUSES).optional(),
          parcel: z.string().max(128).optional(),
          activeAt: instant.optional(),
          ...pageQuery,
          ...positionQuery,
        }),
        response: { 200: listOf(creditEntryView), ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const landUserId = ownOnly(request, q.landUser);
      const position = await read(['credit'], q.minPosition, reply);
      const page = await listCreditEntries(credit, {
        ...(landUserId === undefined ? {} : { landUserId }),
        ...(q.trigger === undefined ? {} : { trigger: q.trigger }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.parcel === undefined ? {} : { parcelId: q.parcel }),
        ...(q.activeAt === undefined ? {} : { activeAt: q.activeAt }),
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        limit: q.limit,
      });
      return { ...page, items: [...page.items], position };
    },
  );

  r.get(
    '/decisions/:decisionId',
    {
      onRequest: authenticate(auth, GOVERNMENT_ROLES),
      schema: {
        tags: ['decision queries'],
        operationId: 'GetDecision',
        summary:
          'A collective supply decision: meeting, participants and opinions, plan, parcels; reserve price sealed until the deal',
        security: [{ bearerAuth: [] }],
        params: z.object({ decisionId: z.string().min(1).max(128).meta({ example: 'D-2026-001' }) }),
        querystring: z.object(positionQuery),
        response: { 200: decisionView, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      await read(['decisions'], request.query.minPosition, reply);
      const view = await getDecision(decisions, request.params.decisionId, {
        divisionPrefix: scopeOf(request).divisionPrefix,
      });
      if (view === null) {
        throw new HttpError(
          404,
          'DECISION_NOT_FOUND',
          `No decision ${request.params.decisionId} within your jurisdiction`,
          {},
        );
      }
      return view;
    },
  );

  r.get(
    '/decisions',
    {
      onRequest: authenticate(auth, GOVERNMENT_ROLES),
      schema: {
        tags: ['decision queries'],
        operationId: 'ListDecisions',
        summary: 'Decisions by parcel, participant and meeting time, newest first',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          jurisdiction: divisionPrefix.optional(),
          parcel: z.string().max(128).optional(),
          participant: z.string().max(256).optional().describe('`<DEPARTMENT>:<person>`'),
          from: instant.optional().describe('Meetings at or after'),
          to: instant.optional().describe('Meetings before'),
          ...pageQuery,
          ...positionQuery,
        }),
        response: { 200: listOf(decisionSummary), ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const scope = scopeOf(request, q.jurisdiction);
      const position = await read(['decisions'], q.minPosition, reply);
      const prefix =
        q.jurisdiction !== undefined &&
        (scope.divisionPrefix === null || q.jurisdiction.startsWith(scope.divisionPrefix))
          ? q.jurisdiction
          : scope.divisionPrefix;
      const page = await listDecisions(decisions, {
        divisionPrefix: prefix,
        ...(q.parcel === undefined ? {} : { parcelId: q.parcel }),
        ...(q.participant === undefined ? {} : { participantId: q.participant }),
        ...(q.from === undefined ? {} : { from: q.from }),
        ...(q.to === undefined ? {} : { to: q.to }),
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        limit: q.limit,
      });
      return { ...page, items: [...page.items], position };
    },
  );

  r.get(
    '/projections',
    {
      schema: {
        tags: ['operations'],
        operationId: 'ListProjections',
        summary: 'Every read model: version, generation, position, lag (events and seconds), status and dead letters',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                name: z.string(),
                version: z.number().int(),
                generation: z.number().int(),
                state: z.enum(['building', 'active']),
                status: z.string(),
                position: z.string().nullable(),
                eventsApplied: z.number().int(),
                lagEvents: z.number().int(),
                lagCapped: z.boolean(),
                lagSeconds: z.number(),
                lastEventRecordedAt: z.string().nullable(),
                updatedAt: z.string(),
                deadLetters: z.number().int(),
              }),
            ),
            runningHere: z.array(z.string()).describe('Generations this instance runs'),
            sagas: z
              .object({
                items: z.array(
                  z.object({
                    name: z.string(),
                    version: z.number().int(),
                    status: z.string(),
                    position: z.string().nullable(),
                    eventsHandled: z.number().int(),
                    lagEvents: z.number().int().nullable(),
                    updatedAt: z.string(),
                    caughtUpAt: z.string().nullable(),
                    deadLetters: z.number().int(),
                  }),
                ),
                timers: z.object({
                  pending: z.number().int(),
                  due: z.number().int(),
                  nextDueAt: z.string().nullable(),
                }),
              })
              .describe('Every saga (checkpoint, status, dead letters) and the due-timer table'),
          }),
        },
      },
    },
    async () => ({
      items: await deps.readSide.status(),
      runningHere: deps.readSide.running(),
      sagas: await sagaStatuses(deps.readSide.db as unknown as Kysely<SagaTables>, deps.schema, {
        clock: { now: auth.clock },
        store: deps.store,
        sagas: SAGAS,
      }),
    }),
  );
};
