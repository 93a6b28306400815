/**
 * Exact, non-throwing decimal helpers for validation: a validator reports a malformed number
 * as a failure instead of stopping, so these return null where money.ts / area.ts would throw.
 */
import { DateTime } from 'luxon';

export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** '12.3456' with dp = 4 → 123456n; wrong number of decimals or not a number → null. */
export const fixedUnits = (text: string | null, dp: number): bigint | null => {
  if (text === null) return null;
  const match = new RegExp(`^(-?)(\\d+)\\.(\\d{${dp}})$`).exec(text);
  if (match === null) return null;
  const units = BigInt(`${match[2] ?? ''}${match[3] ?? ''}`);
  return match[1] === '-' ? -units : units;
};

export const formatFixed = (units: bigint, dp: number): string => {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(dp + 1, '0');
  const text = `${digits.slice(0, digits.length - dp)}.${digits.slice(digits.length - dp)}`;
  return negative ? `-${text}` : text;
};

/** Any non-negative decimal ('7.1234', '1', '0.5') as an exact fraction, else null. */
export const decimalFraction = (text: string | null): Fraction | null => {
  if (text === null) return null;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return null;
  const decimals = match[2] ?? '';
  return { num: BigInt(`${match[1] ?? ''}${decimals}`), den: 10n ** BigInt(decimals.length) };
};

export const compareFractions = (a: Fraction, b: Fraction): number => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
};

/** num / den rounded half-up to an integer (non-negative operands). */
export const divideHalfUp = (num: bigint, den: bigint): bigint => (2n * num + den) / (2n * den);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written 'YYYY-MM-DD' (the form's 「年-月-日」, V4). */
export const isIsoDate = (text: string | null): text is string =>
  text !== null && ISO_DATE.test(text) && DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: 'utc' }).isValid;
