/**
 * T38's premium (溢价率) in exact integer arithmetic: (price − starting price) / starting price,
 * compared with 50 % as 2·price > 3·starting price, on bigint so no amount can overflow.
 */

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/**
 * The premium as an exact string: a decimal when the fraction has one ('0.5', '0.5001', '-0.1',
 * '0'), else the reduced fraction 'n/d' ('1/3'), as src/domain/README.md writes ratios.
 */
export const premiumOf = (priceFen: number, startingPriceFen: number): string => {
  const start = BigInt(startingPriceFen);
  const diff = BigInt(priceFen) - start;
  const g = gcd(diff, start);
  const [num, den] = g === 0n ? [0n, 1n] : [diff / g, start / g];
  // A finite decimal exists iff the denominator has no prime factors but 2 and 5.
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  if (rest !== 1n) return `${num}/${den}`;
  const places = Math.max(twos, fives);
  const scaled = (num * 10n ** BigInt(places)) / den;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
};

/** T38: the premium is strictly more than 50 % (exactly 50 % is not abnormal). */
export const premiumOver50Percent = (priceFen: number, startingPriceFen: number): boolean =>
  2n * BigInt(priceFen) > 3n * BigInt(startingPriceFen);

/** The premium as a percentage rounded half away from zero to 2 decimals ('11.10%'), for display beside the exact value. */
export const premiumPercent = (priceFen: number, startingPriceFen: number): string => {
  const start = BigInt(startingPriceFen);
  if (start === 0n) return 'n/a';
  // Hundredths of a percent: diff / start × 10 000, rounded half away from zero.
  const scaled = (BigInt(priceFen) - start) * 10_000n;
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const hundredths = (2n * magnitude + start) / (2n * start);
  const text = hundredths.toString().padStart(3, '0');
  return `${negative && hundredths !== 0n ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}%`;
};
