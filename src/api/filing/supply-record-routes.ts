/**
 * Supply filing queries (issue 10, DOMAIN.md §8): one parcel's Attachment-3 record and the filing
 * list of a period as JSON pages, CSV or XLSX with the form's own headers and code tables. Every
 * government role reads within its jurisdiction; a land user reads none (the form is the
 * department's filing, and its location fields are not the public's).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../projections/paging.js';
import { divisionCodeOf } from '../../domain/jurisdiction.js';
import { eachSupplyRecord, listSupplyRecords } from '../../projections/supply-records/queries.js';
import { supplyRecordRow, SUPPLY_RECORD_COLUMNS, withoutCoordinates } from '../../filing/columns.js';
import { csvStream, CSV_CONTENT_TYPE, xlsxStream, XLSX_CONTENT_TYPE } from '../../filing/export.js';
import { authenticate, type AuthOptions } from '../auth/authenticate.js';
import { ROLES } from '../auth/roles.js';
import { HttpError } from '../http-error.js';
import { queryProblemResponses } from '../problem.js';
import type { QueryDependencies } from '../queries/dependencies.js';
import {
  awaitReadModels,
  day,
  divisionPrefix,
  listOf,
  positionQuery,
  scopeOf,
  today,
} from '../queries/read-context.js';
import { SUPPLY_RECORD_COLUMN_LIST, supplyRecordOfParcel, supplyRecordView } from './supply-record-view.js';

const TAG = 'supply filing';
/** Everyone but the land user (§12). */
export const FILING_READERS = ROLES.filter((role) => role !== 'LAND_USER');

const filedItem = z.object({
  parcelId: z.string(),
  jurisdiction: z.string().nullable(),
  filingRef: z.string(),
  filedOn: z.string(),
  dueDate: z.string(),
  late: z.boolean(),
  preparer: z.object({ id: z.string(), name: z.string().nullable() }).nullable().describe('填表责任人'),
  reviewer: z.object({ id: z.string(), name: z.string().nullable() }).describe('审核责任人'),
  industryCatalogueVersion: z.string().nullable(),
  record: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('As filed (coordinates withheld); null for filings made before the form was kept'),
  row: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('The list row, keyed as `columns`'),
});

const listView = listOf(filedItem).extend({
  columns: z
    .array(z.object({ key: z.string(), header: z.string() }))
    .describe('The form’s columns in order: `header` as printed on Attachment 3, `key` in `row`'),
});

const FORMATS = ['json', 'csv', 'xlsx'] as const;

export const registerSupplyRecordRoutes = (app: FastifyInstance, deps: QueryDependencies, auth: AuthOptions): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: authenticate(auth, FILING_READERS) };

  r.get(
    '/parcels/:parcelId/supply-record',
    {
      ...common,
      schema: {
        tags: [TAG],
        operationId: 'GetSupplyRecord',
        summary: 'A parcel’s Attachment-3 supply record with its V1–V14 verdict and where the two-person filing stands',
        description:
          'Built from the parcel stream and the preparer’s draft exactly as FileSupplyRecord would build it (§8). Not for land users.',
        security: [{ bearerAuth: [] }],
        params: z.object({ parcelId: z.string().min(1).max(128) }),
        response: { 200: supplyRecordView, ...queryProblemResponses },
      },
    },
    async (request) => {
      const { parcelId } = request.params;
      const notFound = new HttpError(404, 'PARCEL_NOT_FOUND', `No parcel ${parcelId} in your jurisdiction`, {
        parcelId,
      });
      // Scoped by the stream itself (not the read model), so a record is readable the moment it is written.
      const filing = await supplyRecordOfParcel(deps.store, parcelId, today(auth.clock));
      const own = scopeOf(request).divisionPrefix;
      const division = filing?.jurisdiction == null ? null : divisionCodeOf(filing.jurisdiction);
      if (filing === null || (own !== null && (division === null || !division.startsWith(own)))) throw notFound;
      return filing.view();
    },
  );

  r.get(
    '/supply-records',
    {
      ...common,
      schema: {
        tags: [TAG],
        operationId: 'ListSupplyRecords',
        summary: 'The filed supply records of a period (Attachment 3), as JSON pages, CSV or XLSX',
        description:
          'Records filed between `from` and `to` (inclusive), in filing order, within the token’s jurisdiction. `format=csv|xlsx` streams every record of the period (no paging) with the form’s Chinese headers and code tables; corner coordinates are never exported (S1 §二).',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          jurisdiction: divisionPrefix.optional(),
          from: day.optional().describe('Filed on or after (inclusive)'),
          to: day.optional().describe('Filed on or before (inclusive)'),
          format: z.enum(FORMATS).default('json'),
          ...pageQuery,
          ...positionQuery,
        }),
        response: {
          200: listView.describe('format=json; csv and xlsx answer the file itself'),
          ...queryProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
        throw new HttpError(400, 'VALIDATION_FAILED', `from ${q.from} is after to ${q.to}`, {
          field: 'query.from',
          rule: 'from<=to',
        });
      }
      await awaitReadModels(deps, reply, ['supply_records'], q.minPosition);
      const scope = scopeOf(request, q.jurisdiction);
      const filter = {
        divisionPrefix: scope.divisionPrefix,
        ...(q.jurisdiction === undefined ? {} : { jurisdiction: q.jurisdiction }),
        ...(q.from === undefined ? {} : { from: q.from }),
        ...(q.to === undefined ? {} : { to: q.to }),
      };
      if (q.format !== 'json') {
        const rows = (async function* () {
          for await (const filing of eachSupplyRecord(deps.readSide.models.supplyRecords, filter)) {
            yield supplyRecordRow(filing);
          }
        })();
        const name = ['supply-records', q.jurisdiction ?? scope.divisionPrefix ?? 'CN', q.from, q.to]
          .filter((part) => part !== undefined)
          .join('_');
        reply.header('content-disposition', `attachment; filename="${name}.${q.format}"`);
        if (q.format === 'csv')
          return reply.type(CSV_CONTENT_TYPE).send(csvStream(SUPPLY_RECORD_COLUMNS, rows) as never);
        return reply
          .type(XLSX_CONTENT_TYPE)
          .send(xlsxStream('国有建设用地供应情况备案表', SUPPLY_RECORD_COLUMNS, rows) as never);
      }
      const page = await listSupplyRecords(deps.readSide.models.supplyRecords, {
        ...filter,
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return {
        items: page.items.map(({ eventId: _eventId, ...filing }) => ({
          ...filing,
          record:
            filing.record === null ? null : (withoutCoordinates(filing.record) as unknown as Record<string, unknown>),
          row: supplyRecordRow(filing),
        })),
        nextCursor: page.nextCursor,
        position: (reply.getHeader('x-read-position') ?? null) as string | null,
        columns: SUPPLY_RECORD_COLUMN_LIST,
      };
    },
  );
};
