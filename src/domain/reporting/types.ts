/** The report obligation's commands, events and state (DOMAIN.md §13, stream `report-<obligationId>`). */
import type { DomainEvent } from '../decider.js';
import type { ReportType } from './schedule.js';
import type { MarkReportOverdue, OpenReportObligation, SubmitReport } from './schemas.js';

export type * from './schemas.js';
export type { ReportType };

export type ReportCommand = OpenReportObligation | SubmitReport | MarkReportOverdue;

export type ReportDueData = {
  readonly obligationId: string;
  readonly type: ReportType;
  readonly period: string;
  readonly jurisdiction: string;
  /** The period's days (inclusive). */
  readonly periodFrom: string;
  readonly periodTo: string;
  /** The last day to submit. */
  readonly dueDate: string;
  /** DOMAIN.md §4 rule: T37 (S1, S3), T33, T34. */
  readonly rule: string;
  /** The notice that sets it ('S1 §三'). */
  readonly source: string;
  readonly title: string;
  /** The day it became owed (the day after the period; T33/T34: 1 January). */
  readonly owedFrom: string;
};

export type ReportSubmittedData = {
  readonly obligationId: string;
  readonly type: ReportType;
  readonly period: string;
  readonly jurisdiction: string;
  readonly submittedOn: string;
  readonly documentNo: string;
  readonly summary?: string;
  readonly dueDate: string;
  readonly rule: string;
  /** Submitted after the due date: flagged, never refused. */
  readonly late: boolean;
  /** Calendar days after the due date (0 when on time). */
  readonly daysLate: number;
};

export type ReportOverdueData = {
  readonly obligationId: string;
  readonly type: ReportType;
  readonly period: string;
  readonly jurisdiction: string;
  readonly dueDate: string;
  readonly rule: string;
  /** The day it was found overdue (the day after the due date, or later). */
  readonly overdueOn: string;
  readonly timerId?: string;
};

export type ReportEvent =
  | DomainEvent<'ReportDue', ReportDueData>
  | DomainEvent<'ReportSubmitted', ReportSubmittedData>
  | DomainEvent<'ReportOverdue', ReportOverdueData>;

export const REPORT_EVENT_TYPES = ['ReportDue', 'ReportSubmitted', 'ReportOverdue'] as const;

export type ReportStatus = 'DUE' | 'OVERDUE' | 'SUBMITTED';

export type ReportObligation = ReportDueData & {
  readonly status: ReportStatus;
  /** The ReportDue event's id (the anchor of its timer), when read from the store. */
  readonly dueEventId: string | null;
  readonly overdueOn: string | null;
  readonly submission: {
    readonly submittedOn: string;
    readonly documentNo: string;
    readonly summary: string | null;
    readonly late: boolean;
    readonly daysLate: number;
  } | null;
};

export type ReportState = { readonly status: 'NONE' } | ReportObligation;
