/**
 * What is paid and outstanding per instalment: the arithmetic the payment commands and the
 * certificate's full-payment rule (S4 §十一) share.
 */
import type { Fen } from '../../money.js';
import { fail } from '../errors.js';
import type { Instalment, ParcelFacts } from '../state.js';

export const paidFen = (facts: ParcelFacts, instalmentNo: number): Fen =>
  facts.payments.filter((p) => p.instalmentNo === instalmentNo).reduce((sum, p) => sum + p.amountFen, 0);

export const outstandingFen = (facts: ParcelFacts, instalment: Instalment): Fen =>
  instalment.amountFen - paidFen(facts, instalment.no);

export const isPaidInFull = (facts: ParcelFacts): boolean =>
  facts.instalments.every((i) => outstandingFen(facts, i) === 0);

export const findInstalment = (facts: ParcelFacts, no: unknown): Instalment => {
  const instalment = facts.instalments.find((i) => i.no === no);
  return (
    instalment ?? fail('INSTALMENT_NOT_FOUND', `No instalment ${String(no)}`, { field: 'instalmentNo', value: no })
  );
};
