/**
 * Late-payment day counting and allocation of partial payments (DOMAIN.md §6, T07).
 * Both follow local examples (E17) and are conventions, not national rules.
 */
import { calendarDaysBetween } from './calendar/index.js';
import type { IsoDate } from './calendar/index.js';
import { fail } from './errors.js';
import type { Fen } from './money.js';

/**
 * Days counted from the day after the due date through the payment date, both inclusive
 * (Guangzhou draft; the Tiemenguan decision's 662 days). Paid on or before due → 0.
 */
export const daysLate = (dueDate: IsoDate, paidOn: IsoDate): number =>
  Math.max(0, calendarDaysBetween(dueDate, paidOn));

export interface PaymentDue {
  readonly damagesFen: Fen;
  readonly interestFen: Fen;
  readonly principalFen: Fen;
}

export interface PaymentAllocation extends PaymentDue {
  /** Paid beyond everything owed (overpayment, to refund or carry forward). */
  readonly unallocatedFen: Fen;
}

const requireNonNegative = (value: Fen, field: string): void => {
  if (!Number.isSafeInteger(value) || value < 0) {
    fail('MONEY_FORMAT', `${field} must be a non-negative integer amount of fen`, { field, rule: 'T07' });
  }
};

/**
 * Splits a payment: damages first, then interest, then principal. This order is a policy
 * choice taken from Guangzhou's 2024 draft (§6, [E~ local]); the model contract is silent.
 */
export const allocatePayment = (amountFen: Fen, due: PaymentDue): PaymentAllocation => {
  requireNonNegative(amountFen, 'amountFen');
  requireNonNegative(due.damagesFen, 'damagesFen');
  requireNonNegative(due.interestFen, 'interestFen');
  requireNonNegative(due.principalFen, 'principalFen');
  let left = amountFen;
  const take = (owed: Fen): Fen => {
    const part = Math.min(left, owed);
    left -= part;
    return part;
  };
  const damagesFen = take(due.damagesFen);
  const interestFen = take(due.interestFen);
  const principalFen = take(due.principalFen);
  return { damagesFen, interestFen, principalFen, unallocatedFen: left };
};
