/**
 * Market transactions of a granted right (T28, S1 §二(五)): its transfer (转让), lease (出租) or
 * mortgage (抵押) as it occurs, and the entry of its information into the monitoring system, due
 * 7 working days after it occurred.
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { fen, hectares, id, isoDate, text } from '../../schema/fields.js';

export const MARKET_TRANSACTION_KINDS = ['TRANSFER', 'LEASE', 'MORTGAGE'] as const;
export type MarketTransactionKind = (typeof MARKET_TRANSACTION_KINDS)[number];

export const recordMarketTransactionSchema = z.object({
  transactionId: id,
  kind: z.enum(MARKET_TRANSACTION_KINDS),
  /** The day it took effect (its registration), the anchor of T28. */
  occurredOn: isoDate,
  /** 不动产登记证明号 or the contract number. */
  documentNo: text,
  /** 受让人 / 承租人 / 抵押权人. */
  counterparty: text,
  /** Price, rent or secured amount, where the document states one. */
  amountFen: fen.optional(),
  /** The part of the parcel it concerns, if not the whole. */
  areaHa: hectares.optional(),
});
export const enterMarketTransactionInfoSchema = z.object({ transactionId: id, enteredOn: isoDate });
/** T27 (S1 §二(二)): land whose right ended (recovered, terminated, revoked) taken back into the reserve. */
export const takeIntoReserveSchema = z.object({ reserveNo: text, takenOn: isoDate, reserveAgency: text });
export const enterReserveInfoSchema = z.object({ enteredOn: isoDate });

export const MARKET_COMMANDS = {
  RecordMarketTransaction: commandSpec({
    schema: recordMarketTransactionSchema,
    summary: 'A transfer, lease or mortgage of the granted right took effect (T28 runs from it, S1 §二(五))',
    creates: false,
    example: {
      transactionId: 'MT-3201-2027-0031',
      kind: 'MORTGAGE',
      occurredOn: '2027-03-18',
      documentNo: '苏(2027)宁不动产证明第0031号',
      counterparty: '中国工商银行南京分行',
      amountFen: 50_000_000_000,
    },
  }),
  EnterMarketTransactionInfo: commandSpec({
    schema: enterMarketTransactionInfoSchema,
    summary: 'Enter a market transaction’s information into the monitoring system (T28: within 7 wd)',
    creates: false,
    example: { transactionId: 'MT-3201-2027-0031', enteredOn: '2027-03-24' },
  }),
  TakeIntoReserve: commandSpec({
    schema: takeIntoReserveSchema,
    summary: 'The land of a recovered, terminated or revoked right is taken into the land reserve (T27 runs from it)',
    creates: false,
    example: { reserveNo: '宁储〔2028〕12号', takenOn: '2028-11-20', reserveAgency: '南京市土地储备中心' },
  }),
  EnterReserveInfo: commandSpec({
    schema: enterReserveInfoSchema,
    summary: 'Enter the reserve intake into the monitoring system (T27: within 7 wd, S1 §二(二))',
    creates: false,
    example: { enteredOn: '2028-11-26' },
  }),
};
