/**
 * Event data of payments, late-payment damages, payment demands and termination for
 * non-payment (see ../events.ts for the conventions).
 */
import type { IsoDate } from '../../calendar/index.js';
import type { Fen } from '../../money.js';
import type { Versions } from '../stamp.js';

export type PaymentReceivedData = {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly amountFen: Fen;
  readonly paidOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly outstandingAfterFen: Fen;
};

export type LatePaymentDamagesAssessedData = {
  readonly paymentId: string;
  readonly instalmentNo: number;
  readonly principalFen: Fen;
  readonly ratePerDay: string;
  readonly dueDate: IsoDate;
  readonly paidOn: IsoDate;
  readonly daysLate: number;
  readonly damagesFen: Fen;
};

export type PaymentDemandServedData = {
  readonly demandId: string;
  readonly instalmentNo: number;
  readonly servedOn: IsoDate;
  readonly overdueFen: Fen;
  readonly daysOverdue: number;
};

export type ContractTerminatedData = Versions & {
  readonly terminatedOn: IsoDate;
  readonly instalmentNo: number;
  readonly dueDate: IsoDate;
  readonly daysOverdue: number;
  /** T08: the last day on which termination was still not allowed (due + 60 cd). */
  readonly thresholdDate: IsoDate;
  readonly demandId: string;
  readonly governmentApprovalRef: string | null;
  readonly depositForfeitedFen: Fen;
  readonly reason: string;
};
