/**
 * Areas in hectares with exactly 4 decimals (DOMAIN.md §8.4 V1, V2), held as integer
 * ten-thousandths of a hectare (1 unit = 1 m²) so sums and comparisons are exact.
 */
import { fail } from './errors.js';

/** Integer ten-thousandths of a hectare (= square metres). */
export type AreaUnits = number;

const HECTARES = /^(\d+)\.(\d{4})$/;

/** '12.3456' → 123456. Exactly 4 decimals and non-negative, else AREA_FORMAT (V2). */
export const parseHectares = (text: string, field = 'area'): AreaUnits => {
  const match = HECTARES.exec(text);
  const units = match ? Number(`${match[1] ?? ''}${match[2] ?? ''}`) : Number.NaN;
  if (!Number.isSafeInteger(units)) {
    return fail('AREA_FORMAT', `${field} must be hectares with exactly 4 decimals, e.g. '12.3456'`, {
      field,
      rule: 'V2',
      value: text,
    });
  }
  return units;
};

/** 123456 → '12.3456' */
export const hectaresString = (units: AreaUnits): string => {
  if (!Number.isSafeInteger(units) || units < 0) {
    return fail('AREA_FORMAT', `Not a non-negative integer area: ${units}`, { rule: 'V2' });
  }
  return `${Math.trunc(units / 10_000)}.${String(units % 10_000).padStart(4, '0')}`;
};

export const sumAreas = (units: readonly AreaUnits[]): AreaUnits => {
  const total = units.reduce((sum, u) => sum + u, 0);
  if (!Number.isSafeInteger(total)) return fail('AREA_FORMAT', 'Area sum out of range', { rule: 'V1' });
  return total;
};

/** −1, 0 or 1, like a sort comparator. */
export const compareAreas = (a: AreaUnits, b: AreaUnits): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);
