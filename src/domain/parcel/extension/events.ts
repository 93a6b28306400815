/**
 * Event data of extension requests and decisions (T17, T18; see ../events.ts for the conventions).
 */
import type { IsoDate } from '../../calendar/index.js';
import type { Versions } from '../stamp.js';
import type { ExtensionKind } from '../state.js';

export type ExtensionRequestedData = Versions & {
  readonly requestId: string;
  readonly kind: ExtensionKind;
  readonly requestedOn: IsoDate;
  readonly currentDate: IsoDate;
  readonly requestedDate: IsoDate;
  readonly reason: string;
  /** T17: last day the request could be filed. */
  readonly latestFilingDate: IsoDate;
};

export type ExtensionApprovedData = Versions & {
  readonly requestId: string;
  readonly kind: ExtensionKind;
  readonly decidedOn: IsoDate;
  readonly approvalRef: string;
  readonly previousStart: IsoDate;
  readonly previousCompletion: IsoDate;
  readonly agreedStart: IsoDate;
  readonly agreedCompletion: IsoDate;
  readonly shiftDays: number;
  /** T18: the latest date an extension could reach. */
  readonly maxDate: IsoDate;
};

export type ExtensionRejectedData = {
  readonly requestId: string;
  readonly decidedOn: IsoDate;
  readonly reason: string;
};
