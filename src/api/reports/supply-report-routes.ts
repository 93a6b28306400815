/**
 * GET /reports/supply (issue 10; DOMAIN.md §13, S1 §三 land-market dynamic monitoring analysis):
 * supply totals, structure, unit prices, pace and problems of the parcels granted in a period, as
 * JSON or downloaded as CSV or XLSX with Chinese headers. Government roles only (not LAND_USER),
 * within the token's jurisdiction; a `jurisdiction` filter outside it is 403, like every query.
 * The totals count the same rows as GET /parcels?grantedFrom=<first day>&grantedTo=<last day>.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SUPPLY_REPORT_READS, supplyReportFigures } from '../../projections/parcels/report-queries.js';
import { InvalidPeriodError, PERIOD_PATTERN, PERIOD_RULE, parsePeriod } from '../../reports/period.js';
import { SUPPLY_SECTIONS, buildSupplyReport } from '../../reports/supply.js';
import { authenticate, type AuthOptions } from '../auth/authenticate.js';
import { ROLES } from '../auth/roles.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from '../queries/dependencies.js';
import { awaitReadModels, day, divisionPrefix, positionQuery, scopeOf, today } from '../queries/read-context.js';
import { supplyReportPage } from './report-page.js';
import { CSV_TYPE, XLSX_TYPE, supplyReportCsv, writeSupplyReportXlsx } from './supply-report-export.js';

export const REPORTS_TAG = 'reports';
const GOVERNMENT_ROLES = ROLES.filter((r) => r !== 'LAND_USER');

const period = z
  .string()
  .max(16)
  .regex(PERIOD_PATTERN, `must be a report period: ${PERIOD_RULE}`)
  .transform((label, ctx) => {
    try {
      return parsePeriod(label);
    } catch (error) {
      if (!(error instanceof InvalidPeriodError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  })
  .describe(`The report period: ${PERIOD_RULE}`)
  .meta({ example: '2025Q3' });

const priceStatsView = z.object({
  grants: z.number().int().describe('Grants with a price and an area (the statistics are over these)'),
  minFenPerM2: z.string().nullable(),
  maxFenPerM2: z.string().nullable(),
  meanFenPerM2: z.string().nullable().describe("Mean of the grants' unit prices"),
  medianFenPerM2: z.string().nullable(),
  weightedMeanFenPerM2: z.string().nullable().describe('Total price over total area'),
});

const figuresView = z.object({
  section: z.enum(SUPPLY_SECTIONS.map((s) => s.key)),
  code: z.string().describe("The group: land-use code, '07-<subclass>', grant kind, supply method, division code"),
  name: z.string(),
  parcels: z.number().int(),
  areaHa: z.string().describe('Hectares, exactly 4 decimals'),
  priceFen: z.number().int(),
  priceWanYuan: z.string().describe('The price in 万元, exactly 6 decimals'),
  unitPrice: priceStatsView.describe('fen per m², rounded half up to 2 decimals'),
  pace: z.object({ delivered: z.number().int(), started: z.number().int(), completed: z.number().int() }),
  problems: z.object({
    idle: z.number().int(),
    paymentOverdue: z.number().int(),
    late: z.number().int(),
    withAlerts: z.number().int(),
    slaBreached: z.number().int(),
  }),
});

export const supplyReportView = z.object({
  report: z.literal('LAND_MARKET_SUPPLY'),
  period: z.object({
    label: z.string(),
    kind: z.enum(['YEAR', 'HALF', 'QUARTER', 'MONTH']),
    year: z.number().int(),
    from: z.iso.date(),
    to: z.iso.date(),
    reportDueOn: z.iso
      .date()
      .nullable()
      .describe('S1 §三: by the 10th of the month after the period (not for a month)'),
  }),
  jurisdiction: z.string().nullable(),
  on: z.iso.date().describe('The day problems (overdue, late, SLA) are judged on'),
  paceAsOf: z.iso.date().describe("Pace counts deliveries, starts and completions on or before the period's last day"),
  totals: figuresView,
  byLandUse: z.array(figuresView),
  byResidentialSubclass: z.array(figuresView),
  byGrantKind: z.array(figuresView),
  bySupplyMethod: z.array(figuresView),
  byCity: z.array(figuresView),
  byDivision: z.array(figuresView),
  columns: z.array(
    z.object({
      key: z.string(),
      header: z.string().describe('The Chinese column header of the CSV and XLSX export'),
      kind: z.enum(['text', 'integer', 'decimal']),
      decimals: z.number().int().optional(),
    }),
  ),
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .describe('The flat table exported as CSV and XLSX, keyed by columns[].key'),
  position: z.string().nullable(),
});

export const registerSupplyReportRoutes = (app: FastifyInstance, deps: QueryDependencies, auth: AuthOptions): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/reports/supply',
    {
      onRequest: authenticate(auth, GOVERNMENT_ROLES),
      schema: {
        tags: [REPORTS_TAG],
        operationId: 'GetSupplyReport',
        summary:
          'Land-market monitoring (§13): supply totals, structure, unit prices, pace and problems of the parcels granted in a period',
        description:
          'Parcels granted in the period (`grantedOn` from its first to its last day) within the token’s jurisdiction and the `jurisdiction` filter: the same rows as `GET /parcels?grantedFrom=&grantedTo=`. Area is summed exactly (hectares, 4 decimals), price in integer fen. Pace (delivered, started, completed) counts what happened by the period’s last day; problems are judged on `on` (default today) with the definitions of `GET /parcels` (`overdue`, `idle`, `late`) plus alerts and SLA breaches. `format=csv|xlsx` downloads the flat table (`rows`) with Chinese headers.',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          period,
          jurisdiction: divisionPrefix.optional(),
          format: z.enum(['json', 'csv', 'xlsx']).default('json'),
          on: day.optional().describe('Day the problems are judged on (default: today, Asia/Shanghai)'),
          ...positionQuery,
        }),
        response: {
          200: supplyReportView.describe('JSON; with format=csv or xlsx, the table as an attachment instead'),
          ...queryProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const scope = scopeOf(request, q.jurisdiction);
      await awaitReadModels(deps, reply, SUPPLY_REPORT_READS, q.minPosition);
      const position = (reply.getHeader('x-read-position') as string | undefined) ?? null;
      const on = q.on ?? today(auth.clock);
      const figures = await supplyReportFigures(deps.readSide.models.parcels, scope, {
        from: q.period.from,
        to: q.period.to,
        on,
        ...(q.jurisdiction === undefined ? {} : { jurisdiction: q.jurisdiction }),
      });
      const report = buildSupplyReport({ period: q.period, jurisdiction: q.jurisdiction ?? null, on, ...figures });
      const filename = `supply-${q.period.label}-${q.jurisdiction ?? scope.divisionPrefix ?? 'CN'}`;
      // A download is not the JSON view: sent as a plain reply (fastify sends strings and streams as they are).
      const download = reply as FastifyReply;
      if (q.format === 'csv') {
        return download
          .type(CSV_TYPE)
          .header('content-disposition', `attachment; filename="${filename}.csv"`)
          .send(supplyReportCsv(report));
      }
      if (q.format === 'xlsx') {
        const out = new PassThrough();
        // Sent first and written while fastify reads it: the writer waits for the reader (backpressure).
        writeSupplyReportXlsx(report, out, position).catch((err: unknown) =>
          request.log.error({ err }, 'supply report XLSX failed'),
        );
        return download
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${filename}.xlsx"`)
          .send(out);
      }
      return { ...report, position };
    },
  );
  // The report page at /reports/ (report-page.ts): loaded with the app's other plugins at ready().
  void app.register(supplyReportPage);
};
