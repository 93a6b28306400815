/**
 * `GET /announcements/{id}`: one supply announcement (DOMAIN.md §4 T31, T32, T38) folded from its
 * stream — no read model, so the answer is current at once (ETag = the stream's revision) — with
 * its open obligations (results publication, abnormal-transaction report) on the jurisdiction's
 * current working calendar and the deadlines missed (`breaches`, recorded by the timers). Government roles within their jurisdiction.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarBookOf } from '../../calendar/book.js';
import {
  ABNORMAL_REASONS,
  announcementDecider,
  announcementObligations,
  announcementStream,
  premiumPercent,
  SUPPLY_METHODS,
  type AnnouncementEvent,
  type AnnouncementState,
} from '../../domain/announcement/index.js';
import { foldStream } from '../../eventstore/fold-stream.js';
import { actorOf, authenticate, type AuthOptions } from '../auth/authenticate.js';
import { covers } from '../auth/jurisdiction.js';
import { ROLES } from '../auth/roles.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from './dependencies.js';
import { day, today } from './read-context.js';

const GOVERNMENT_ROLES = ROLES.filter((r) => r !== 'LAND_USER');

const dueStamp = z.object({
  rule: z.string(),
  dueDate: z.string(),
  policyVersion: z.string(),
  calendarVersion: z.string(),
  provisional: z.boolean(),
});

const announcementView = z.object({
  announcementId: z.string(),
  revision: z.number().int(),
  jurisdiction: z.string(),
  parcelIds: z.array(z.string()),
  method: z.enum(SUPPLY_METHODS),
  documentNo: z.string(),
  publishedOn: z.string(),
  activityStartsOn: z.string().describe('As postponed by supplementary notices (T31)'),
  originalActivityStartsOn: z.string(),
  listingEndsOn: z.string().nullable(),
  notices: z.array(
    z.object({
      noticeNo: z.string(),
      publishedOn: z.string(),
      changes: z.array(z.string()),
      postponedDays: z.number().int(),
    }),
  ),
  results: z.array(
    z.object({
      parcelId: z.string(),
      dealOn: z.string(),
      winnerId: z.string(),
      priceFen: z.number().int(),
      startingPriceFen: z.number().int(),
      recordPrice: z.boolean(),
      premium: z.string().describe("(price − starting price) / starting price, exact ('0.5001' or 'n/d')"),
      premiumPercent: z
        .string()
        .describe("the premium for reading, rounded to 0.01 % ('11.10%'); T38 judges the exact value"),
      abnormal: z.boolean(),
      abnormalReasons: z.array(z.enum(ABNORMAL_REASONS)),
      resultsDue: dueStamp,
      abnormalReportDue: dueStamp.nullable(),
      resultsPublished: z.object({ publishedOn: z.string(), late: z.boolean() }).nullable(),
      abnormalReport: z.object({ reportedOn: z.string(), reportNo: z.string(), late: z.boolean() }).nullable(),
    }),
  ),
  obligations: z
    .array(
      z.object({
        rule: z.enum(['T32', 'T38']),
        kind: z.enum(['RESULTS_PUBLICATION', 'ABNORMAL_TRANSACTION_REPORT']),
        parcelId: z.string(),
        anchorDate: z.string(),
        dueDate: z.string(),
        calendarVersion: z.string(),
        provisional: z.boolean(),
        overdue: z.boolean(),
      }),
    )
    .describe('Open T32 results publications and T38 abnormal reports, earliest due first'),
  breaches: z
    .array(
      z.object({
        rule: z.enum(['T32', 'T38']),
        parcelId: z.string(),
        dueDate: z.string(),
        overdueOn: z.string(),
      }),
    )
    .describe('Missed T32/T38 deadlines the timers recorded (ResultsPublicationOverdue, AbnormalReportOverdue)'),
});

export const registerAnnouncementQueries = (app: FastifyInstance, deps: QueryDependencies, auth: AuthOptions): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const book = calendarBookOf(deps.store);

  r.get(
    '/announcements/:announcementId',
    {
      onRequest: authenticate(auth, GOVERNMENT_ROLES),
      schema: {
        tags: ['announcement queries'],
        operationId: 'GetAnnouncement',
        summary:
          'A supply announcement (T31, T32, T38) folded from its stream: schedule, notices, deals, the open obligations with due dates, and the missed deadlines',
        security: [{ bearerAuth: [] }],
        params: z.object({ announcementId: z.string().min(1).max(128).meta({ example: 'GG-3201-2026-05' }) }),
        querystring: z.object({
          on: day.optional().describe('The day overdue is judged on (default: today, Shanghai)'),
        }),
        response: { 200: announcementView, ...queryProblemResponses },
      },
    },
    async (request, reply) => {
      const { announcementId } = request.params;
      const events = await deps.store.readStream(announcementStream(announcementId));
      const state = foldStream<AnnouncementEvent, AnnouncementState>(announcementDecider, events);
      if (state.status === 'NONE' || !covers(actorOf(request).jurisdiction, state.jurisdiction)) {
        throw new HttpError(
          404,
          'ANNOUNCEMENT_NOT_FOUND',
          `No announcement ${announcementId} within your jurisdiction`,
          {},
        );
      }
      await book.refresh([], { maxAgeMs: 1000 });
      const calendar = book.current(state.jurisdiction);
      const on = request.query.on ?? today(auth.clock);
      const revision = events.length - 1;
      reply.header('etag', `"${revision}"`);
      const { status: _status, ...rest } = state;
      return {
        ...rest,
        parcelIds: [...rest.parcelIds],
        notices: rest.notices.map((n) => ({ ...n, changes: [...n.changes] })),
        results: rest.results.map((x) => ({
          ...x,
          premiumPercent: premiumPercent(x.priceFen, x.startingPriceFen),
          abnormalReasons: [...x.abnormalReasons],
        })),
        breaches: (rest.breaches ?? []).map((b) => ({ ...b })),
        revision,
        obligations: announcementObligations(state, calendar, { on }).map((o) => ({
          ...o,
          overdue: o.overdue ?? false,
        })),
      };
    },
  );
};
