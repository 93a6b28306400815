/**
 * The zod field shapes every command schema is built from, so that a date, an amount or a
 * ratio means the same in every aggregate (src/domain/README.md "Units"). zod does no I/O:
 * these are pure descriptions, used by the API to validate and to write the OpenAPI document.
 */
import { z } from 'zod';
import { daysInMonth } from '../calendar/iso-date.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isCalendarDate = (text: string): boolean => {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

/** A calendar date 'YYYY-MM-DD': the date written on a document. */
export const isoDate = z
  .string()
  .regex(ISO_DATE, "must be a date 'YYYY-MM-DD'")
  .refine(isCalendarDate, 'must be a real calendar date')
  .meta({ format: 'date', example: '2026-03-02' });

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An instant with its offset, e.g. '2026-03-02T09:30:00+08:00'. */
export const instant = z
  .string()
  .regex(INSTANT, 'must be an ISO 8601 instant with an offset')
  .refine((text) => !Number.isNaN(Date.parse(text)) && isCalendarDate(text.slice(0, 10)), 'must be a real instant')
  .meta({ format: 'date-time', example: '2026-03-02T09:30:00+08:00' });

/** An amount of money in integer fen (1 yuan = 100 fen). */
export const fen = z.number().int('must be a whole number of fen').min(0).max(Number.MAX_SAFE_INTEGER);
export const positiveFen = fen.min(1, 'must be more than 0 fen');

/** An exact decimal fraction as a string ('0.35', '0.001'); also 'n/d'. Never a percentage. */
export const ratio = z
  .string()
  .regex(/^(?:\d+(?:\.\d+)?|\d+\/[1-9]\d*)$/, "must be a decimal fraction such as '0.35' (not a percentage)");

/** A rate applied per day, as a decimal fraction: 1 ‰ per day is '0.001'. */
export const ratePerDay = ratio.meta({ example: '0.001' });

/** Hectares with at most 4 decimals, as a string ('2.5000'). */
export const hectares = z.string().regex(/^\d+(?:\.\d{1,4})?$/, 'must be hectares with at most 4 decimals');

/** Non-blank text. */
export const text = z.string().trim().min(1, 'must not be blank').max(2000);

/** An identifier chosen by the caller (parcel, case, payment ids …): letters, digits, '-', '_', '.', ':'. */
export const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, "must be 1–128 letters, digits, '.', '_', ':' or '-'");

/** A jurisdiction code, 'CN', 'CN-JS' or 'CN-JS-3201' (province letters, then the division code). */
export const jurisdiction = z
  .string()
  .regex(/^CN(?:-[A-Z]{2}(?:-\d{2,12})?)?$/, "must look like 'CN-JS-3201'")
  .meta({ example: 'CN-JS-3201' });

export type IsoDateField = z.output<typeof isoDate>;
