/**
 * Event links (issue 9): GET /events/{eventId}, one event as stored with its cause, what it
 * caused, what shares its correlation id, what its data names and its timer, so that a reviewer
 * walks from a credit entry to the breach behind it, the timer that found the breach and the
 * contract that set the date. The event index (a read model) only locates events; what is shown
 * is read from the log (src/audit/event-links.ts). Authorised by the event's stream.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { eventLinks, eventLinksView, locateEvent } from '../../audit/event-links.js';
import type { EventIndexTables } from '../../projections/event-index/tables.js';
import { actorOf, authenticate } from '../auth/authenticate.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import { awaitReadModels, positionQuery } from '../queries/read-context.js';
import { authorizeAuditRead, subjectOfStream, authorizeSubjectRead } from './access.js';
import { recordAccess } from './access-log.js';
import { AUDIT_TAG, type AuditRouteContext } from './context.js';

const READS = ['event_index'] as const;

const notFound = (eventId: string): HttpError => new HttpError(404, 'NOT_FOUND', `No event ${eventId}`, { eventId });

export const registerEventRoutes = async (app: FastifyInstance, context: AuditRouteContext): Promise<void> => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = context;
  const index = deps.readSide.db.withSchema(deps.schema) as unknown as Kysely<EventIndexTables>;

  r.get(
    '/events/:eventId',
    {
      onRequest: authenticate(context.auth),
      onSend: recordAccess(context.access, 'event'),
      schema: {
        tags: [AUDIT_TAG],
        operationId: 'GetEvent',
        summary:
          'One event as recorded, with the event that caused it, the events it caused, its correlated events, the events its data names and its timer',
        description:
          "Located through the event index, read from the log. Readable by whoever may read the event's stream (§12); linked events on other streams the reader may not read are withheld. Every read is recorded in the access log.",
        security: [{ bearerAuth: [] }],
        params: z.object({
          eventId: z.string().min(1).max(64).meta({ example: '0193f6a2-6c1e-7c3a-9f1e-2b8c4d5e6f70' }),
        }),
        querystring: z.object(positionQuery),
        response: { 200: eventLinksView, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { eventId } = request.params;
      await awaitReadModels(deps, reply, READS, request.query.minPosition);
      const event = await locateEvent(deps.store, index, eventId);
      if (event === null) throw notFound(eventId);
      const subject = await subjectOfStream(deps.store, event.stream);
      authorizeSubjectRead(request, eventId, subject, () => notFound(eventId));
      return eventLinks(
        {
          store: deps.store,
          index,
          mayRead: async (stream) => {
            const linked = await subjectOfStream(deps.store, stream);
            if (linked === null) return false;
            try {
              authorizeAuditRead(actor, linked);
              return true;
            } catch (error) {
              if (error instanceof HttpError) return false;
              throw error;
            }
          },
        },
        event,
      );
    },
  );
};
