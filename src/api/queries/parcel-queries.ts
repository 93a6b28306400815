/**
 * Parcel status queries: one parcel (ETag = stream revision), the filtered list, and each
 * parcel's deadlines, payments, inspections and idle cases. Every route is scoped to the token's
 * jurisdiction (a land user: own parcels), and answers 404 for a parcel outside it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../projections/paging.js';
import { getParcel, listDeadlines, listParcels, parcelInScope } from '../../projections/parcels/queries.js';
import { parcelSubresources } from '../../projections/parcels/subresources.js';
import { parcelSummary, parcelSummaryView } from '../../projections/parcels/summary.js';
import {
  deadlineView,
  idleCaseView,
  inspectionView,
  parcelPaymentsView,
  parcelView,
} from '../../projections/parcels/views.js';
import { asOfParam, parcelAsOf, parcelAsOfView } from '../../audit/as-of.js';
import { parcelSubject, authorizeSubjectRead } from '../audit/access.js';
import { recordAccess } from '../audit/access-log.js';
import { authenticate, type AuthOptions } from '../auth/authenticate.js';
import { etagOf } from '../commands/etag.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from './dependencies.js';
import { awaitReadModels, listOf, day, divisionPrefix, positionQuery, scopeOf, today } from './read-context.js';

const TAG = 'parcel queries';
const READS = ['parcels'] as const;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const csv = (item: z.ZodType<string>) =>
  z
    .string()
    .max(500)
    .transform((v, ctx) => {
      const items = v.split(',').filter((s) => s !== '');
      for (const i of items) {
        const parsed = item.safeParse(i);
        if (!parsed.success)
          ctx.addIssue({ code: 'custom', message: `${JSON.stringify(i)}: ${parsed.error.issues[0]?.message}` });
      }
      return items;
    })
    .optional();

const parcelId = z.object({ parcelId: z.string().min(1).max(128).meta({ example: 'P-2026-001' }) });
const onQuery = { on: day.optional().describe('Day the flags are judged on (default: today, Asia/Shanghai)') };

const STATUSES = [
  'DEAL_CONCLUDED',
  'SUPPLY_ABORTED',
  'GRANTED',
  'DELIVERED',
  'CERTIFIED',
  'STARTED',
  'COMPLETED',
  'TERMINATED',
  'REVOKED',
  'RECOVERED',
] as const;

export const registerParcelQueries = (app: FastifyInstance, deps: QueryDependencies, auth: AuthOptions): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: authenticate(auth) };
  const position = async (minPosition: string | undefined, reply: Parameters<typeof awaitReadModels>[1]) => {
    await awaitReadModels(deps, reply, READS, minPosition);
    return (reply.getHeader('x-read-position') as string | undefined) ?? null;
  };

  // A historical read (asOf, atRevision) is an audit read: recorded like every other; a current one is not.
  const recordHistoricalRead = recordAccess({ store: deps.store, clock: auth.clock }, 'parcel-as-of');
  r.get(
    '/parcels/:parcelId',
    {
      ...common,
      onSend: async (request, reply, payload) => {
        const query = (request.query ?? {}) as Record<string, unknown>;
        if (query['asOf'] === undefined && query['atRevision'] === undefined) return payload;
        return recordHistoricalRead(request, reply, payload);
      },
      schema: {
        tags: [TAG],
        operationId: 'GetParcel',
        summary:
          'Current status of one parcel, with flags and the next deadline; with asOf or atRevision, the parcel as it stood then',
        description:
          'With `asOf` (a day: its end in Asia/Shanghai; or an instant) or `atRevision`, the answer is computed by folding the parcel stream up to then (not the read model), with the deadlines open then on the policy and calendar version of then. Such a read is an audit read: it needs the audit rights (§12) and is recorded in the access log.',
        security: [{ bearerAuth: [] }],
        params: parcelId,
        querystring: z.object({
          ...onQuery,
          ...positionQuery,
          asOf: asOfParam.optional(),
          atRevision: z.coerce
            .number()
            .int()
            .min(0)
            .max(2_000_000_000)
            .optional()
            .describe('The parcel as it stood after this revision of its stream (exclusive with asOf)'),
        }),
        response: {
          200: z
            .union([parcelView.describe('The parcel; ETag = its stream revision'), parcelAsOfView])
            .describe('The current parcel (read model), or the parcel as it stood then (asOf, atRevision)'),
          ...queryProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const { asOf, atRevision } = request.query;
      if (asOf !== undefined || atRevision !== undefined) {
        const id = request.params.parcelId;
        if (asOf !== undefined && atRevision !== undefined) {
          throw new HttpError(400, 'VALIDATION_FAILED', 'asOf and atRevision exclude each other: give one', {
            field: 'query.atRevision',
            rule: 'asOf-or-atRevision',
          });
        }
        const subject = await parcelSubject(deps.store, id);
        authorizeSubjectRead(request, id, subject, () => notFound(id));
        const view = await parcelAsOf(deps.store, id, asOf !== undefined ? { asOf } : { atRevision: atRevision ?? 0 });
        if (view === null) {
          throw new HttpError(404, 'PARCEL_NOT_FOUND', `Parcel ${id} had no events by then`, { parcelId: id });
        }
        return view;
      }
      await position(request.query.minPosition, reply);
      const view = await getParcel(
        deps.readSide.models.parcels,
        request.params.parcelId,
        scopeOf(request),
        request.query.on ?? today(auth.clock),
      );
      if (view === null) throw notFound(request.params.parcelId);
      reply.header('etag', etagOf(view.revision));
      return view;
    },
  );

  r.get(
    '/parcels/summary',
    {
      ...common,
      schema: {
        tags: [TAG],
        operationId: 'SummarizeParcels',
        summary:
          'Dashboard figures for a jurisdiction: parcels by status, flags on a day, money payable, paid and outstanding',
        security: [{ bearerAuth: [] }],
        querystring: z.object({ jurisdiction: divisionPrefix.optional(), ...onQuery, ...positionQuery }),
        response: { 200: parcelSummaryView, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      await position(q.minPosition, reply);
      return parcelSummary(
        deps.readSide.models.parcels,
        scopeOf(request, q.jurisdiction),
        q.jurisdiction,
        q.on ?? today(auth.clock),
      );
    },
  );

  r.get(
    '/parcels',
    {
      ...common,
      schema: {
        tags: [TAG],
        operationId: 'ListParcels',
        summary: 'Parcels by jurisdiction, status, land user, use, flags, grant date and next deadline; keyset pages',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          jurisdiction: divisionPrefix.optional(),
          status: csv(z.enum(STATUSES)).describe('One or more statuses, comma-separated'),
          landUser: z.string().max(128).optional(),
          use: z
            .string()
            .regex(/^\d{2}$/, 'must be a two-digit land-use class code')
            .optional(),
          decisionId: z.string().max(128).optional(),
          supervisionNo: z.string().max(128).optional().describe('电子监管号 lookup'),
          contractNo: z.string().max(128).optional().describe('Contract or allocation decision number lookup'),
          overdue: flag.describe('An instalment unpaid after its due date'),
          idle: flag.describe('An idle-land case open'),
          late: flag.describe('Late start or late completion'),
          nextDeadlineBefore: day.optional(),
          nextDeadlineAfter: day.optional(),
          grantedFrom: day.optional().describe('Granted on or after this day (inclusive)'),
          grantedTo: day.optional().describe('Granted on or before this day (inclusive)'),
          sort: z.enum(['parcelId', 'nextDeadline']).default('parcelId'),
          ...onQuery,
          ...pageQuery,
          ...positionQuery,
        }),
        response: { 200: listOf(parcelView), ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const at = await position(q.minPosition, reply);
      const page = await listParcels(deps.readSide.models.parcels, scopeOf(request, q.jurisdiction), {
        ...(q.jurisdiction === undefined ? {} : { jurisdiction: q.jurisdiction }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.landUser === undefined ? {} : { landUserId: q.landUser }),
        ...(q.use === undefined ? {} : { landUseCode: q.use }),
        ...(q.decisionId === undefined ? {} : { decisionId: q.decisionId }),
        ...(q.supervisionNo === undefined ? {} : { supervisionNo: q.supervisionNo }),
        ...(q.contractNo === undefined ? {} : { documentNo: q.contractNo }),
        ...(q.overdue === undefined ? {} : { overdue: q.overdue }),
        ...(q.idle === undefined ? {} : { idle: q.idle }),
        ...(q.late === undefined ? {} : { late: q.late }),
        ...(q.nextDeadlineBefore === undefined ? {} : { nextDeadlineBefore: q.nextDeadlineBefore }),
        ...(q.nextDeadlineAfter === undefined ? {} : { nextDeadlineAfter: q.nextDeadlineAfter }),
        ...(q.grantedFrom === undefined ? {} : { grantedFrom: q.grantedFrom }),
        ...(q.grantedTo === undefined ? {} : { grantedTo: q.grantedTo }),
        sort: q.sort,
        on: q.on ?? today(auth.clock),
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return { ...page, items: [...page.items], position: at };
    },
  );

  r.get(
    '/deadlines',
    {
      ...common,
      schema: {
        tags: [TAG],
        operationId: 'ListDeadlines',
        summary: "The patrol post's work queue: open obligations across parcels, earliest due first",
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          jurisdiction: divisionPrefix.optional(),
          rule: csv(z.string().regex(/^T\d{2}[a-z]?$/, 'must be a rule id such as T04')).describe(
            'Rule ids, comma-separated',
          ),
          kind: csv(z.enum(['reminder', 'deadline', 'sla', 'threshold', 'inspection', 'limit'])),
          dueBefore: day.optional(),
          dueAfter: day.optional(),
          review: z
            .enum(['OPEN', 'KEPT'])
            .optional()
            .describe(
              'Only deadlines a calendar change would shorten, held at their communicated date: OPEN is the review queue (ResolveDeadlineReview), KEPT the ones a reviewer kept',
            ),
          ...onQuery,
          ...pageQuery,
          ...positionQuery,
        }),
        response: { 200: listOf(deadlineView), ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const at = await position(q.minPosition, reply);
      const page = await listDeadlines(deps.readSide.models.parcels, scopeOf(request, q.jurisdiction), {
        ...(q.jurisdiction === undefined ? {} : { jurisdiction: q.jurisdiction }),
        ...(q.rule === undefined ? {} : { rule: q.rule }),
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.dueBefore === undefined ? {} : { dueBefore: q.dueBefore }),
        ...(q.dueAfter === undefined ? {} : { dueAfter: q.dueAfter }),
        ...(q.review === undefined ? {} : { review: q.review }),
        on: q.on ?? today(auth.clock),
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return { ...page, items: [...page.items], position: at };
    },
  );

  const sub = (
    path: 'deadlines' | 'payments' | 'inspections' | 'idle-cases',
    operationId: string,
    summary: string,
    response: z.ZodType,
    load: (parcelId: string, on: string) => Promise<unknown>,
  ) =>
    r.get(
      `/parcels/:parcelId/${path}`,
      {
        ...common,
        schema: {
          tags: [TAG],
          operationId,
          summary,
          security: [{ bearerAuth: [] }],
          params: parcelId,
          querystring: z.object({ ...onQuery, ...positionQuery }),
          response: { 200: response, ...queryProblemResponses },
        },
      },
      async (request, reply) => {
        await position(request.query.minPosition, reply);
        const id = request.params.parcelId;
        if (!(await parcelInScope(deps.readSide.models.parcels, id, scopeOf(request)))) throw notFound(id);
        return reply.send(await load(id, request.query.on ?? today(auth.clock)));
      },
    );
  const subresources = parcelSubresources(deps.readSide.models.parcels);
  sub(
    'deadlines',
    'ListParcelDeadlines',
    "The parcel's open obligations, earliest due first",
    z.object({ items: z.array(deadlineView) }),
    async (id, on) => ({
      items: await subresources.deadlines(id, on),
    }),
  );
  sub(
    'payments',
    'ListParcelPayments',
    'Instalments with what is paid and outstanding, and every payment',
    parcelPaymentsView,
    (id, on) => subresources.payments(id, on),
  );
  sub(
    'inspections',
    'ListParcelInspections',
    'Site inspections and their hand-over',
    z.object({ items: z.array(inspectionView) }),
    async (id) => ({
      items: await subresources.inspections(id),
    }),
  );
  sub(
    'idle-cases',
    'ListParcelIdleCases',
    'Idle-land cases, open and closed',
    z.object({ items: z.array(idleCaseView) }),
    async (id) => ({
      items: await subresources.idleCases(id),
    }),
  );
};

const notFound = (parcelId: string) =>
  new HttpError(404, 'PARCEL_NOT_FOUND', `No parcel ${parcelId} in the read model within your jurisdiction`, {
    parcelId,
  });
