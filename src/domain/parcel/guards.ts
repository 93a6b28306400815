/**
 * Small guard helpers shared by the parcel decide functions. Each throws a DomainError with a
 * stable code, the offending field and, where one applies, the DOMAIN.md rule.
 */
import { addCalendarDays, calendarDaysBetween } from '../calendar/index.js';
import type { CalendarSource, IsoDate } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { fail } from './errors.js';
import type { ParcelErrorCode } from './errors.js';
import { parseRatio } from '../money.js';
import type { Fen } from '../money.js';
import type { Policy } from '../policy/index.js';
import { isGranted } from './state.js';
import type { GrantedState, GrantedStatus, ParcelState } from './state.js';

/** What every decide function gets besides command and state. */
export interface DecideContext {
  /** The date of `context.now` in Asia/Shanghai. */
  readonly today: IsoDate;
  /**
   * The policy in force for a jurisdiction code ('CN-JS-3201' → Jiangsu), counting on the
   * calendar this parcel follows (calendar/parcel-policy.ts).
   */
  readonly policyFor: (jurisdiction: string) => Policy;
  /** Every calendar version, and the newest per jurisdiction (for ReconcileCalendar). */
  readonly calendars: CalendarSource;
}

export const invalidState = (state: ParcelState, command: string): never =>
  fail('INVALID_STATE', `${command} is not allowed while the parcel is ${state.status}`, {
    status: state.status,
    command,
    rule: '§3.1',
  });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const requireDate = (value: unknown, field: string): IsoDate => {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    try {
      if (addCalendarDays(value, 0).date === value) return value;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return fail('DATE_INVALID', `${field} must be an ISO date 'YYYY-MM-DD'`, { field, value });
};

export const optionalDate = (value: unknown, field: string): IsoDate | null =>
  value === undefined || value === null ? null : requireDate(value, field);

/** A fact date: valid and not after today. */
export const pastDate = (value: unknown, field: string, today: IsoDate): IsoDate => {
  const date = requireDate(value, field);
  if (date > today) fail('DATE_IN_FUTURE', `${field} ${date} is after today ${today}`, { field, date, today });
  return date;
};

/** `date` must not be before `min` (e.g. a delivery before the grant). */
export const notBefore = (date: IsoDate, min: IsoDate, field: string, what: string, rule?: string): IsoDate => {
  if (date < min) {
    fail('DATE_TOO_EARLY', `${field} ${date} is before ${what} ${min}`, {
      field,
      date,
      min,
      ...(rule ? { rule } : {}),
    });
  }
  return date;
};

export const requireText = (
  value: unknown,
  field: string,
  code: ParcelErrorCode = 'FIELD_REQUIRED',
  rule?: string,
): string => {
  if (typeof value === 'string' && value.trim() !== '') return value;
  return fail(code, `${field} is required`, { field, ...(rule ? { rule } : {}) });
};

export const optionalText = (value: unknown, field: string): string | null =>
  value === undefined || value === null ? null : requireText(value, field);

export const requireFen = (value: unknown, field: string, options: { readonly positive?: boolean } = {}): Fen => {
  const ok = typeof value === 'number' && Number.isSafeInteger(value) && (options.positive ? value > 0 : value >= 0);
  if (ok) return value;
  return fail('AMOUNT_INVALID', `${field} must be a ${options.positive ? 'positive' : 'non-negative'} integer of fen`, {
    field,
    value,
  });
};

export const requireRate = (value: unknown, field: string): string => {
  if (typeof value === 'string') {
    try {
      parseRatio(value);
      return value;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return fail('RATE_INVALID', `${field} must be an exact decimal rate like '0.001'`, { field, value });
};

/** Compares two exact rates ('0.5', '1/3'): negative, zero or positive like a comparator. */
export const compareRates = (a: string, b: string): number => {
  const x = parseRatio(a);
  const y = parseRatio(b);
  const diff = x.num * y.den - y.num * x.den;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
};

/** fen / total < rate, exactly. */
export const shareBelow = (partFen: number, totalFen: number, rate: string): boolean => {
  const r = parseRatio(rate);
  return BigInt(partFen) * r.den < BigInt(totalFen) * r.num;
};

export const days = (from: IsoDate, to: IsoDate): number => calendarDaysBetween(from, to);

export const oneOf = <T extends string | number>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  code: ParcelErrorCode,
  rule?: string,
): T => {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  return fail(code, `${field} must be one of ${allowed.join(', ')}`, { field, value, ...(rule ? { rule } : {}) });
};

/** The state narrowed to one of `allowed`, else INVALID_STATE. */
export const requireStatus = <S extends GrantedStatus>(
  state: ParcelState,
  command: string,
  allowed: readonly S[],
): Extract<GrantedState, { status: S }> => {
  if (isGranted(state) && (allowed as readonly string[]).includes(state.status)) {
    return state as Extract<GrantedState, { status: S }>;
  }
  return invalidState(state, command);
};

export const LIVE = ['GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED'] as const;
export const NOT_STARTED = ['GRANTED', 'DELIVERED', 'CERTIFIED'] as const;
