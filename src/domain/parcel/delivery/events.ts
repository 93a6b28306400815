/**
 * Event data of the grantor's delivery, the grantee's delivery demand, the approval certificate
 * and its site publicity (see ../events.ts for the conventions).
 */
import type { IsoDate } from '../../calendar/index.js';
import type { ContractDamagesData } from '../contract-damages.js';
import type { Versions } from '../stamp.js';

export type LandDeliveryConfirmedData = ContractDamagesData & {
  readonly deliveredOn: IsoDate;
  readonly confirmationNo: string;
  readonly contractDeliveryDate: IsoDate;
  /** T09: grantor's delay; the land-use term counts from actual delivery (E3). Base: price paid by delivery. */
  readonly daysLate: number;
};

export type LandApprovalCertificateIssuedData = Versions & {
  readonly certificateNo: string;
  readonly issuedOn: IsoDate;
  /** T10: null where the policy sets no site-publicity period. */
  readonly sitePublicityDueDate: IsoDate | null;
};

export type SitePublicityPostedData = Versions & {
  readonly postedOn: IsoDate;
  /** T10, recomputed with the policy in force when the posting is recorded. */
  readonly dueDate: IsoDate | null;
  readonly late: boolean;
  readonly photoRefs: readonly string[];
};

export type DeliveryDemandServedData = Versions & {
  readonly demandId: string;
  readonly servedOn: IsoDate;
  readonly contractDeliveryDate: IsoDate;
  /** Days after the contract delivery date on the day of service. */
  readonly daysLate: number;
  /** T09: the last day on which the grantee may not yet terminate (delivery date + 60 cd). */
  readonly terminationThresholdDate: IsoDate;
};
