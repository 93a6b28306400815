/**
 * Calendar arithmetic on 'YYYY-MM-DD' (UTC-based, no time zone surprises) and the fixed
 * horizon: every scenario lies in the past and stops at HORIZON, so that the same seed sends
 * the same bodies whatever day it is run (Idempotency-Key replays compare the bodies).
 */
export type IsoDate = string;

/** The last date any scenario step may carry; the server must already be past it. */
export const HORIZON: IsoDate = '2026-11-20';

const toMs = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromMs(toMs(date) + days * 86_400_000);

export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const d = new Date(toMs(date));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return fromMs(d.getTime());
};

export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);

export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toMs(to) - toMs(from)) / 86_400_000);

export const maxDate = (...dates: IsoDate[]): IsoDate => dates.reduce((a, b) => (a > b ? a : b));

/** A local instant in Asia/Shanghai on that date. */
export const at = (date: IsoDate, time: string): string => `${date}T${time}+08:00`;

/** Today in Asia/Shanghai. */
export const shanghaiToday = (now = new Date()): IsoDate =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
