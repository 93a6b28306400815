/**
 * The periodic obligations of DOMAIN.md §13 as data: which periods each report type is owed for,
 * which jurisdictions owe it, when it falls due, and from which day it may be opened. Pure.
 *
 * - S1 land-market dynamic monitoring analysis (S1 §三, T37): Q1, H1, Q1–3 and the full year, each
 *   due by the 10th day of the following quarter; owed by each province and the key cities. The
 *   Q1–3 report is labelled by the quarter it closes (`2026Q3`), as the report page labels it.
 * - S3 construction-land filing analysis (S3 §四, T37): every quarter, due before the 15th of the
 *   first month of the next quarter; the annual one before 15 January; owed by each province.
 *   "前" is read as "on or before" (§14 Q3).
 * - T33 Jiangsu annual supply plan (S4 §一) and T34 base land price update (S4 §六): published by
 *   31 March of the year; owed by each Jiangsu city and county. Owed once the year has started.
 */
import { parsePeriod, type ReportPeriod } from '../../reports/period.js';
import { divisionCodeOf } from '../jurisdiction.js';

export const REPORT_TYPES = ['S1', 'S3', 'T33', 'T34'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export interface ReportRule {
  readonly type: ReportType;
  /** DOMAIN.md §4 rule id. */
  readonly rule: 'T37' | 'T33' | 'T34';
  readonly source: string;
  readonly title: string;
  /** The period suffixes owed ('' is the year): S1 Q1, H1, Q3 (= Q1–3), year. */
  readonly periods: readonly string[];
  /** Which levels owe it. */
  readonly levels: readonly JurisdictionLevel[];
  /** Only this province's jurisdictions owe it (T33, T34: Jiangsu, S4). */
  readonly province?: string;
}

export type JurisdictionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export const REPORT_RULES: Readonly<Record<ReportType, ReportRule>> = {
  S1: {
    type: 'S1',
    rule: 'T37',
    source: 'S1 §三',
    title: 'land-market dynamic monitoring analysis',
    periods: ['Q1', 'H1', 'Q3', ''],
    levels: ['PROVINCE', 'CITY'],
  },
  S3: {
    type: 'S3',
    rule: 'T37',
    source: 'S3 §四',
    title: 'construction-land filing analysis',
    periods: ['Q1', 'Q2', 'Q3', 'Q4', ''],
    levels: ['PROVINCE'],
  },
  T33: {
    type: 'T33',
    rule: 'T33',
    source: 'S4 §一',
    title: 'annual supply plan publication',
    periods: [''],
    levels: ['CITY', 'COUNTY'],
    province: 'JS',
  },
  T34: {
    type: 'T34',
    rule: 'T34',
    source: 'S4 §六',
    title: 'base land price update',
    periods: [''],
    levels: ['CITY', 'COUNTY'],
    province: 'JS',
  },
};

export const isReportType = (value: string): value is ReportType => (REPORT_TYPES as readonly string[]).includes(value);

/** 'CN-JS' → PROVINCE, 'CN-JS-3201' → CITY, 'CN-JS-320115' → COUNTY; null for 'CN' or unreadable. */
export const levelOf = (jurisdiction: string): JurisdictionLevel | null => {
  const code = divisionCodeOf(jurisdiction);
  if (code === null || code === '') return null;
  if (code.length === 2) return 'PROVINCE';
  if (code.length === 4) return 'CITY';
  if (code.length === 6) return 'COUNTY';
  return null;
};

/** The province letters of a jurisdiction ('CN-JS-3201' → 'JS'). */
const provinceOf = (jurisdiction: string): string | null => /^CN-([A-Z]{2})/.exec(jurisdiction)?.[1] ?? null;

/** Why the jurisdiction does not owe the report, or null when it does. */
export const notOwedBecause = (type: ReportType, jurisdiction: string): string | null => {
  const rule = REPORT_RULES[type];
  const level = levelOf(jurisdiction);
  if (level === null || !rule.levels.includes(level)) {
    return `${type} (${rule.title}) is owed by ${rule.levels.join(' or ').toLowerCase()} jurisdictions, not ${jurisdiction}`;
  }
  if (rule.province !== undefined && provinceOf(jurisdiction) !== rule.province) {
    return `${type} (${rule.title}) is owed in CN-${rule.province} only, not by ${jurisdiction}`;
  }
  return null;
};

const suffixOf = (period: ReportPeriod): string => period.label.slice(4);

/** Why the period is not one the report is owed for, or null when it is. */
export const periodNotOwedBecause = (type: ReportType, period: ReportPeriod): string | null => {
  const rule = REPORT_RULES[type];
  return rule.periods.includes(suffixOf(period))
    ? null
    : `${type} is owed for ${rule.periods.map((p) => `YYYY${p}`).join(', ')}, not ${period.label}`;
};

const pad = (n: number): string => String(n).padStart(2, '0');
const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The last day to submit the report for `period`. */
export const dueDateOf = (type: ReportType, period: ReportPeriod): string => {
  switch (type) {
    case 'S1':
      return period.reportDueOn as string;
    case 'S3': {
      const lastMonth = Number(period.to.slice(5, 7));
      return lastMonth === 12 ? `${period.year + 1}-01-15` : `${period.year}-${pad(lastMonth + 1)}-15`;
    }
    case 'T33':
    case 'T34':
      return `${period.year}-03-31`;
  }
};

/** The first day the obligation is owed and may be opened: the day after the period (T33/T34: 1 January). */
export const opensOn = (type: ReportType, period: ReportPeriod): string =>
  type === 'T33' || type === 'T34' ? period.from : nextDay(period.to);

/** The obligation id, also the stream id: `<type>-<jurisdiction>-<period>` ('S1-CN-JS-2026Q3'). */
export const obligationIdOf = (type: ReportType, jurisdiction: string, period: string): string =>
  `${type}-${jurisdiction}-${period}`;

/** The parts of an obligation id, or null when it does not name one. */
export const parseObligationId = (
  obligationId: string,
): { readonly type: ReportType; readonly jurisdiction: string; readonly period: string } | null => {
  const m = /^(S1|S3|T33|T34)-(CN(?:-[A-Z]{2}(?:-\d{2,12})?)?)-(\d{4}(?:H[12]|Q[1-4])?)$/.exec(obligationId);
  return m === null ? null : { type: m[1] as ReportType, jurisdiction: m[2] as string, period: m[3] as string };
};

/** Every period label of `year` the report is owed for. */
export const periodsOfYear = (type: ReportType, year: number): string[] =>
  REPORT_RULES[type].periods.map((suffix) => `${year}${suffix}`);

export { parsePeriod };
