/**
 * What GET /report-obligations answers: the obligation with its status judged on the day asked
 * (`OVERDUE` once the due date has passed unsubmitted, whether or not the timer has fired yet).
 */
import { z } from 'zod';
import type { ReportObligation } from '../../domain/reporting/index.js';

export const REPORT_STATUSES = ['due', 'overdue', 'submitted'] as const;

export const reportObligationView = z.object({
  obligationId: z.string(),
  type: z.enum(['S1', 'S3', 'T33', 'T34']),
  title: z.string(),
  period: z.string(),
  jurisdiction: z.string(),
  rule: z.string(),
  source: z.string(),
  dueDate: z.string(),
  status: z.enum(REPORT_STATUSES),
  /** The day ReportOverdue was recorded (null: not recorded, e.g. submitted in time). */
  overdueOn: z.string().nullable(),
  submission: z
    .object({
      submittedOn: z.string(),
      documentNo: z.string(),
      summary: z.string().nullable(),
      late: z.boolean(),
      daysLate: z.number().int(),
    })
    .nullable(),
  revision: z.number().int(),
});
export type ReportObligationView = z.output<typeof reportObligationView>;

export const reportObligationViewOf = (o: ReportObligation, revision: number, on: string): ReportObligationView => ({
  obligationId: o.obligationId,
  type: o.type,
  title: o.title,
  period: o.period,
  jurisdiction: o.jurisdiction,
  rule: o.rule,
  source: o.source,
  dueDate: o.dueDate,
  status: o.status === 'SUBMITTED' ? 'submitted' : o.status === 'OVERDUE' || o.dueDate < on ? 'overdue' : 'due',
  overdueOn: o.overdueOn,
  submission: o.submission,
  revision,
});
