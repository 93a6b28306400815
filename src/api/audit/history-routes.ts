/**
 * History (issue 9): GET /parcels/{parcelId}/history, /decisions/{decisionId}/history and
 * /land-users/{landUserId}/credit/history. Every event of the stream as stored, with its whole
 * metadata envelope, a page at a time, and the hash chain verified over the whole stream. Read
 * from the log (src/audit/history.ts), never from the read models; every read is recorded.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readHistory } from '../../audit/history.js';
import { chainView, eventView } from '../../audit/views.js';
import { creditStream, decisionStream, parcelStream } from '../../domain/streams.js';
import { authenticate } from '../auth/authenticate.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import { decisionSubject, parcelSubject, type AuditSubject, authorizeSubjectRead } from './access.js';
import { recordAccess } from './access-log.js';
import { AUDIT_TAG, type AuditRouteContext } from './context.js';

export const HISTORY_MAX_LIMIT = 500;
export const HISTORY_DEFAULT_LIMIT = 100;

export const historyQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(HISTORY_MAX_LIMIT)
    .default(HISTORY_DEFAULT_LIMIT)
    .describe('Events per page (1–500)'),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'must be the nextCursor of a previous page (a revision)')
    .optional()
    .describe('nextCursor of the previous page: the revision to continue at'),
  type: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z][A-Za-z0-9]*(?:,[A-Za-z][A-Za-z0-9]*)*$/, 'must be event types, comma-separated')
    .optional()
    .describe('Only these event types, comma-separated (e.g. PaymentRecorded,PaymentOverdue)'),
});

export const historyView = z.object({
  stream: z.string(),
  revision: z.number().int().describe("Revision of the stream's last event"),
  chain: chainView,
  items: z.array(eventView),
  nextCursor: z.string().nullable(),
});

interface HistoryRoute {
  readonly url: string;
  readonly param: string;
  readonly example: string;
  readonly operationId: string;
  readonly summary: string;
  readonly resource: 'parcel-history' | 'decision-history' | 'credit-history';
  readonly stream: (id: string) => string;
  /** What the read is about, or null when the stream has no events. */
  readonly subject: (context: AuditRouteContext, id: string) => Promise<AuditSubject | null>;
}

const ROUTES: readonly HistoryRoute[] = [
  {
    url: '/parcels/:parcelId/history',
    param: 'parcelId',
    example: 'P-2026-001',
    operationId: 'GetParcelHistory',
    summary: "A parcel's full history as recorded: every event with its metadata, and the hash-chain verdict",
    resource: 'parcel-history',
    stream: parcelStream,
    subject: ({ deps }, id) => parcelSubject(deps.store, id),
  },
  {
    url: '/decisions/:decisionId/history',
    param: 'decisionId',
    example: 'D-2026-001',
    operationId: 'GetDecisionHistory',
    summary:
      "A collective decision's full history as recorded (the reserve price only sealed, with its commitment), and the hash-chain verdict",
    resource: 'decision-history',
    stream: decisionStream,
    subject: ({ deps }, id) => decisionSubject(deps.store, id),
  },
  {
    url: '/land-users/:landUserId/credit/history',
    param: 'landUserId',
    example: 'LU-0001',
    operationId: 'GetCreditHistory',
    summary: "A land user's credit archive as recorded: every entry, lift request and lift, and the hash-chain verdict",
    resource: 'credit-history',
    stream: creditStream,
    subject: async ({ deps }, id) => {
      const exists = (await deps.store.readStream(creditStream(id), { toRevision: 0 })).length > 0;
      return exists ? { kind: 'credit', id } : null;
    },
  },
];

const notFound = (stream: string): HttpError => new HttpError(404, 'NOT_FOUND', `No events in ${stream}`, { stream });

export const registerHistoryRoutes = async (app: FastifyInstance, context: AuditRouteContext): Promise<void> => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const route of ROUTES) {
    r.get(
      route.url,
      {
        onRequest: authenticate(context.auth),
        onSend: recordAccess(context.access, route.resource),
        schema: {
          tags: [AUDIT_TAG],
          operationId: route.operationId,
          summary: route.summary,
          description:
            'Read from the event log, not the read models; the chain verdict covers the whole stream whatever the page. Every read, refusals included, is recorded in the access log.',
          security: [{ bearerAuth: [] }],
          params: z.object({ [route.param]: z.string().min(1).max(128).meta({ example: route.example }) }),
          querystring: historyQuery,
          response: { 200: historyView, ...queryProblemResponses },
        },
      },
      async (request) => {
        const id = (request.params as Record<string, string>)[route.param] as string;
        const stream = route.stream(id);
        const subject = await route.subject(context, id);
        authorizeSubjectRead(request, id, subject, () => notFound(stream));
        const q = request.query;
        const page = await readHistory(context.deps.store, stream, {
          limit: q.limit,
          ...(q.cursor === undefined ? {} : { cursor: Number(q.cursor) }),
          ...(q.type === undefined ? {} : { types: q.type.split(',') }),
        });
        if (page === null) throw notFound(stream);
        return page;
      },
    );
  }
};
