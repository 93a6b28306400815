/**
 * Integrity (issue 9): a stream's hash chain checked on demand, and the log digests (Merkle roots
 * over every stream's head at a cut, recorded by the digester on the digest stream) as exportable
 * JSON an auditor keeps and later hands to `npm run verify-chain -- --against <file>`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DIGEST_STREAM } from '../../domain/streams.js';
import { verifyStream } from '../../eventstore/hash-chain.js';
import { chainView, chainViewOf } from '../../audit/views.js';
import { createDigester, readDigests, type Digester } from '../../audit/digest/digester.js';
import { digestView, digestViewSchema } from '../../audit/digest/view.js';
import { decodeCursor, encodeCursor, pageQuery } from '../../projections/paging.js';
import { actorOf, authenticate } from '../auth/authenticate.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import { recordAccess } from './access-log.js';
import { authorizeAuditRead, subjectOfStream, type AuditSubject, authorizeSubjectRead } from './access.js';
import { AUDIT_TAG, type AuditRouteContext } from './context.js';

const DIGESTS: AuditSubject = { kind: 'national', id: DIGEST_STREAM };

const streamVerdict = chainView.extend({ stream: z.string() });

export const registerIntegrityRoutes = async (app: FastifyInstance, context: AuditRouteContext): Promise<void> => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { store } = context.deps;

  r.get(
    '/streams/:stream/verify',
    {
      onRequest: authenticate(context.auth),
      onSend: recordAccess(context.access, 'stream-verify'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'VerifyStream',
        summary: 'Checks one stream’s hash chain from revision 0 and names the first broken event',
        security: [{ bearerAuth: [] }],
        params: z.object({ stream: z.string().min(1).max(200).meta({ example: 'parcel-3201-2026-001' }) }),
        response: { 200: streamVerdict, ...queryProblemResponses },
      },
    },
    async (request) => {
      const { stream } = request.params;
      const subject = await subjectOfStream(store, stream);
      authorizeSubjectRead(
        request,
        stream,
        subject,
        () => new HttpError(404, 'STREAM_NOT_FOUND', `No stream ${stream} with events`),
      );
      return { stream, ...chainViewOf(verifyStream(await store.readStream(stream))) };
    },
  );

  // One digester per app, created on first use: it keeps every stream's head in memory and
  // continues from where it stopped. Requests take turns, so the heads are never read twice at once.
  let digester: Digester | null = null;
  let turn: Promise<unknown> = Promise.resolve();
  r.post(
    '/digests',
    {
      onRequest: authenticate(context.auth, ['MINISTRY']),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'RecordDigest',
        summary: 'Records a log digest now (the saga host also does every DIGEST_INTERVAL_MS while the log moves)',
        description:
          'The ministry (which runs the national system, S1 §一) may ask for a digest at any moment, e.g. before ' +
          'handing an auditor the root to keep. 201 with the new digest; 200 with the newest one when nothing ' +
          'moved since it.',
        security: [{ bearerAuth: [] }],
        response: { 200: digestViewSchema, 201: digestViewSchema, ...queryProblemResponses },
        'x-roles': ['MINISTRY'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      digester ??= createDigester({ store, clock: context.auth.clock });
      const current = digester;
      const who = { id: actor.sub, role: actor.role, name: actor.name, jurisdiction: actor.jurisdiction };
      const run = () => current.recordNow(undefined, who);
      const outcome = await (turn = turn.then(run, run));
      if (outcome.recorded) {
        reply.code(201);
        return outcome.digest;
      }
      if (outcome.latest === null) throw new HttpError(409, 'LOG_EMPTY', 'The log holds no event to digest');
      return outcome.latest;
    },
  );

  r.get(
    '/digests/latest',
    {
      onRequest: authenticate(context.auth),
      onSend: recordAccess(context.access, 'digest-latest'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'GetLatestDigest',
        summary: 'The newest log digest: the Merkle root over every stream’s head at a cut of the log (JSON to keep)',
        security: [{ bearerAuth: [] }],
        response: { 200: digestViewSchema, ...queryProblemResponses },
      },
    },
    async (request) => {
      request.auditTarget = { id: DIGEST_STREAM, jurisdiction: null };
      authorizeAuditRead(actorOf(request), DIGESTS);
      // The digest stream grows by one event per interval (≈ 8 760 a year at the hourly default).
      const last = (await readDigests(store)).at(-1);
      if (last === undefined) throw new HttpError(404, 'DIGEST_NOT_FOUND', 'No log digest has been recorded yet');
      return digestView(last);
    },
  );

  r.get(
    '/digests',
    {
      onRequest: authenticate(context.auth),
      onSend: recordAccess(context.access, 'digest-list'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'ListDigests',
        summary: 'The log digests, newest first',
        security: [{ bearerAuth: [] }],
        querystring: z.object(pageQuery),
        response: {
          200: z.object({ items: z.array(digestViewSchema), nextCursor: z.string().nullable() }),
          ...queryProblemResponses,
        },
      },
    },
    async (request) => {
      request.auditTarget = { id: DIGEST_STREAM, jurisdiction: null };
      authorizeAuditRead(actorOf(request), DIGESTS);
      const { limit, cursor } = request.query;
      const before = cursor === undefined ? Number.POSITIVE_INFINITY : Number(decodeCursor(cursor, 1)[0]);
      const newestFirst = (await readDigests(store)).filter((e) => e.revision < before).reverse();
      const items = newestFirst.slice(0, limit).map(digestView);
      const last = items.at(-1);
      return {
        items,
        nextCursor: newestFirst.length > limit && last !== undefined ? encodeCursor([last.sequence]) : null,
      };
    },
  );
};
