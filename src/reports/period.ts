/**
 * Report periods (DOMAIN.md §13): a year `2025`, a half `2025H1`, a quarter `2025Q3` or a month
 * `2025M07`, as the inclusive range of days it covers, and the day the S1 monitoring report for it
 * is due ("于次季度10日前报部": the 10th of the month after a quarter's end, read as "on or before",
 * §14 Q3). A month is not an S1 reporting period, so it has no due day.
 */

export type PeriodKind = 'YEAR' | 'HALF' | 'QUARTER' | 'MONTH';

export interface ReportPeriod {
  /** The period as written: '2025Q3'. */
  readonly label: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** First day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  readonly to: string;
  /** S1 §三: the monitoring report for a period ending on a quarter's end is due by the 10th of the next month. */
  readonly reportDueOn: string | null;
}

export const PERIOD_PATTERN = /^(\d{4})(?:(H)([12])|(Q)([1-4])|(M)(0[1-9]|1[0-2]))?$/;
export const PERIOD_RULE = 'YYYY, YYYYH1–H2, YYYYQ1–Q4 or YYYYM01–M12';
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export class InvalidPeriodError extends Error {
  override readonly name = 'InvalidPeriodError';
  readonly code = 'PERIOD_INVALID';
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The report period a label names, or InvalidPeriodError saying what a period looks like. */
export const parsePeriod = (label: string): ReportPeriod => {
  const m = PERIOD_PATTERN.exec(label);
  if (m === null) {
    throw new InvalidPeriodError(`${JSON.stringify(label)} is not a report period: ${PERIOD_RULE}, e.g. 2025Q3`);
  }
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidPeriodError(`${JSON.stringify(label)}: the year must be ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const [kind, firstMonth, lastMonth]: [PeriodKind, number, number] =
    m[2] !== undefined
      ? ['HALF', Number(m[3]) * 6 - 5, Number(m[3]) * 6]
      : m[4] !== undefined
        ? ['QUARTER', Number(m[5]) * 3 - 2, Number(m[5]) * 3]
        : m[6] !== undefined
          ? ['MONTH', Number(m[7]), Number(m[7])]
          : ['YEAR', 1, 12];
  const dueMonth = lastMonth === 12 ? `${year + 1}-01` : `${year}-${pad(lastMonth + 1)}`;
  return {
    label,
    kind,
    year,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}`,
    reportDueOn: kind === 'MONTH' ? null : `${dueMonth}-10`,
  };
};
