/**
 * The linkage project area's commands (DOMAIN.md §9) as one table: the API builds its routes and
 * the OpenAPI document from it. The examples walk one Sichuan area (CN-SC-5101) through filing and a
 * modification; who acts and when come from the command context.
 */
import { commandSpec, type CommandSpec } from '../schema/command-spec.js';
import {
  approveImplementationPlanAdjustmentSchema,
  approveLinkageOverallSchema,
  fileLinkageAcceptanceSchema,
  fileLinkageBasicInfoSchema,
  fileLinkageProgressSchema,
  modifyRecordSchema,
  recordLinkageAcceptanceSchema,
  refileRecordSchema,
  requestRecordReturnSchema,
  returnRecordSchema,
  reviewRecordModificationSchema,
} from './schemas.js';
import type { LinkageCommand } from './types.js';

const plot = (plotId: string, areaHa: string) => ({
  plotId,
  areaHa,
  openViolation: false,
  built: false,
  changeSurveyConfirmed: false,
  usedForBalance: false,
  usedToReturnQuota: false,
});

export const LINKAGE_COMMANDS = {
  ApproveLinkageOverall: commandSpec({
    schema: approveLinkageOverallSchema,
    summary:
      'The province approves the project area as a whole and issues its turnover quota (§9.1); Sichuan follows S2-SC, others S2-MLR',
    creates: true,
    idField: 'linkageId',
    example: {
      linkageId: 'LK-5101-2026-01',
      jurisdiction: 'CN-SC-5101',
      name: '成都市郫都区城乡建设用地增减挂钩项目区',
      approvalDocNo: '川自然资函〔2026〕12号',
      approvedOn: '2026-02-10',
      turnoverQuotaHa: '12.5000',
    },
  }),
  FileLinkageBasicInfo: commandSpec({
    schema: fileLinkageBasicInfoSchema,
    summary:
      "The city/county files the area's scale, location, approval and its demolition and new-construction plots (§9.1)",
    creates: false,
    example: {
      scaleHa: '25.0000',
      location: '郫都区唐昌镇',
      approval: { documentNo: '成自然资〔2026〕8号', approvedOn: '2026-02-20' },
      demolitionPlots: [plot('CJ-01', '6.0000'), plot('CJ-02', '6.5000')],
      constructionPlots: [plot('JX-01', '12.0000')],
    },
  }),
  FileLinkageProgress: commandSpec({
    schema: fileLinkageProgressSchema,
    summary:
      "The month's implementation progress: reclaimed and new-construction area, farmers resettled, funds used (T35)",
    creates: false,
    example: {
      month: '2026-02',
      reclaimedAreaHa: '1.2000',
      newConstructionAreaHa: '0.8000',
      farmersResettled: 36,
      fundsUsedFen: 125_000_000,
    },
  }),
  RecordLinkageAcceptance: commandSpec({
    schema: recordLinkageAcceptanceSchema,
    summary: 'The project area is accepted on completion; its filing falls due 10 working days later (T36)',
    creates: false,
    example: { acceptedOn: '2026-02-27', documentNo: '川自然资验〔2026〕3号' },
  }),
  FileLinkageAcceptance: commandSpec({
    schema: fileLinkageAcceptanceSchema,
    summary:
      'The city/county files the acceptance: reclamation, new construction, compensation, benefits (T36; late is flagged)',
    creates: false,
    example: {
      filedOn: '2026-03-02',
      reclaimedAreaHa: '12.5000',
      newConstructionAreaHa: '12.0000',
      resettlementCompensationFen: 860_000_000,
      benefitDistribution: '增值收益全部返还农村',
    },
  }),
  ApproveImplementationPlanAdjustment: commandSpec({
    schema: approveImplementationPlanAdjustmentSchema,
    summary:
      "The original approving authority approves an adjustment of the implementation plan for one of §9.3's two triggers",
    creates: false,
    example: {
      trigger: 'FARMERS_WISHES_CHANGED',
      documentNo: '川自然资函〔2026〕40号',
      approvedOn: '2026-02-25',
      reason: 'CJ-02 农户不愿拆迁，无法复垦',
    },
  }),
  RequestRecordReturn: commandSpec({
    schema: requestRecordReturnSchema,
    summary: "The province informs the ministry (Sichuan: applies) to return the area's record (§9.3 step 2)",
    creates: false,
    example: { documentNo: '川自然资函〔2026〕41号' },
  }),
  ReturnRecord: commandSpec({
    schema: returnRecordSchema,
    summary: 'The ministry checks the procedure and returns the record in the system (§9.3 step 3)',
    creates: false,
    example: { note: '程序符合要求，退回原报备信息' },
  }),
  ModifyRecord: commandSpec({
    schema: modifyRecordSchema,
    summary:
      'The record is modified (MLR: by the province; Sichuan: by the city/county); the adjusted plots must pass L1–L4 (§9.3, §9.4)',
    creates: false,
    example: {
      movedIn: { demolition: [plot('CJ-03', '6.5000')], construction: [] },
      movedOut: { demolition: [plot('CJ-02', '6.5000')], construction: [] },
      note: '以 CJ-03 替换 CJ-02',
    },
  }),
  ReviewRecordModification: commandSpec({
    schema: reviewRecordModificationSchema,
    summary:
      "Sichuan only: the province reviews the city/county's modification, approving it or sending it back (§9.3 step 5)",
    creates: false,
    example: { outcome: 'APPROVED', opinion: '调整地块符合要求' },
  }),
  RefileRecord: commandSpec({
    schema: refileRecordSchema,
    summary: 'The modified record is filed online again and its adjusted plots take effect (§9.3 step 6)',
    creates: false,
    example: { filedOn: '2026-03-02' },
  }),
} satisfies Record<LinkageCommand['type'], CommandSpec>;
