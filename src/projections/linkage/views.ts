/**
 * What GET /linkage-areas answers, computed from the folded area and the day it is asked on: the
 * record (quota, plots with their areas), the filed progress months, and what is due next — T35
 * the next month's progress (and the past months never filed), T36 the acceptance filing — and the
 * deadlines missed (`breaches`, recorded by the timers).
 */
import { z } from 'zod';
import { hectaresString, parseHectares, sumAreas } from '../../domain/area.js';
import type { LinkageArea, Plot } from '../../domain/linkage/index.js';

const plotView = z.object({
  plotId: z.string(),
  areaHa: z.string(),
  openViolation: z.boolean(),
  built: z.boolean(),
  changeSurveyConfirmed: z.boolean(),
  usedForBalance: z.boolean(),
  usedToReturnQuota: z.boolean(),
});

const progressMonthView = z.object({
  month: z.string(),
  filedOn: z.string(),
  reclaimedAreaHa: z.string(),
  newConstructionAreaHa: z.string(),
  farmersResettled: z.number().int(),
  fundsUsedFen: z.number().int(),
});

export const linkageDueView = z.object({
  rule: z.enum(['T35', 'T36']),
  /** T35: the month whose progress is to be filed next. */
  month: z.string().optional(),
  /** T36: the filing's due date. */
  dueDate: z.string().optional(),
  overdue: z.boolean(),
});

/** A missed deadline the timers recorded (LinkageProgressOverdue, LinkageAcceptanceFilingOverdue). */
export const linkageBreachView = z.object({
  rule: z.enum(['T35', 'T36']),
  /** T35: the month whose progress was not filed; T36: null. */
  subject: z.string().nullable(),
  dueDate: z.string(),
  overdueOn: z.string(),
  /** The overdue event's id in the area's stream. */
  eventId: z.string().optional(),
});

export const linkageSummaryView = z.object({
  linkageId: z.string(),
  name: z.string(),
  jurisdiction: z.string(),
  variant: z.enum(['MLR', 'SICHUAN']),
  status: z.string(),
  turnoverQuotaHa: z.string(),
  modificationStep: z.string().nullable(),
  lastProgressMonth: z.string().nullable(),
  nextDue: z.array(linkageDueView),
  /** The missed T35/T36 deadlines recorded on the area, in recording order. */
  breaches: z.array(linkageBreachView),
  revision: z.number().int(),
});

export const linkageAreaView = linkageSummaryView.extend({
  overall: z.object({ approvalDocNo: z.string(), approvedOn: z.string(), turnoverQuotaHa: z.string() }),
  basicInfo: z
    .object({
      filedOn: z.string(),
      scaleHa: z.string(),
      location: z.string(),
      approval: z.object({ documentNo: z.string(), approvedOn: z.string() }),
    })
    .nullable(),
  plots: z.object({
    demolition: z.array(plotView),
    construction: z.array(plotView),
    demolitionAreaHa: z.string(),
    constructionAreaHa: z.string(),
  }),
  progress: z.object({
    months: z.array(progressMonthView),
    /** Months from the overall approval's to the one before `on` with no progress filed (T35). */
    missingMonths: z.array(z.string()),
  }),
  acceptance: z
    .object({
      acceptedOn: z.string(),
      documentNo: z.string(),
      dueDate: z.string(),
      provisional: z.boolean(),
      calendarVersion: z.string(),
      filedOn: z.string().nullable(),
      late: z.boolean().nullable(),
      certificateWithheld: z.boolean().nullable(),
    })
    .nullable(),
  modification: z
    .object({
      step: z.string(),
      trigger: z.string(),
      adjustmentDocNo: z.string(),
      adjustmentApprovedOn: z.string(),
    })
    .nullable(),
  refiledCount: z.number().int(),
});

export type LinkageBreachView = z.infer<typeof linkageBreachView>;
export type LinkageSummaryView = z.infer<typeof linkageSummaryView>;
export type LinkageAreaView = z.infer<typeof linkageAreaView>;

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** Months from `from` to `to`, both included ('YYYY-MM'). */
const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
};

const areaOf = (plots: readonly Plot[]): string => hectaresString(sumAreas(plots.map((p) => parseHectares(p.areaHa))));

/** The area still reports progress monthly until its acceptance (T35). */
const reportsProgress = (area: LinkageArea): boolean =>
  area.status === 'OVERALL_APPROVED' || area.status === 'BASIC_INFO_FILED';

const missingMonthsOf = (area: LinkageArea, on: string): string[] => {
  if (!reportsProgress(area)) return [];
  const filed = new Set(area.progress.map((p) => p.month));
  const current = on.slice(0, 7);
  return monthsBetween(area.overall.approvedOn.slice(0, 7), current)
    .filter((m) => m < current)
    .filter((m) => !filed.has(m));
};

const nextDueOf = (area: LinkageArea, on: string): LinkageSummaryView['nextDue'] => {
  const due: LinkageSummaryView['nextDue'] = [];
  if (reportsProgress(area)) {
    const missing = missingMonthsOf(area, on);
    const filed = new Set(area.progress.map((p) => p.month));
    let month = missing[0] ?? on.slice(0, 7);
    while (filed.has(month)) month = nextMonth(month);
    due.push({ rule: 'T35', month, overdue: missing.length > 0 });
  }
  if (area.status === 'ACCEPTED' && area.acceptance !== null) {
    const { dueDate } = area.acceptance.filingDue;
    due.push({ rule: 'T36', dueDate, overdue: on > dueDate });
  }
  return due;
};

const lastMonth = (area: LinkageArea): string | null =>
  area.progress.reduce<string | null>((last, p) => (last === null || p.month > last ? p.month : last), null);

/** The area's breaches (the domain's), each with the id of the event that recorded it when the row knows it. */
const breachesOf = (area: LinkageArea, stored: readonly LinkageBreachView[]): LinkageBreachView[] =>
  (area.breaches ?? []).map((b) => {
    const eventId = stored.find((s) => s.rule === b.rule && s.subject === b.subject)?.eventId;
    return {
      rule: b.rule,
      subject: b.subject,
      dueDate: b.dueDate,
      overdueOn: b.overdueOn,
      ...(eventId === undefined ? {} : { eventId }),
    };
  });

export const linkageSummaryOf = (
  area: LinkageArea,
  revision: number,
  on: string,
  breaches: readonly LinkageBreachView[] = [],
): LinkageSummaryView => ({
  linkageId: area.linkageId,
  name: area.name,
  jurisdiction: area.jurisdiction,
  variant: area.variant,
  status: area.status,
  turnoverQuotaHa: area.overall.turnoverQuotaHa,
  modificationStep: area.modification?.step ?? null,
  lastProgressMonth: lastMonth(area),
  nextDue: nextDueOf(area, on),
  breaches: breachesOf(area, breaches),
  revision,
});

export const linkageViewOf = (
  area: LinkageArea,
  revision: number,
  on: string,
  breaches: readonly LinkageBreachView[] = [],
): LinkageAreaView => ({
  ...linkageSummaryOf(area, revision, on, breaches),
  overall: area.overall,
  basicInfo: area.basicInfo,
  plots: {
    demolition: [...area.demolitionPlots],
    construction: [...area.constructionPlots],
    demolitionAreaHa: areaOf(area.demolitionPlots),
    constructionAreaHa: areaOf(area.constructionPlots),
  },
  progress: {
    months: [...area.progress].sort((a, b) => (a.month < b.month ? -1 : 1)),
    missingMonths: missingMonthsOf(area, on),
  },
  acceptance:
    area.acceptance === null
      ? null
      : {
          acceptedOn: area.acceptance.acceptedOn,
          documentNo: area.acceptance.documentNo,
          dueDate: area.acceptance.filingDue.dueDate,
          provisional: area.acceptance.filingDue.provisional,
          calendarVersion: area.acceptance.filingDue.calendarVersion,
          filedOn: area.acceptanceFiling?.filedOn ?? null,
          late: area.acceptanceFiling?.late ?? null,
          certificateWithheld: area.acceptanceFiling?.certificateWithheld ?? null,
        },
  modification:
    area.modification === null
      ? null
      : {
          step: area.modification.step,
          trigger: area.modification.trigger,
          adjustmentDocNo: area.modification.adjustmentDocNo,
          adjustmentApprovedOn: area.modification.adjustmentApprovedOn,
        },
  refiledCount: area.refiledCount,
});
