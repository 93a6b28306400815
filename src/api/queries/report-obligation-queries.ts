/**
 * Report obligation queries (DOMAIN.md §13): `GET /report-obligations?jurisdiction=&status=` —
 * the reports owed (S1, S3, T33, T34) within the token's jurisdiction, earliest due first, with
 * the status judged on `on` (default today, Shanghai). Government roles; land users owe no report.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_TYPES } from '../../domain/reporting/index.js';
import { pageQuery } from '../../projections/paging.js';
import { listReportObligations } from '../../projections/report-obligations/queries.js';
import { REPORT_STATUSES, reportObligationView } from '../../projections/report-obligations/views.js';
import { authenticate, type AuthOptions } from '../auth/authenticate.js';
import { ROLES } from '../auth/roles.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from './dependencies.js';
import { awaitReadModels, day, divisionPrefix, listOf, positionQuery, scopeOf, today } from './read-context.js';

const GOVERNMENT_ROLES = ROLES.filter((r) => r !== 'LAND_USER');
const MODEL = ['report_obligations'];

export const registerReportObligationQueries = (
  app: FastifyInstance,
  deps: QueryDependencies,
  auth: AuthOptions,
): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { reportObligations } = deps.readSide.models;
  r.get(
    '/report-obligations',
    {
      onRequest: authenticate(auth, GOVERNMENT_ROLES),
      schema: {
        tags: ['report obligation queries'],
        operationId: 'ListReportObligations',
        summary:
          'Reports owed (§13: S1 monitoring analysis, S3 filing analysis, T33 supply plan, T34 base land price), earliest due first',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          jurisdiction: divisionPrefix.optional(),
          status: z
            .enum(REPORT_STATUSES)
            .optional()
            .describe('due: not submitted, due date not passed; overdue: not submitted after the due date; submitted'),
          type: z.enum(REPORT_TYPES).optional(),
          period: z
            .string()
            .regex(/^\d{4}(?:H[12]|Q[1-4])?$/)
            .optional(),
          on: day.optional().describe('The day the status is judged on (default: today, Shanghai)'),
          ...pageQuery,
          ...positionQuery,
        }),
        response: { 200: listOf(reportObligationView), ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const scope = scopeOf(request, q.jurisdiction);
      await awaitReadModels(deps, reply, MODEL, q.minPosition);
      const position = (reply.getHeader('x-read-position') as string | undefined) ?? null;
      const page = await listReportObligations(reportObligations, {
        divisionPrefix: scope.divisionPrefix,
        ...(q.jurisdiction === undefined ? {} : { jurisdiction: q.jurisdiction }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.type === undefined ? {} : { type: q.type }),
        ...(q.period === undefined ? {} : { period: q.period }),
        on: q.on ?? today(auth.clock),
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return { ...page, items: [...page.items], position };
    },
  );
};
