/**
 * Commands of the payment rules (§3.1 payment, T05–T08, §6): payments, demands, termination
 * for non-payment. Each carries the date on its document (payment voucher, notice, decision).
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { id, isoDate, positiveFen, text } from '../../schema/fields.js';

const instalmentNo = z.number().int().min(1);

export const recordPaymentSchema = z.object({ paymentId: id, instalmentNo, amountFen: positiveFen, paidOn: isoDate });
export const servePaymentDemandSchema = z.object({ demandId: id, instalmentNo, servedOn: isoDate });
export const terminateContractSchema = z.object({
  instalmentNo,
  terminatedOn: isoDate,
  /** Required where the policy makes termination a government decision (Jiangsu, S4 §十一). */
  governmentApprovalRef: text.optional(),
  reason: text,
});

export const PAYMENT_COMMANDS = {
  RecordPayment: commandSpec({
    schema: recordPaymentSchema,
    summary: 'Record a payment against one instalment; a late one also assesses damages (§3.1, T05, T07, §6)',
    creates: false,
    example: { paymentId: 'PAY-3201-2026-0417-01', instalmentNo: 1, amountFen: 115_500_000, paidOn: '2026-04-17' },
  }),
  ServePaymentDemand: commandSpec({
    schema: servePaymentDemandSchema,
    summary: 'Serve the 催交 notice for an overdue, unpaid instalment (T08)',
    creates: false,
    example: { demandId: 'CJ-2027-003', instalmentNo: 2, servedOn: '2027-03-26' },
  }),
  TerminateContract: commandSpec({
    schema: terminateContractSchema,
    summary: 'Terminate for non-payment more than 60 days overdue after a demand (T08, §6, S4 §十一)',
    creates: false,
    example: {
      instalmentNo: 2,
      terminatedOn: '2027-05-20',
      governmentApprovalRef: '宁政复〔2027〕21号',
      reason: '受让人逾期60日仍未缴清土地出让价款',
    },
  }),
};
