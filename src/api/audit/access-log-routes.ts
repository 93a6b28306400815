/**
 * `GET /access-log`: the record of who read the audit record (history, trails, bundles, …), so
 * that reviewers' own access is auditable. Oversight roles only; a provincial or city token sees
 * the reads made by its own people or of its own parcels and decisions. Reading it is recorded too.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS_OUTCOMES } from '../../domain/access-log/index.js';
import { instant } from '../../domain/schema/fields.js';
import { accessLogEntryView, listAccessLog } from '../../projections/access-log/queries.js';
import { pageQuery } from '../../projections/paging.js';
import { actorOf, authenticate } from '../auth/authenticate.js';
import { queryProblemResponses } from '../problem.js';
import { awaitReadModels, listOf, positionQuery } from '../queries/read-context.js';
import { authorizeAuditRead } from './access.js';
import { recordAccess } from './access-log.js';
import { AUDIT_TAG, type AuditRouteContext } from './context.js';

export const registerAccessLogRoutes = async (app: FastifyInstance, context: AuditRouteContext): Promise<void> => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/access-log',
    {
      onRequest: authenticate(context.auth),
      onSend: recordAccess(context.access, 'access-log'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'ListAccessLog',
        summary: 'Who read which history, trail or bundle, when, and whether it was allowed (newest first)',
        description: 'Oversight roles only (AUDITOR, PROVINCE_REVIEWER, MINISTRY), within their jurisdiction.',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          actor: z.string().min(1).max(128).optional().describe('The reader (token subject)'),
          target: z
            .string()
            .min(1)
            .max(256)
            .optional()
            .describe('The parcel, decision, land user, stream or event read'),
          resource: z.string().min(1).max(64).optional().meta({ example: 'decision-trail' }),
          outcome: z.enum(ACCESS_OUTCOMES).optional(),
          from: instant.optional().describe('Reads at or after this instant'),
          to: instant.optional().describe('Reads before this instant'),
          ...pageQuery,
          ...positionQuery,
        }),
        response: { 200: listOf(accessLogEntryView), ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      request.auditTarget = { id: request.query.target ?? request.query.actor ?? '*', jurisdiction: null };
      authorizeAuditRead(actor, { kind: 'access', id: 'access-log' });
      const q = request.query;
      await awaitReadModels(context.deps, reply, ['access_log'], q.minPosition);
      const page = await listAccessLog(context.deps.readSide.models.accessLog, {
        divisionPrefix: actor.jurisdiction === 'CN' ? null : actor.jurisdiction,
        limit: q.limit,
        ...(q.actor === undefined ? {} : { actor: q.actor }),
        ...(q.target === undefined ? {} : { target: q.target }),
        ...(q.resource === undefined ? {} : { resource: q.resource }),
        ...(q.outcome === undefined ? {} : { outcome: q.outcome }),
        ...(q.from === undefined ? {} : { from: q.from }),
        ...(q.to === undefined ? {} : { to: q.to }),
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      const position = reply.getHeader('x-read-position');
      return { ...page, items: [...page.items], position: typeof position === 'string' ? position : null };
    },
  );
};
