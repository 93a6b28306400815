/**
 * The report obligation's commands served over HTTP: only SubmitReport (the system opens
 * obligations and the timer marks them overdue; neither is sent by a person).
 */
import { commandSpec } from '../schema/command-spec.js';
import { submitReportSchema } from './schemas.js';

export const REPORT_OBLIGATION_COMMANDS = {
  SubmitReport: commandSpec({
    schema: submitReportSchema,
    summary:
      'The report (S1, S3) or the publication (T33 supply plan, T34 base land price) was submitted; after its due date it is flagged late, never refused (§13)',
    creates: false,
    example: {
      submittedOn: '2026-10-09',
      documentNo: '苏自然资函〔2026〕101号',
      summary: '2026年前三季度土地市场动态监测分析报告',
    },
  }),
};
