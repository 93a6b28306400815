/**
 * The linkage project area's command schemas (DOMAIN.md §9; S2-MLR, S2-SC). A command's data type
 * is `z.output` of its schema; the API validates with the same schema. Areas are hectares with at
 * most 4 decimals, money integer fen, dates the date written on the document.
 */
import { z } from 'zod';
import type { Command } from '../decider.js';
import { fen, hectares, id, isoDate, jurisdiction, text } from '../schema/fields.js';

/** A calendar month 'YYYY-MM' (T35: progress is filed month by month). */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, "must be a month 'YYYY-MM'")
  .meta({ example: '2026-03' });

/** §9.3: the only two reasons a project area's implementation plan may be adjusted (S2-MLR §三(一)). */
export const ADJUSTMENT_TRIGGERS = ['FARMERS_WISHES_CHANGED', 'PLAN_ADJUSTMENT'] as const;
export type AdjustmentTrigger = (typeof ADJUSTMENT_TRIGGERS)[number];

/**
 * A plot (地块) of the project area with the outside facts §9.4 judges it by, as the office knows
 * them when it sends the command (the violation cases, the land-change survey and the 占补平衡
 * ledger live in other systems). Absent flags are false.
 */
export const plotSchema = z.object({
  plotId: id,
  areaHa: hectares,
  /** An open case of illegal or non-compliant land use on the plot (L1). */
  openViolation: z.boolean().default(false),
  /** Built on (L2, new-construction plots). */
  built: z.boolean().default(false),
  /** Confirmed as built in the annual land-use change survey (L2). */
  changeSurveyConfirmed: z.boolean().default(false),
  /** Its reclaimed cultivated land is already used for construction-occupation balance, 占补平衡 (L3, L4). */
  usedForBalance: z.boolean().default(false),
  /** Its reclaimed cultivated land is already used to return linkage quota, 归还挂钩指标 (L4). */
  usedToReturnQuota: z.boolean().default(false),
});
export type Plot = z.output<typeof plotSchema>;

const plots = z.array(plotSchema).max(500);

export const approveLinkageOverallSchema = z.object({
  linkageId: id,
  /** Where the project area lies: a city or county ('CN-SC-5101'); its province chooses the variant. */
  jurisdiction,
  name: text,
  approvalDocNo: text,
  approvedOn: isoDate,
  /** 挂钩周转指标 issued with the overall approval. */
  turnoverQuotaHa: hectares,
});

export const fileLinkageBasicInfoSchema = z.object({
  /** 项目区规模. */
  scaleHa: hectares,
  location: text,
  /** The approval of the project area's implementation plan. */
  approval: z.object({ documentNo: text, approvedOn: isoDate }),
  /** 拆旧地块. */
  demolitionPlots: plots.min(1),
  /** 建新地块. */
  constructionPlots: plots.min(1),
});

export const fileLinkageProgressSchema = z.object({
  month: isoMonth,
  /** 拆旧复垦面积, cumulative to the month's end. */
  reclaimedAreaHa: hectares,
  /** 建新面积, cumulative to the month's end. */
  newConstructionAreaHa: hectares,
  /** Farmers resettled (安置农民), cumulative, in persons. */
  farmersResettled: z.number().int().min(0).max(10_000_000),
  /** Funds used (资金使用), cumulative, in fen. */
  fundsUsedFen: fen,
});

export const recordLinkageAcceptanceSchema = z.object({
  acceptedOn: isoDate,
  documentNo: text,
});

export const fileLinkageAcceptanceSchema = z.object({
  filedOn: isoDate,
  /** 拆旧复垦 completed. */
  reclaimedAreaHa: hectares,
  /** 建新用地 completed. */
  newConstructionAreaHa: hectares,
  /** 安置补偿 paid. */
  resettlementCompensationFen: fen,
  /** 收益分配. */
  benefitDistribution: text,
});

export const approveImplementationPlanAdjustmentSchema = z.object({
  /** Not a z.enum: a trigger outside §9.3 is refused by the decider, naming the rule. */
  trigger: z.string().min(1).max(64).meta({ example: 'FARMERS_WISHES_CHANGED' }),
  documentNo: text,
  approvedOn: isoDate,
  reason: text,
});

export const requestRecordReturnSchema = z.object({ documentNo: text });
export const returnRecordSchema = z.object({ note: text });

/** The adjusted plots: those moved into the project area and those moved out, each with its facts. */
export const modifyRecordSchema = z.object({
  movedIn: z.object({ demolition: plots, construction: plots }),
  movedOut: z.object({ demolition: plots, construction: plots }),
  note: text,
});

export const REVIEW_OUTCOMES = ['APPROVED', 'SENT_BACK'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const reviewRecordModificationSchema = z.object({ outcome: z.enum(REVIEW_OUTCOMES), opinion: text });

export const refileRecordSchema = z.object({ filedOn: isoDate });

type Out<S extends z.ZodType> = z.output<S>;
export type ApproveLinkageOverall = Command<'ApproveLinkageOverall', Out<typeof approveLinkageOverallSchema>>;
export type FileLinkageBasicInfo = Command<'FileLinkageBasicInfo', Out<typeof fileLinkageBasicInfoSchema>>;
export type FileLinkageProgress = Command<'FileLinkageProgress', Out<typeof fileLinkageProgressSchema>>;
export type RecordLinkageAcceptance = Command<'RecordLinkageAcceptance', Out<typeof recordLinkageAcceptanceSchema>>;
export type FileLinkageAcceptance = Command<'FileLinkageAcceptance', Out<typeof fileLinkageAcceptanceSchema>>;
export type ApproveImplementationPlanAdjustment = Command<
  'ApproveImplementationPlanAdjustment',
  Out<typeof approveImplementationPlanAdjustmentSchema>
>;
export type RequestRecordReturn = Command<'RequestRecordReturn', Out<typeof requestRecordReturnSchema>>;
export type ReturnRecord = Command<'ReturnRecord', Out<typeof returnRecordSchema>>;
export type ModifyRecord = Command<'ModifyRecord', Out<typeof modifyRecordSchema>>;
export type ReviewRecordModification = Command<'ReviewRecordModification', Out<typeof reviewRecordModificationSchema>>;
export type RefileRecord = Command<'RefileRecord', Out<typeof refileRecordSchema>>;
