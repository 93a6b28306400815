/**
 * Exact arithmetic for reports: hectares as integer square metres (1 ha = 10,000 m², so a 4-decimal
 * hectare figure is a whole number of m²), money as integer fen, unit prices as fractions of bigints.
 * Nothing here goes through a float.
 */

const HECTARES = /^(\d+)(?:\.(\d{1,4}))?$/;

/** '12.3456' (up to 4 decimals) → 123456n square metres. */
export const hectaresToM2 = (text: string): bigint => {
  const m = HECTARES.exec(text);
  if (m === null) throw new RangeError(`not a hectare figure with at most 4 decimals: ${JSON.stringify(text)}`);
  return BigInt(m[1] as string) * 10_000n + BigInt((m[2] ?? '').padEnd(4, '0'));
};

/** 123456n m² → '12.3456' (hectares, exactly 4 decimals). */
export const m2ToHectares = (m2: bigint): string => {
  if (m2 < 0n) throw new RangeError(`negative area: ${m2}`);
  return `${m2 / 10_000n}.${String(m2 % 10_000n).padStart(4, '0')}`;
};

/** Integer fen → 万元 (1 万元 = 1,000,000 fen), exactly: 6 decimals. */
export const fenToWanYuan = (fen: bigint): string => {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
};

/** A bigint that must fit a JSON number exactly (fen sums stay far below 2^53 in practice). */
export const safeNumber = (n: bigint): number => {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${n} is beyond the exact range of a JSON number`);
  }
  return Number(n);
};

/** num / den with den > 0. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export const compareFractions = (a: Fraction, b: Fraction): number => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** A non-negative fraction rounded half up to `decimals` places, as a decimal string. */
export const roundHalfUp = (f: Fraction, decimals: number): string => {
  if (f.den <= 0n || f.num < 0n) throw new RangeError('roundHalfUp takes a non-negative fraction with den > 0');
  const scale = 10n ** BigInt(decimals);
  const scaled = (f.num * scale * 2n + f.den) / (f.den * 2n);
  if (decimals === 0) return String(scaled);
  return `${scaled / scale}.${String(scaled % scale).padStart(decimals, '0')}`;
};

/** One priced grant: its price in fen over its area in m² (both > 0). */
export interface PricedGrant {
  readonly priceFen: bigint;
  readonly areaM2: bigint;
}

/** Unit prices in fen per m², rounded half up to 2 decimals (a hundredth of a fen). */
export interface PriceStats {
  /** How many grants the figures are over (price > 0 and area > 0). */
  readonly grants: number;
  readonly minFenPerM2: string | null;
  readonly maxFenPerM2: string | null;
  /** The mean of the grants' unit prices (each grant counts once). */
  readonly meanFenPerM2: string | null;
  /** The middle unit price; with an even count, the mean of the two middle ones. */
  readonly medianFenPerM2: string | null;
  /** Total price over total area: the area-weighted mean. */
  readonly weightedMeanFenPerM2: string | null;
}

export const PRICE_DECIMALS = 2;
/**
 * Guard digits of the mean: each unit price is cut to 10^-20 fen/m² before they are added, so the
 * rounded mean is off only if the exact mean lies within 10^-20 below a rounding boundary.
 * (An exact sum of n fractions needs the lcm of n areas as denominator: unbounded for a country.)
 */
const MEAN_GUARD = 10n ** 20n;

export const priceStats = (grants: readonly PricedGrant[]): PriceStats => {
  const priced = grants.filter((g) => g.priceFen > 0n && g.areaM2 > 0n);
  if (priced.length === 0) {
    return {
      grants: 0,
      minFenPerM2: null,
      maxFenPerM2: null,
      meanFenPerM2: null,
      medianFenPerM2: null,
      weightedMeanFenPerM2: null,
    };
  }
  const units = priced.map((g) => ({ num: g.priceFen, den: g.areaM2 })).sort(compareFractions);
  const n = units.length;
  const mid = Math.floor(n / 2);
  const upper = units[mid] as Fraction;
  const lower = units[n % 2 === 1 ? mid : mid - 1] as Fraction;
  const median: Fraction = { num: lower.num * upper.den + upper.num * lower.den, den: 2n * lower.den * upper.den };
  const scaledSum = units.reduce((sum, u) => sum + (u.num * MEAN_GUARD) / u.den, 0n);
  const round = (f: Fraction) => roundHalfUp(f, PRICE_DECIMALS);
  return {
    grants: n,
    minFenPerM2: round(units[0] as Fraction),
    maxFenPerM2: round(units[n - 1] as Fraction),
    meanFenPerM2: round({ num: scaledSum, den: MEAN_GUARD * BigInt(n) }),
    medianFenPerM2: round(median),
    weightedMeanFenPerM2: round({
      num: priced.reduce((s, g) => s + g.priceFen, 0n),
      den: priced.reduce((s, g) => s + g.areaM2, 0n),
    }),
  };
};
