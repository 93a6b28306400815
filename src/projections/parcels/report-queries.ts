/**
 * The supply report's figures from the parcel read model (DOMAIN.md §13): the parcels granted in a
 * period (`granted_on` between its first and last day, both inclusive: the same rows as
 * GET /parcels?grantedFrom=&grantedTo=), within the caller's scope and the jurisdiction filter.
 * One statement groups them by every breakdown at once (GROUPING SETS), summing area as integer m²
 * (numeric(14,4) hectares × 10,000) and price as integer fen; a second, in the same snapshot, lists
 * the priced grants for the unit-price statistics (src/reports/exact.ts). The supply method comes
 * from the decision's approved plan (decisions read model); an allocation is always ALLOCATION.
 * Problems use GET /parcels' own definitions (`overdue`, `idle`, `late`, SLA breaches) on `on`.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DecisionTables } from '../decisions/tables.js';
import { likePrefix } from '../scope.js';
import {
  TRANSFER_UNSPECIFIED,
  groupCode,
  type GroupFigures,
  type GroupKeys,
  type PricedGrantRow,
  type SupplySection,
} from '../../reports/supply.js';
import { inScope, lateCompletion, lateStart, type ReadScope } from './queries.js';
import type { ParcelTables } from './tables.js';

type ReportDb = Kysely<ParcelTables & Pick<DecisionTables, 'decision_parcels'>>;

export interface SupplyReportFilter {
  /** First and last day of the period, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly jurisdiction?: string;
  /** The day problems are judged on. */
  readonly on: string;
}

export interface SupplyReportFigures {
  readonly groups: readonly GroupFigures[];
  readonly priced: readonly PricedGrantRow[];
}

/** The read models this report reads (for read-your-writes). */
export const SUPPLY_REPORT_READS = ['parcels', 'decisions'] as const;

const count = (condition: Expression<SqlBool>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;

export const supplyReportFigures = async (
  parcels: Kysely<ParcelTables>,
  scope: ReadScope,
  filter: SupplyReportFilter,
): Promise<SupplyReportFigures> => {
  // Both read models are views in the same base schema (src/projections/read-side.ts).
  const db = parcels as unknown as ReportDb;
  const { from, to, on } = filter;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const granted = trx
        .selectFrom('parcels')
        .leftJoin('decision_parcels as dp', (join) =>
          join.onRef('dp.decision_id', '=', 'parcels.decision_id').onRef('dp.parcel_id', '=', 'parcels.parcel_id'),
        )
        .where((eb) => {
          const peb = eb as unknown as ExpressionBuilder<ParcelTables, 'parcels'>;
          return eb.and([
            inScope(peb, scope),
            ...(filter.jurisdiction === undefined
              ? []
              : [eb('parcels.division_code', 'like', likePrefix(filter.jurisdiction))]),
            eb('parcels.granted_on', '>=', from),
            eb('parcels.granted_on', '<=', to),
          ]);
        })
        .select((eb) => {
          const peb = eb as unknown as ExpressionBuilder<ParcelTables, 'parcels'>;
          const slaBreached = eb.exists(
            eb
              .selectFrom('deadlines as d')
              .select('d.seq')
              .whereRef('d.parcel_id', '=', 'parcels.parcel_id')
              .where('d.kind', '=', 'sla')
              .where('d.due_date', '<', on),
          );
          return [
            'parcels.division_code',
            'parcels.land_use_code',
            'parcels.residential_subclass',
            'parcels.grant_kind',
            sql<string>`CASE WHEN parcels.grant_kind = 'ALLOCATION' THEN 'ALLOCATION'
              WHEN dp.supply_method IS NULL OR dp.supply_method = 'ALLOCATION' THEN ${TRANSFER_UNSPECIFIED}
              ELSE dp.supply_method END`.as('supply_method'),
            sql<string>`left(parcels.division_code, 4)`.as('city'),
            sql<string>`(coalesce(parcels.area_ha, 0) * 10000)::bigint`.as('area_m2'),
            sql<string>`coalesce(parcels.price_fen, 0)`.as('price_fen'),
            sql<boolean>`coalesce(parcels.delivered_on <= ${to}, false)`.as('delivered'),
            sql<boolean>`coalesce(parcels.actual_start <= ${to}, false)`.as('started'),
            sql<boolean>`coalesce(parcels.actual_completion <= ${to}, false)`.as('completed'),
            sql<boolean>`parcels.idle_case_id IS NOT NULL`.as('idle'),
            sql<boolean>`coalesce(parcels.first_unpaid_due_date < ${on}, false)`.as('overdue'),
            sql<boolean>`coalesce(${eb.or([lateStart(peb, on), lateCompletion(peb, on)])}, false)`.as('late'),
            sql<boolean>`jsonb_array_length(parcels.alerts) > 0`.as('alerted'),
            sql<boolean>`${slaBreached}`.as('sla'),
          ];
        });

      const grouped = await trx
        .with('g', () => granted)
        .selectFrom('g')
        .select((eb) => [
          'g.land_use_code',
          'g.residential_subclass',
          'g.grant_kind',
          'g.supply_method',
          'g.city',
          'g.division_code',
          sql<number>`grouping(g.land_use_code)`.as('g_use'),
          sql<number>`grouping(g.residential_subclass)`.as('g_sub'),
          sql<number>`grouping(g.grant_kind)`.as('g_kind'),
          sql<number>`grouping(g.supply_method)`.as('g_method'),
          sql<number>`grouping(g.city)`.as('g_city'),
          sql<number>`grouping(g.division_code)`.as('g_division'),
          sql<number>`count(*)::int`.as('parcels'),
          sql<string>`coalesce(sum(g.area_m2), 0)::text`.as('area_m2'),
          sql<string>`coalesce(sum(g.price_fen), 0)::text`.as('price_fen'),
          count(eb.ref('g.delivered')).as('delivered'),
          count(eb.ref('g.started')).as('started'),
          count(eb.ref('g.completed')).as('completed'),
          count(eb.ref('g.idle')).as('idle'),
          count(eb.ref('g.overdue')).as('overdue'),
          count(eb.ref('g.late')).as('late'),
          count(eb.ref('g.alerted')).as('alerted'),
          count(eb.ref('g.sla')).as('sla'),
        ])
        .groupBy(
          sql`GROUPING SETS ((), (g.land_use_code), (g.land_use_code, g.residential_subclass), (g.grant_kind),
            (g.supply_method), (g.city), (g.division_code))`,
        )
        .execute();

      const priced = await trx
        .with('g', () => granted)
        .selectFrom('g')
        .select([
          'g.land_use_code',
          'g.residential_subclass',
          'g.grant_kind',
          'g.supply_method',
          'g.division_code',
          'g.area_m2',
          'g.price_fen',
        ])
        .where(sql<SqlBool>`g.price_fen > 0 AND g.area_m2 > 0`)
        .execute();

      const keysOf = (r: {
        land_use_code: string | null;
        residential_subclass: number | null;
        grant_kind: string | null;
        supply_method: string | null;
        division_code: string | null;
      }): GroupKeys => ({
        landUseCode: r.land_use_code,
        residentialSubclass: r.residential_subclass,
        grantKind: r.grant_kind,
        supplyMethod: r.supply_method ?? '',
        divisionCode: r.division_code ?? '',
      });
      const sectionOf = (r: (typeof grouped)[number]): SupplySection => {
        if (Number(r.g_use) === 0) return Number(r.g_sub) === 0 ? 'residentialSubclass' : 'landUse';
        if (Number(r.g_kind) === 0) return 'grantKind';
        if (Number(r.g_method) === 0) return 'supplyMethod';
        if (Number(r.g_city) === 0) return 'city';
        if (Number(r.g_division) === 0) return 'division';
        return 'total';
      };
      return {
        groups: grouped.map((r): GroupFigures => {
          const section = sectionOf(r);
          return {
            section,
            // A city row has no division_code (not grouped by it): its code is the city prefix.
            code: groupCode(section, { ...keysOf(r), divisionCode: r.division_code ?? r.city ?? '' }),
            parcels: r.parcels,
            areaM2: BigInt(r.area_m2),
            priceFen: BigInt(r.price_fen),
            delivered: r.delivered,
            started: r.started,
            completed: r.completed,
            idle: r.idle,
            paymentOverdue: r.overdue,
            late: r.late,
            withAlerts: r.alerted,
            slaBreached: r.sla,
          };
        }),
        priced: priced.map((r) => ({ keys: keysOf(r), areaM2: BigInt(r.area_m2), priceFen: BigInt(r.price_fen) })),
      };
    });
};
