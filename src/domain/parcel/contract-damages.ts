/**
 * §6 contract damages for late start, late completion and the grantor's late delivery
 * (GF-2008-2601 [E~ E3]): base × daily rate × days late, one rounding half-up to the fen.
 */
import type { IsoDate } from '../calendar/index.js';
import { lateDamagesFen } from '../money.js';
import type { Fen } from '../money.js';
import type { ParcelFacts } from './state.js';

/**
 * §6 contract damages for a late act: `ratePerDay` (per day, from the contract) × `baseFen` ×
 * `daysLate` (from the day after the agreed date through the actual date), half-up to the fen.
 * The model contract leaves the rates blank: without a rate all three are null, never zero;
 * with a rate but no price to apply it to (allocation) only the rate is kept.
 */
export type ContractDamagesData = {
  readonly ratePerDay: string | null;
  readonly baseFen: Fen | null;
  readonly damagesFen: Fen | null;
};

/** No rate in the contract → no damages (null, not zero); no base (allocation) → no amount. */
export const contractDamages = (
  baseFen: Fen | null,
  ratePerDay: string | null,
  daysLate: number,
): ContractDamagesData => {
  if (ratePerDay === null) return { ratePerDay: null, baseFen: null, damagesFen: null };
  if (baseFen === null) return { ratePerDay, baseFen: null, damagesFen: null };
  return { ratePerDay, baseFen, damagesFen: lateDamagesFen(baseFen, ratePerDay, daysLate) };
};

/**
 * The grantor's late delivery is charged on the price already paid (E3 "已付价款"); read here
 * as paid on or before the delivery date, the amount the grantee had paid for land it lacked.
 */
export const paidByFen = (facts: ParcelFacts, date: IsoDate): Fen =>
  facts.payments.filter((p) => p.paidOn <= date).reduce((sum, p) => sum + p.amountFen, 0);
