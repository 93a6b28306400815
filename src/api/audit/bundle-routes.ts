/**
 * Audit bundles (issue 9): a parcel's or a decision's whole stream as NDJSON to download and check
 * offline with `npm run verify-bundle -- <file>` (format: src/audit/bundle/bundle.ts). Read under
 * the history rules (authorizeAuditRead) and recorded in the access log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildBundle } from '../../audit/bundle/build.js';
import { decisionStream, parcelStream } from '../../domain/streams.js';
import { actorOf, authenticate } from '../auth/authenticate.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import { recordAccess } from './access-log.js';
import { decisionSubject, parcelSubject, type AuditSubject, authorizeSubjectRead } from './access.js';
import { AUDIT_TAG, type AuditRouteContext } from './context.js';

const NDJSON = 'application/x-ndjson';

const bundleResponse = z
  .string()
  .describe(
    'NDJSON: line 1 {"manifest": {format, stream, events, firstRevision, lastRevision, lastHash, eventsSha256, generatedAt, generatedBy, digest, proof}}, then one recorded event per line',
  );

export const registerBundleRoutes = async (app: FastifyInstance, context: AuditRouteContext): Promise<void> => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { store } = context.deps;

  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'parcel' | 'decision',
    id: string,
    subject: AuditSubject | null,
  ) => {
    authorizeSubjectRead(
      request,
      id,
      subject,
      () => new HttpError(404, kind === 'parcel' ? 'PARCEL_NOT_FOUND' : 'DECISION_NOT_FOUND', `No ${kind} ${id}`),
    );
    const actor = actorOf(request);
    const stream = kind === 'parcel' ? parcelStream(id) : decisionStream(id);
    const { text } = await buildBundle(
      store,
      stream,
      { id: actor.sub, role: actor.role, name: actor.name, jurisdiction: actor.jurisdiction },
      context.auth.clock(),
    );
    const filename = `${kind}-${id.replace(/[^\w.-]/g, '_')}.audit.jsonl`;
    return reply.type(NDJSON).header('content-disposition', `attachment; filename="${filename}"`).send(text);
  };

  r.get(
    '/parcels/:parcelId/audit-bundle',
    {
      onRequest: authenticate(context.auth),
      onSend: recordAccess(context.access, 'parcel-audit-bundle'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'GetParcelAuditBundle',
        summary: 'A parcel’s whole stream with its manifest and digest proof, to verify offline (NDJSON download)',
        security: [{ bearerAuth: [] }],
        params: z.object({ parcelId: z.string().min(1).max(128).meta({ example: '3201-2026-001' }) }),
        produces: [NDJSON],
        response: { 200: bundleResponse, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const { parcelId } = request.params;
      return send(request, reply, 'parcel', parcelId, await parcelSubject(store, parcelId));
    },
  );

  r.get(
    '/decisions/:decisionId/audit-bundle',
    {
      onRequest: authenticate(context.auth),
      onSend: recordAccess(context.access, 'decision-audit-bundle'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'GetDecisionAuditBundle',
        summary: 'A collective decision’s whole stream with its manifest and digest proof (NDJSON download)',
        security: [{ bearerAuth: [] }],
        params: z.object({ decisionId: z.string().min(1).max(128).meta({ example: 'D-2026-001' }) }),
        produces: [NDJSON],
        response: { 200: bundleResponse, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const { decisionId } = request.params;
      return send(request, reply, 'decision', decisionId, await decisionSubject(store, decisionId));
    },
  );
};
