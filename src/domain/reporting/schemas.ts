/** The report obligation's command schemas (DOMAIN.md §13); a command's data is `z.output` of its schema. */
import { z } from 'zod';
import type { Command } from '../decider.js';
import { isoDate, jurisdiction, text } from '../schema/fields.js';
import { REPORT_TYPES } from './schedule.js';

export const reportPeriod = z
  .string()
  .regex(/^\d{4}(?:H[12]|Q[1-4])?$/, 'must be a report period: YYYY, YYYYH1–H2 or YYYYQ1–Q4')
  .meta({ example: '2026Q3' });

/** The system opens an obligation when its period has ended (T33/T34: when the year has started). */
export const openReportObligationSchema = z.object({
  type: z.enum(REPORT_TYPES),
  jurisdiction,
  period: reportPeriod,
});

/** The report (or the publication, T33/T34) was submitted, on the date of its document. */
export const submitReportSchema = z.object({
  submittedOn: isoDate,
  documentNo: text.max(200),
  summary: text.optional(),
});

/** The poller: the due date passed and no report was submitted (the timer's id keys the firing). */
export const markReportOverdueSchema = z.object({
  timerId: z.string().min(1).max(300).optional(),
});

export type OpenReportObligation = Command<'OpenReportObligation', z.output<typeof openReportObligationSchema>>;
export type SubmitReport = Command<'SubmitReport', z.output<typeof submitReportSchema>>;
export type MarkReportOverdue = Command<'MarkReportOverdue', z.output<typeof markReportOverdueSchema>>;
