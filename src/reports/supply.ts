/**
 * The land-market dynamic monitoring analysis (DOMAIN.md §13, S1 §三) over the parcels granted in a
 * period: totals, the structure by use, supply method and place, unit prices, pace, and problems
 * (idle, overdue, late, alerts). The read model groups the figures (one row per group, sums exact);
 * this file names the groups, adds the unit-price statistics, and lays everything out as the report
 * and as one flat table whose columns carry an English key and a Chinese header (CSV, XLSX).
 */
import {
  LAND_USE_CLASSES,
  RESIDENTIAL_LAND_USE,
  RESIDENTIAL_SUBCLASSES,
  SUPPLY_METHODS,
} from '../domain/filing/enumerations.js';
import { fenToWanYuan, m2ToHectares, priceStats, safeNumber, type PriceStats, type PricedGrant } from './exact.js';
import type { ReportPeriod } from './period.js';

/** Each breakdown of the report, in the order the table lists them; `total` is the whole period. */
export const SUPPLY_SECTIONS = [
  { key: 'total', zh: '合计' },
  { key: 'landUse', zh: '用途' },
  { key: 'residentialSubclass', zh: '住宅细类' },
  { key: 'grantKind', zh: '供应类型' },
  { key: 'supplyMethod', zh: '供应方式' },
  { key: 'city', zh: '市' },
  { key: 'division', zh: '行政区' },
] as const;
export type SupplySection = (typeof SUPPLY_SECTIONS)[number]['key'];

/** A transfer whose decision's plan does not say how (招拍挂 or 协议). */
export const TRANSFER_UNSPECIFIED = 'TRANSFER_UNSPECIFIED';

/** The group a parcel falls in, per section (what the read model groups by). */
export interface GroupKeys {
  readonly landUseCode: string | null;
  readonly residentialSubclass: number | null;
  readonly grantKind: string | null;
  readonly supplyMethod: string;
  readonly divisionCode: string;
}

/** The code of a parcel's group in a section ('' for the total). */
export const groupCode = (section: SupplySection, k: GroupKeys): string => {
  switch (section) {
    case 'total':
      return '';
    case 'landUse':
      return k.landUseCode ?? '';
    case 'residentialSubclass':
      return `${k.landUseCode ?? ''}-${k.residentialSubclass ?? ''}`;
    case 'grantKind':
      return k.grantKind ?? '';
    case 'supplyMethod':
      return k.supplyMethod;
    case 'city':
      return k.divisionCode.slice(0, 4);
    case 'division':
      return k.divisionCode;
    default: {
      const never: never = section;
      return never;
    }
  }
};

const GRANT_KIND_NAMES: Readonly<Record<string, string>> = { TRANSFER: '出让', ALLOCATION: '划拨' };

/** The Chinese name of a group (a place's code is its own name: the read model holds no place names). */
export const groupName = (section: SupplySection, code: string): string => {
  switch (section) {
    case 'total':
      return '合计';
    case 'landUse':
      return LAND_USE_CLASSES.find((c) => c.code === code)?.zh ?? code;
    case 'residentialSubclass': {
      const sub = RESIDENTIAL_SUBCLASSES.find((s) => `${RESIDENTIAL_LAND_USE}-${s.code}` === code);
      return sub?.zh ?? '住宅用地（细类未载明）';
    }
    case 'grantKind':
      return GRANT_KIND_NAMES[code] ?? code;
    case 'supplyMethod':
      return code === TRANSFER_UNSPECIFIED
        ? '出让（方式未载明）'
        : (SUPPLY_METHODS.find((m) => m.code === code)?.zh ?? code);
    case 'city':
    case 'division':
      return code;
    default: {
      const never: never = section;
      return never;
    }
  }
};

/** What the read model counts and sums for one group; area and price exact. */
export interface GroupFigures {
  readonly section: SupplySection;
  readonly code: string;
  readonly parcels: number;
  readonly areaM2: bigint;
  readonly priceFen: bigint;
  /** Pace: delivered, started, completed on or before the period's last day. */
  readonly delivered: number;
  readonly started: number;
  readonly completed: number;
  /** Problems, judged on the report's `on` day with GET /parcels' definitions. */
  readonly idle: number;
  readonly paymentOverdue: number;
  readonly late: number;
  readonly withAlerts: number;
  readonly slaBreached: number;
}

/** A priced grant with its group keys, for the unit-price statistics of each group. */
export interface PricedGrantRow extends PricedGrant {
  readonly keys: GroupKeys;
}

export interface SupplyFigures {
  readonly section: SupplySection;
  readonly code: string;
  readonly name: string;
  readonly parcels: number;
  /** Hectares, exactly 4 decimals. */
  readonly areaHa: string;
  readonly priceFen: number;
  /** The same price in 万元, exactly (6 decimals). */
  readonly priceWanYuan: string;
  readonly unitPrice: PriceStats;
  readonly pace: { readonly delivered: number; readonly started: number; readonly completed: number };
  readonly problems: {
    readonly idle: number;
    readonly paymentOverdue: number;
    readonly late: number;
    readonly withAlerts: number;
    readonly slaBreached: number;
  };
}

/** One column of the flat table: English key (JSON), Chinese header (CSV, XLSX), how to write its cells. */
export interface ReportColumn {
  readonly key: string;
  readonly header: string;
  /** text: a string; integer: a number; decimal: an exact decimal string with `decimals` places. */
  readonly kind: 'text' | 'integer' | 'decimal';
  readonly decimals?: number;
}

export type TableCell = string | number | null;
export type TableRow = Record<string, TableCell>;

const text = (key: string, header: string): ReportColumn => ({ key, header, kind: 'text' });
const integer = (key: string, header: string): ReportColumn => ({ key, header, kind: 'integer' });
const decimal = (key: string, header: string, decimals: number): ReportColumn => ({
  key,
  header,
  kind: 'decimal',
  decimals,
});

export const SUPPLY_COLUMNS: readonly ReportColumn[] = [
  text('section', '分类'),
  text('code', '代码'),
  text('name', '名称'),
  integer('parcels', '宗数'),
  decimal('areaHa', '面积(公顷)', 4),
  decimal('priceWanYuan', '成交价款(万元)', 6),
  integer('priceFen', '成交价款(分)'),
  integer('pricedGrants', '计价宗数'),
  decimal('minFenPerM2', '最低单价(分/平方米)', 2),
  decimal('maxFenPerM2', '最高单价(分/平方米)', 2),
  decimal('meanFenPerM2', '平均单价(分/平方米)', 2),
  decimal('medianFenPerM2', '中位单价(分/平方米)', 2),
  decimal('weightedMeanFenPerM2', '加权平均单价(分/平方米)', 2),
  integer('delivered', '已交地宗数'),
  integer('started', '已开工宗数'),
  integer('completed', '已竣工宗数'),
  integer('idle', '疑似闲置宗数'),
  integer('paymentOverdue', '欠缴价款宗数'),
  integer('late', '逾期开竣工宗数'),
  integer('withAlerts', '有预警宗数'),
  integer('slaBreached', '超时限宗数'),
];

const sectionName = (section: SupplySection): string => SUPPLY_SECTIONS.find((s) => s.key === section)?.zh ?? section;

export const tableRowOf = (f: SupplyFigures): TableRow => ({
  section: sectionName(f.section),
  code: f.code,
  name: f.name,
  parcels: f.parcels,
  areaHa: f.areaHa,
  priceWanYuan: f.priceWanYuan,
  priceFen: f.priceFen,
  pricedGrants: f.unitPrice.grants,
  minFenPerM2: f.unitPrice.minFenPerM2,
  maxFenPerM2: f.unitPrice.maxFenPerM2,
  meanFenPerM2: f.unitPrice.meanFenPerM2,
  medianFenPerM2: f.unitPrice.medianFenPerM2,
  weightedMeanFenPerM2: f.unitPrice.weightedMeanFenPerM2,
  delivered: f.pace.delivered,
  started: f.pace.started,
  completed: f.pace.completed,
  idle: f.problems.idle,
  paymentOverdue: f.problems.paymentOverdue,
  late: f.problems.late,
  withAlerts: f.problems.withAlerts,
  slaBreached: f.problems.slaBreached,
});

export interface SupplyReportInput {
  readonly period: ReportPeriod;
  /** The `jurisdiction` filter asked for (a division prefix), null when none. */
  readonly jurisdiction: string | null;
  /** The day problems are judged on. */
  readonly on: string;
  readonly groups: readonly GroupFigures[];
  readonly priced: readonly PricedGrantRow[];
}

export interface SupplyReport {
  readonly report: 'LAND_MARKET_SUPPLY';
  readonly period: ReportPeriod;
  readonly jurisdiction: string | null;
  readonly on: string;
  /** Pace (delivered, started, completed) counts what happened on or before this day: the period's end. */
  readonly paceAsOf: string;
  readonly totals: SupplyFigures;
  readonly byLandUse: SupplyFigures[];
  readonly byResidentialSubclass: SupplyFigures[];
  readonly byGrantKind: SupplyFigures[];
  readonly bySupplyMethod: SupplyFigures[];
  readonly byCity: SupplyFigures[];
  readonly byDivision: SupplyFigures[];
  readonly columns: ReportColumn[];
  /** Every figure above as one flat table (the CSV and XLSX export): totals first, then each breakdown. */
  readonly rows: TableRow[];
}

const EMPTY_TOTAL: GroupFigures = {
  section: 'total',
  code: '',
  parcels: 0,
  areaM2: 0n,
  priceFen: 0n,
  delivered: 0,
  started: 0,
  completed: 0,
  idle: 0,
  paymentOverdue: 0,
  late: 0,
  withAlerts: 0,
  slaBreached: 0,
};

export const buildSupplyReport = (input: SupplyReportInput): SupplyReport => {
  const pricedBy = new Map<string, PricedGrantRow[]>();
  for (const row of input.priced) {
    for (const { key: section } of SUPPLY_SECTIONS) {
      const id = `${section}\u0000${groupCode(section, row.keys)}`;
      const list = pricedBy.get(id) ?? [];
      list.push(row);
      pricedBy.set(id, list);
    }
  }
  const figures = (g: GroupFigures): SupplyFigures => ({
    section: g.section,
    code: g.code,
    name: groupName(g.section, g.code),
    parcels: g.parcels,
    areaHa: m2ToHectares(g.areaM2),
    priceFen: safeNumber(g.priceFen),
    priceWanYuan: fenToWanYuan(g.priceFen),
    unitPrice: priceStats(pricedBy.get(`${g.section}\u0000${g.code}`) ?? []),
    pace: { delivered: g.delivered, started: g.started, completed: g.completed },
    problems: {
      idle: g.idle,
      paymentOverdue: g.paymentOverdue,
      late: g.late,
      withAlerts: g.withAlerts,
      slaBreached: g.slaBreached,
    },
  });
  const of = (section: SupplySection): SupplyFigures[] =>
    input.groups
      .filter((g) => g.section === section)
      .filter((g) => section !== 'residentialSubclass' || g.code.startsWith(`${RESIDENTIAL_LAND_USE}-`))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map(figures);
  const totals = figures(input.groups.find((g) => g.section === 'total') ?? EMPTY_TOTAL);
  const sections = {
    byLandUse: of('landUse'),
    byResidentialSubclass: of('residentialSubclass'),
    byGrantKind: of('grantKind'),
    bySupplyMethod: of('supplyMethod'),
    byCity: of('city'),
    byDivision: of('division'),
  };
  return {
    report: 'LAND_MARKET_SUPPLY',
    period: input.period,
    jurisdiction: input.jurisdiction,
    on: input.on,
    paceAsOf: input.period.to,
    totals,
    ...sections,
    columns: [...SUPPLY_COLUMNS],
    rows: [totals, ...Object.values(sections).flat()].map(tableRowOf),
  };
};

/** A table cell as CSV text: numbers in full, null as empty. */
export const csvCell = (cell: TableCell): string => (cell === null ? '' : String(cell));
