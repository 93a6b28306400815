/** The linkage project area's state and unions (DOMAIN.md §9, aggregate `LinkageProjectArea`). */
import type { LinkageBreach, RecordLinkageDeadlineMissed } from './deadlines.js';
import type { DueStamp, LinkageEvent, LinkageVariant, PlotChange } from './events.js';
import type {
  AdjustmentTrigger,
  ApproveImplementationPlanAdjustment,
  ApproveLinkageOverall,
  FileLinkageAcceptance,
  FileLinkageBasicInfo,
  FileLinkageProgress,
  ModifyRecord,
  Plot,
  RecordLinkageAcceptance,
  RefileRecord,
  RequestRecordReturn,
  ReturnRecord,
  ReviewRecordModification,
} from './schemas.js';

export type * from './events.js';
export type * from './schemas.js';
export { LINKAGE_VARIANTS } from './events.js';
export { ADJUSTMENT_TRIGGERS, REVIEW_OUTCOMES } from './schemas.js';

export type LinkageCommand =
  | ApproveLinkageOverall
  | FileLinkageBasicInfo
  | FileLinkageProgress
  | RecordLinkageAcceptance
  | FileLinkageAcceptance
  | ApproveImplementationPlanAdjustment
  | RequestRecordReturn
  | ReturnRecord
  | ModifyRecord
  | ReviewRecordModification
  | RefileRecord;

export type { LinkageEvent };
export type { LinkageBreach, RecordLinkageDeadlineMissed } from './deadlines.js';

/** Commands only the system sends (the timer poller): not in LINKAGE_COMMANDS, so no HTTP route. */
export type LinkageSystemCommand = RecordLinkageDeadlineMissed;

/** Everything the linkage decider decides: the HTTP commands and the system's. */
export type LinkageDeciderCommand = LinkageCommand | LinkageSystemCommand;

/**
 * NONE → OVERALL_APPROVED (province) → BASIC_INFO_FILED (city/county; monthly progress) →
 * ACCEPTED (acceptance held; T36 runs) → ACCEPTANCE_FILED.
 */
export type LinkageStatus = 'OVERALL_APPROVED' | 'BASIC_INFO_FILED' | 'ACCEPTED' | 'ACCEPTANCE_FILED';

/** §9.3: the step a modification has reached; REVIEWED is Sichuan's only. */
export type ModificationStep = 'PLAN_ADJUSTED' | 'RETURN_REQUESTED' | 'RETURNED' | 'MODIFIED' | 'REVIEWED';

export type Modification = {
  readonly step: ModificationStep;
  readonly trigger: AdjustmentTrigger;
  readonly adjustmentDocNo: string;
  readonly adjustmentApprovedOn: string;
  /** The plot change of the last ModifyRecord, applied to the record when it is refiled. */
  readonly change: PlotChange | null;
};

export type ProgressMonth = {
  readonly month: string;
  readonly filedOn: string;
  readonly reclaimedAreaHa: string;
  readonly newConstructionAreaHa: string;
  readonly farmersResettled: number;
  readonly fundsUsedFen: number;
};

export type LinkageArea = {
  readonly status: LinkageStatus;
  readonly linkageId: string;
  readonly jurisdiction: string;
  readonly variant: LinkageVariant;
  readonly name: string;
  readonly overall: { readonly approvalDocNo: string; readonly approvedOn: string; readonly turnoverQuotaHa: string };
  readonly basicInfo: {
    readonly filedOn: string;
    readonly scaleHa: string;
    readonly location: string;
    readonly approval: { readonly documentNo: string; readonly approvedOn: string };
  } | null;
  readonly demolitionPlots: readonly Plot[];
  readonly constructionPlots: readonly Plot[];
  /** Filed months, in filing order. */
  readonly progress: readonly ProgressMonth[];
  readonly acceptance: {
    readonly acceptedOn: string;
    readonly documentNo: string;
    readonly filingDue: DueStamp;
  } | null;
  readonly acceptanceFiling: {
    readonly filedOn: string;
    readonly late: boolean;
    readonly certificateWithheld: boolean;
  } | null;
  readonly modification: Modification | null;
  /** Completed modifications (refiled records). */
  readonly refiledCount: number;
  /** Missed T35/T36 deadlines the timers recorded; absent until the first. */
  readonly breaches?: readonly LinkageBreach[];
};

export type LinkageState = { readonly status: 'NONE' } | LinkageArea;

/** DOMAIN.md §12: the province's and the city/county department's roles. */
export const PROVINCE = 'PROVINCE_REVIEWER';
export const CITY_COUNTY = 'GRANTOR_ADMIN';
