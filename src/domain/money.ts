/**
 * Money as integer fen and rates as exact ratios (DOMAIN.md §6 "decimal arithmetic", §8.4 V2).
 * No multiplication ever goes through a binary float: products are bigint, and the single
 * rounding step is half-up to the fen (四舍五入; ties move away from zero for negatives).
 */
import { fail } from './errors.js';

/** Integer fen (1 yuan = 100 fen), always Number.isSafeInteger. */
export type Fen = number;

export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const YUAN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const FEN_PER_WAN_HUNDREDTH = 10_000n; // 0.01 万元 = 100 yuan = 10 000 fen

const toSafeFen = (value: bigint, what: string): Fen => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) return fail('MONEY_RANGE', `${what} is outside the safe integer range`, {});
  return n;
};

const requireFen = (fen: Fen, field = 'fen'): bigint => {
  if (!Number.isSafeInteger(fen)) return fail('MONEY_FORMAT', `Not an integer amount of fen: ${fen}`, { field });
  return BigInt(fen);
};

/** '1155000.00' → 115500000. At most 2 decimals: a third would be a sub-fen amount. */
export const fenFromYuan = (yuan: string): Fen => {
  const match = YUAN.exec(yuan);
  if (!match) {
    return fail('MONEY_FORMAT', `Not a yuan amount with at most 2 decimals: ${JSON.stringify(yuan)}`, {
      value: yuan,
    });
  }
  const [, sign = '', whole = '0', decimals = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  return toSafeFen(sign === '-' ? -fen : fen, 'Amount');
};

const twoDecimals = (hundredths: bigint): string => {
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
};

/** 115500000 → '1155000.00' */
export const yuanString = (fen: Fen): string => twoDecimals(requireFen(fen));

/** Integer division rounded half-up to the nearest integer (ties away from zero). */
export const divideHalfUp = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator === 0n) return fail('RATE_FORMAT', 'Division by zero', {});
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
};

/** 万元 with exactly 2 decimals, as the filing form wants (S3-A3 note 17), rounded half-up. */
export const wanYuanString = (fen: Fen): string => twoDecimals(divideHalfUp(requireFen(fen), FEN_PER_WAN_HUNDREDTH));

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const DECIMAL_RATE = /^(\d+)(?:\.(\d+))?$/;
const FRACTION_RATE = /^(\d+)\/(\d+)$/;

/** '0.001' → 1/1000, '0.20' → 1/5, '1/3' → 1/3 (reduced). Non-negative only. */
export const parseRatio = (text: string): Ratio => {
  const decimal = DECIMAL_RATE.exec(text);
  const fraction = FRACTION_RATE.exec(text);
  let num: bigint;
  let den: bigint;
  if (decimal) {
    const decimals = decimal[2] ?? '';
    num = BigInt(`${decimal[1] ?? '0'}${decimals}`);
    den = 10n ** BigInt(decimals.length);
  } else if (fraction) {
    num = BigInt(fraction[1] ?? '0');
    den = BigInt(fraction[2] ?? '0');
  } else {
    return fail('RATE_FORMAT', `Not a rate like '0.001' or '1/3': ${JSON.stringify(text)}`, { value: text });
  }
  if (den === 0n) return fail('RATE_FORMAT', `Rate with zero denominator: ${text}`, { value: text });
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
};

/** fen × rate × times, rounded once, half-up to the fen. */
export const applyRate = (fen: Fen, rate: Ratio | string, times = 1): Fen => {
  if (!Number.isSafeInteger(times)) return fail('RATE_FORMAT', `Multiplier must be an integer: ${times}`, {});
  const { num, den } = typeof rate === 'string' ? parseRatio(rate) : rate;
  return toSafeFen(divideHalfUp(requireFen(fen) * num * BigInt(times), den), 'Result');
};

/** Damages = overdue principal × daily rate × days late (§6, T07; GF-2008 ‰ per day). */
export const lateDamagesFen = (overdueFen: Fen, ratePerDay: string, daysLate: number): Fen => {
  if (!Number.isSafeInteger(daysLate) || daysLate < 0) {
    return fail('DAYS_LATE_INVALID', `Days late must be a non-negative integer: ${daysLate}`, {
      field: 'daysLate',
      rule: 'T07',
    });
  }
  return applyRate(overdueFen, ratePerDay, daysLate);
};

export { allocatePayment, daysLate } from './late-payment.js';
export type { PaymentAllocation, PaymentDue } from './late-payment.js';
