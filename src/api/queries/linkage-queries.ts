/**
 * Linkage project area queries (DOMAIN.md §9): one area with its record, progress and what is due
 * next, and the areas of a jurisdiction. Government roles within their jurisdiction; land users
 * take no part in linkage filing.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../projections/paging.js';
import { getLinkageArea, listLinkageAreas } from '../../projections/linkage/queries.js';
import { linkageAreaView, linkageSummaryView } from '../../projections/linkage/views.js';
import { authenticate, type AuthOptions } from '../auth/authenticate.js';
import { ROLES } from '../auth/roles.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from './dependencies.js';
import { awaitReadModels, day, divisionPrefix, listOf, positionQuery, scopeOf, today } from './read-context.js';

const GOVERNMENT_ROLES = ROLES.filter((r) => r !== 'LAND_USER');
const STATUSES = ['OVERALL_APPROVED', 'BASIC_INFO_FILED', 'ACCEPTED', 'ACCEPTANCE_FILED'] as const;
const MODEL = ['linkage_areas'];
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const registerLinkageQueries = (app: FastifyInstance, deps: QueryDependencies, auth: AuthOptions): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { linkage } = deps.readSide.models;
  const onQuery = { on: day.optional().describe('The day next-due flags are judged on (default: today, Shanghai)') };

  r.get(
    '/linkage-areas/:linkageId',
    {
      onRequest: authenticate(auth, GOVERNMENT_ROLES),
      schema: {
        tags: ['linkage queries'],
        operationId: 'GetLinkageArea',
        summary:
          'A linkage project area (§9): status, variant, quota, plots, progress months, modification step, next due and missed deadlines (T35, T36)',
        security: [{ bearerAuth: [] }],
        params: z.object({ linkageId: z.string().min(1).max(128).meta({ example: 'LK-5101-2026-01' }) }),
        querystring: z.object({ ...onQuery, ...positionQuery }),
        response: { 200: linkageAreaView, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      await awaitReadModels(deps, reply, MODEL, request.query.minPosition);
      const view = await getLinkageArea(linkage, request.params.linkageId, {
        divisionPrefix: scopeOf(request).divisionPrefix,
        on: request.query.on ?? today(auth.clock),
      });
      if (view === null) {
        throw new HttpError(
          404,
          'LINKAGE_AREA_NOT_FOUND',
          `No linkage area ${request.params.linkageId} within your jurisdiction`,
          {},
        );
      }
      reply.header('etag', `"${view.revision}"`);
      return view;
    },
  );

  r.get(
    '/linkage-areas',
    {
      onRequest: authenticate(auth, GOVERNMENT_ROLES),
      schema: {
        tags: ['linkage queries'],
        operationId: 'ListLinkageAreas',
        summary:
          'Linkage project areas of a jurisdiction, by id, with status, quota, next due and missed deadlines (T35, T36)',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          jurisdiction: divisionPrefix.optional(),
          status: z.enum(STATUSES).optional(),
          breached: flag.describe(
            'true: only the areas with a missed T35/T36 deadline recorded; false: only those without',
          ),
          ...onQuery,
          ...pageQuery,
          ...positionQuery,
        }),
        response: { 200: listOf(linkageSummaryView), ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const scope = scopeOf(request, q.jurisdiction);
      await awaitReadModels(deps, reply, MODEL, q.minPosition);
      const position = (reply.getHeader('x-read-position') as string | undefined) ?? null;
      const page = await listLinkageAreas(linkage, {
        divisionPrefix: scope.divisionPrefix,
        ...(q.jurisdiction === undefined ? {} : { jurisdiction: q.jurisdiction }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.breached === undefined ? {} : { breached: q.breached }),
        on: q.on ?? today(auth.clock),
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return { ...page, items: [...page.items], position };
    },
  );
};
