/**
 * The working calendar as the log has it (DOMAIN.md §11): a year with its version and sources,
 * and the working days between two dates. Read from the process's calendar book (src/calendar),
 * not a read model: a notice entered a moment ago is already counted. Public facts, so every
 * signed-in role may read them.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarBookOf } from '../../calendar/book.js';
import { calendarDaysBetween, countWorkingDays, scopesFor } from '../../domain/calendar/index.js';
import { calendarScope } from '../../domain/working-calendar/index.js';
import { authenticate, type AuthOptions } from '../auth/authenticate.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from './dependencies.js';
import { day } from './read-context.js';

const TAG = 'calendar queries';
/** Fifty years of days: every real period, and a bound on the work one request may ask for. */
const MAX_SPAN_DAYS = 366 * 50;

const sourceView = z.object({
  kind: z.enum(['published', 'amended']),
  documentNo: z.string(),
  sourceUrl: z.string(),
  publishedOn: z.iso.date().nullable(),
});

const yearView = z.object({
  scope: z.string(),
  year: z.number().int(),
  published: z.boolean().describe('False: no notice yet; its dates are provisional (§11.4.4)'),
  yearVersion: z.number().int().nullable().describe('1 when published, +1 per amendment'),
  calendarVersion: z.string().describe("The scope's calendar version these days belong to, e.g. 'CN.25'"),
  sources: z.array(sourceView),
  offDays: z.array(z.iso.date()),
  makeUpWorkDays: z.array(z.iso.date()),
  workingDays: z
    .number()
    .int()
    .describe('Working days in the year on this scope’s calendar (national, plus the overlay)'),
});

const workingDaysView = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  jurisdiction: z.string(),
  workingDays: z.number().int().describe('Working days d with from ≤ d ≤ to (both counted)'),
  provisional: z.boolean().describe('The range reaches a year whose notice is not published'),
  calendarVersion: z.string(),
});

export const registerCalendarQueries = (app: FastifyInstance, deps: QueryDependencies, auth: AuthOptions): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const book = calendarBookOf(deps.store);

  r.get(
    '/calendar/:year',
    {
      onRequest: authenticate(auth),
      schema: {
        tags: [TAG],
        operationId: 'GetCalendarYear',
        summary: 'A year of the working calendar: its days off, make-up working days, version and sources',
        security: [{ bearerAuth: [] }],
        params: z.object({ year: z.coerce.number().int().min(1990).max(2100).meta({ example: 2026 }) }),
        querystring: z.object({ scope: calendarScope.default('CN').describe("'CN' or a regional overlay") }),
        response: { 200: yearView, ...queryProblemResponses },
      },
    },
    async (request) => {
      const { year } = request.params;
      const { scope } = request.query;
      await book.refresh([scope]);
      const state = book.stateOf(scope);
      if (state === null)
        throw new HttpError(404, 'CALENDAR_NOT_FOUND', `No calendar has been published for ${scope}`, {
          field: 'query.scope',
          rule: '§11.4.1',
        });
      const days = state.years[String(year)];
      const counted = countWorkingDays(book.current(scope), `${year}-01-01`, `${year}-12-31`).days;
      return {
        scope,
        year,
        published: days !== undefined,
        yearVersion: days?.version ?? null,
        calendarVersion: `${scope}.${state.revision}`,
        sources: [...(days?.sources ?? [])],
        offDays: [...(days?.offDays ?? [])],
        makeUpWorkDays: [...(days?.makeUpWorkDays ?? [])],
        workingDays: counted,
      };
    },
  );

  r.get(
    '/calendar/working-days',
    {
      onRequest: authenticate(auth),
      schema: {
        tags: [TAG],
        operationId: 'CountWorkingDays',
        summary: 'How many working days from `from` to `to`, both counted, on the jurisdiction’s newest calendar',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          from: day,
          to: day,
          jurisdiction: z
            .string()
            .regex(/^CN(-[A-Z0-9]+)*$/, "must be 'CN' or a jurisdiction code such as 'CN-JS-3201'")
            .default('CN'),
        }),
        response: { 200: workingDaysView, ...queryProblemResponses },
      },
    },
    async (request) => {
      const { from, to, jurisdiction } = request.query;
      const span = calendarDaysBetween(from, to);
      if (span < 0)
        throw new HttpError(400, 'RANGE_INVALID', `to (${to}) is before from (${from})`, {
          field: 'query.to',
          rule: 'range',
        });
      if (span > MAX_SPAN_DAYS)
        throw new HttpError(400, 'RANGE_TOO_LONG', `A range may span at most ${MAX_SPAN_DAYS} days`, {
          field: 'query.to',
          rule: 'range',
        });
      await book.refresh(scopesFor(jurisdiction));
      const calendar = book.current(jurisdiction);
      const { days, provisional } = countWorkingDays(calendar, from, to);
      return { from, to, jurisdiction, workingDays: days, provisional, calendarVersion: calendar.version };
    },
  );
};
