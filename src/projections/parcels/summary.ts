/**
 * The supervision dashboard's figures for a jurisdiction: parcels by status, how many carry each
 * flag on a day, and the money outstanding — one aggregate query over the parcel read model
 * (a scan of the jurisdiction's rows; it answers in milliseconds for a city, longer for the
 * whole country).
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { likePrefix } from '../scope.js';
import type { ReadScope } from './queries.js';
import type { ParcelTables } from './tables.js';

export const parcelSummaryView = z.object({
  parcels: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  flags: z.object({
    paymentOverdue: z.number().int(),
    lateStart: z.number().int(),
    lateCompletion: z.number().int(),
    idleSuspected: z.number().int(),
    slaBreached: z.number().int(),
  }),
  areaHa: z.string().describe('Total granted area, hectares'),
  payableFen: z.number().int(),
  paidFen: z.number().int(),
  outstandingFen: z.number().int(),
  damagesFen: z.number().int(),
  on: z.iso.date(),
});
export type ParcelSummary = z.infer<typeof parcelSummaryView>;

export const parcelSummary = async (
  db: Kysely<ParcelTables>,
  scope: ReadScope,
  jurisdiction: string | undefined,
  on: string,
): Promise<ParcelSummary> => {
  const prefixes = [scope.divisionPrefix, jurisdiction].filter((p): p is string => p !== null && p !== undefined);
  const rows = await db
    .selectFrom('parcels as p')
    .where((eb) =>
      eb.and([
        ...prefixes.map((prefix) => eb('p.division_code', 'like', likePrefix(prefix))),
        ...(scope.landUserId === undefined ? [] : [eb('p.land_user_id', '=', scope.landUserId)]),
      ]),
    )
    .select((eb) => {
      const slaBreached = eb.exists(
        eb
          .selectFrom('deadlines as d')
          .select('d.seq')
          .whereRef('d.parcel_id', '=', 'p.parcel_id')
          .where('d.kind', '=', 'sla')
          .where('d.due_date', '<', on),
      );
      return [
        'p.status',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`count(*) FILTER (WHERE p.first_unpaid_due_date < ${on})::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE (p.actual_start IS NULL AND p.agreed_start < ${on}
            AND p.status IN ('GRANTED', 'DELIVERED', 'CERTIFIED')) OR p.actual_start > p.agreed_start)::int`.as(
          'late_start',
        ),
        sql<number>`count(*) FILTER (WHERE (p.actual_completion IS NULL AND p.agreed_completion < ${on}
            AND p.status IN ('GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED'))
            OR p.actual_completion > p.agreed_completion)::int`.as('late_completion'),
        sql<number>`count(*) FILTER (WHERE p.idle_case_id IS NOT NULL)::int`.as('idle'),
        sql<number>`count(*) FILTER (WHERE ${slaBreached})::int`.as('sla'),
        sql<string | null>`sum(p.area_ha)::text`.as('area'),
        sql<string>`sum(p.payable_fen)::text`.as('payable'),
        sql<string>`sum(p.paid_fen)::text`.as('paid'),
        sql<string>`sum(p.outstanding_fen)::text`.as('outstanding'),
        sql<string>`sum(p.damages_fen)::text`.as('damages'),
      ];
    })
    .groupBy('p.status')
    .orderBy('p.status')
    .execute();
  const total = (pick: (r: (typeof rows)[number]) => number | string | null) =>
    rows.reduce((sum, r) => sum + Number(pick(r) ?? 0), 0);
  // Hectares to 4 decimals, added exactly (ten-thousandths of a hectare as bigint).
  const area = rows.reduce((sum, r) => {
    const [whole = '0', fraction = ''] = (r.area ?? '0').split('.');
    return sum + BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4));
  }, 0n);
  return {
    parcels: total((r) => r.n),
    byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    flags: {
      paymentOverdue: total((r) => r.overdue),
      lateStart: total((r) => r.late_start),
      lateCompletion: total((r) => r.late_completion),
      idleSuspected: total((r) => r.idle),
      slaBreached: total((r) => r.sla),
    },
    areaHa: `${area / 10_000n}.${String(area % 10_000n).padStart(4, '0')}`,
    payableFen: total((r) => r.payable),
    paidFen: total((r) => r.paid),
    outstandingFen: total((r) => r.outstanding),
    damagesFen: total((r) => r.damages),
    on,
  };
};
