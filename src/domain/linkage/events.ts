/** The linkage project area's events (DOMAIN.md §9). Types, not interfaces: event data is plain JSON. */
import type { DomainEvent } from '../decider.js';
import type { AdjustmentTrigger, Plot, ReviewOutcome } from './schemas.js';

/** 'MLR': the ministry's text (the province modifies; L1–L4). 'SICHUAN': the city/county modifies and the province reviews (L1–L3). */
export const LINKAGE_VARIANTS = ['MLR', 'SICHUAN'] as const;
export type LinkageVariant = (typeof LINKAGE_VARIANTS)[number];

/** A filing deadline's stamp, as parcel SLAs carry it (§4 notes): due date, calendar version, provisional. */
export type DueStamp = {
  readonly rule: string;
  readonly dueDate: string;
  readonly calendarVersion: string;
  readonly provisional: boolean;
};

export type PlotChange = {
  readonly movedIn: { readonly demolition: readonly Plot[]; readonly construction: readonly Plot[] };
  readonly movedOut: { readonly demolition: readonly Plot[]; readonly construction: readonly Plot[] };
};

type Ref = { readonly linkageId: string };

export type LinkageOverallApproved = DomainEvent<
  'LinkageOverallApproved',
  Ref & {
    readonly jurisdiction: string;
    readonly variant: LinkageVariant;
    readonly name: string;
    readonly approvalDocNo: string;
    readonly approvedOn: string;
    readonly turnoverQuotaHa: string;
  }
>;

export type LinkageBasicInfoFiled = DomainEvent<
  'LinkageBasicInfoFiled',
  Ref & {
    readonly filedOn: string;
    readonly scaleHa: string;
    readonly location: string;
    readonly approval: { readonly documentNo: string; readonly approvedOn: string };
    readonly demolitionPlots: readonly Plot[];
    readonly constructionPlots: readonly Plot[];
  }
>;

export type LinkageProgressFiled = DomainEvent<
  'LinkageProgressFiled',
  Ref & {
    readonly month: string;
    readonly filedOn: string;
    readonly reclaimedAreaHa: string;
    readonly newConstructionAreaHa: string;
    readonly farmersResettled: number;
    readonly fundsUsedFen: number;
  }
>;

export type LinkageAccepted = DomainEvent<
  'LinkageAccepted',
  Ref & { readonly acceptedOn: string; readonly documentNo: string; readonly filingDue: DueStamp }
>;

export type LinkageAcceptanceFiled = DomainEvent<
  'LinkageAcceptanceFiled',
  Ref &
    DueStamp & {
      readonly filedOn: string;
      readonly late: boolean;
      /** S2-SC §二(二): a Sichuan area filed late gets no certificate (合格证). */
      readonly certificateWithheld: boolean;
      readonly reclaimedAreaHa: string;
      readonly newConstructionAreaHa: string;
      readonly resettlementCompensationFen: number;
      readonly benefitDistribution: string;
    }
>;

export type ImplementationPlanAdjustmentApproved = DomainEvent<
  'ImplementationPlanAdjustmentApproved',
  Ref & {
    readonly trigger: AdjustmentTrigger;
    readonly documentNo: string;
    readonly approvedOn: string;
    readonly reason: string;
  }
>;

export type RecordReturnRequested = DomainEvent<
  'RecordReturnRequested',
  Ref & { readonly documentNo: string; readonly requestedAt: string }
>;

export type RecordReturned = DomainEvent<
  'RecordReturned',
  Ref & { readonly note: string; readonly returnedAt: string }
>;

export type RecordModified = DomainEvent<
  'RecordModified',
  Ref &
    PlotChange & {
      readonly note: string;
      readonly modifiedAt: string;
      /** The party that modified: the province (MLR) or the city/county (Sichuan). */
      readonly modifiedByRole: string;
    }
>;

export type RecordModificationReviewed = DomainEvent<
  'RecordModificationReviewed',
  Ref & { readonly outcome: ReviewOutcome; readonly opinion: string; readonly reviewedAt: string }
>;

export type RecordRefiled = DomainEvent<
  'RecordRefiled',
  Ref & {
    readonly filedOn: string;
    /** The record as refiled: the plots after the adjustment. */
    readonly demolitionPlots: readonly Plot[];
    readonly constructionPlots: readonly Plot[];
  }
>;

/** T35 missed: the month's progress was not filed by its last day (the system, on the timer). */
export type LinkageProgressOverdue = DomainEvent<
  'LinkageProgressOverdue',
  Ref & {
    readonly rule: 'T35';
    readonly month: string;
    readonly dueDate: string;
    readonly overdueOn: string;
    readonly timerId: string;
  }
>;

/** T36 missed: the acceptance was not filed by its due date (the system, on the timer). */
export type LinkageAcceptanceFilingOverdue = DomainEvent<
  'LinkageAcceptanceFilingOverdue',
  Ref & DueStamp & { readonly overdueOn: string; readonly timerId: string }
>;

export type LinkageEvent =
  | LinkageOverallApproved
  | LinkageBasicInfoFiled
  | LinkageProgressFiled
  | LinkageAccepted
  | LinkageAcceptanceFiled
  | ImplementationPlanAdjustmentApproved
  | RecordReturnRequested
  | RecordReturned
  | RecordModified
  | RecordModificationReviewed
  | RecordRefiled
  | LinkageProgressOverdue
  | LinkageAcceptanceFilingOverdue;
