/** Events of the market transactions of a granted right (T28). See ../events.ts for the conventions. */
import type { IsoDate } from '../../calendar/index.js';
import type { SlaData } from '../records/events.js';
import type { MarketTransactionKind } from './commands.js';

export type MarketTransactionOccurredData = {
  readonly transactionId: string;
  readonly kind: MarketTransactionKind;
  readonly occurredOn: IsoDate;
  readonly documentNo: string;
  readonly counterparty: string;
  readonly amountFen: number | null;
  readonly areaHa: string | null;
};

export type MarketTransactionInfoEnteredData = SlaData & {
  readonly transactionId: string;
  readonly enteredOn: IsoDate;
};

export type LandTakenIntoReserveData = {
  readonly reserveNo: string;
  readonly takenOn: IsoDate;
  readonly reserveAgency: string;
};

export type ReserveInfoEnteredData = SlaData & { readonly enteredOn: IsoDate };
