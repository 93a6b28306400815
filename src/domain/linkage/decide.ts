/**
 * The linkage project area's decide (DOMAIN.md §9, T35, T36, L1–L4). Pure: today is the Shanghai
 * date of `context.now`; the working calendar comes from the CalendarSource the decider is built
 * with (the service's: the log's notices; tests: the seed).
 */
import { addWorkingDays, shanghaiDate, type CalendarSource } from '../calendar/index.js';
import { instantMillis } from '../instant.js';
import type { DueStamp, LinkageEvent, LinkageVariant, PlotChange } from './events.js';
import { decideDeadlineMissed } from './deadlines.js';
import { plotEligibility } from './eligibility.js';
import { fail } from './errors.js';
import type { Plot } from './schemas.js';
import {
  ADJUSTMENT_TRIGGERS,
  CITY_COUNTY,
  PROVINCE,
  type LinkageArea,
  type LinkageCommand,
  type LinkageDeciderCommand,
  type LinkageState,
  type ModificationStep,
} from './types.js';
import { linkageVariantFor } from './variant.js';

/** T36 (S2-MLR §二(二)): the acceptance is filed within 10 working days of the acceptance. */
export const ACCEPTANCE_FILING_WORKING_DAYS = 10;

type CommandOf<T extends LinkageCommand['type']> = Extract<LinkageCommand, { type: T }>;

interface Ctx {
  readonly today: string;
  readonly calendars: CalendarSource;
}

const notAfterToday = (date: string, field: string, ctx: Ctx): string =>
  date > ctx.today ? fail('DATE_IN_FUTURE', `${field} ${date} is after today (${ctx.today})`, { field }) : date;

const notBefore = (date: string, anchor: string, field: string, what: string, rule: string): string =>
  date < anchor ? fail('DATE_BEFORE_ANCHOR', `${field} ${date} is before ${what} (${anchor})`, { field, rule }) : date;

/** The area as it must be for a filing act: approved, basic info filed, not yet accepted. */
const area = (state: LinkageState, command: string): LinkageArea => {
  if (state.status === 'NONE') {
    return fail('LINKAGE_NOT_APPROVED', `${command}: the project area has no overall approval`, { rule: '§9.1' });
  }
  return state;
};

const implementing = (state: LinkageState, command: string): LinkageArea => {
  const a = area(state, command);
  if (a.status === 'OVERALL_APPROVED') {
    fail('BASIC_INFO_NOT_FILED', `${command}: the project area's basic information is not filed yet`, {
      rule: '§9.1',
      status: a.status,
    });
  }
  if (a.status === 'ACCEPTED' || a.status === 'ACCEPTANCE_FILED') {
    fail('LINKAGE_ALREADY_ACCEPTED', `${command}: the project area was accepted on ${a.acceptance?.acceptedOn}`, {
      rule: '§9.1',
      status: a.status,
    });
  }
  return a;
};

const noDuplicates = (lists: readonly (readonly [string, readonly Plot[]])[]): void => {
  const seen = new Set<string>();
  for (const [field, plots] of lists) {
    plots.forEach((plot, i) => {
      if (seen.has(plot.plotId)) {
        fail('DUPLICATE_PLOT', `plot ${plot.plotId} appears twice`, { field: `${field}.${i}.plotId`, rule: '§9.1' });
      }
      seen.add(plot.plotId);
    });
  }
};

// ---------------------------------------------------------------------------------------------
// Filing (§9.1, §9.2)

const approveOverall = (command: CommandOf<'ApproveLinkageOverall'>, state: LinkageState, ctx: Ctx): LinkageEvent[] => {
  const { data } = command;
  if (state.status !== 'NONE') {
    fail('LINKAGE_ALREADY_APPROVED', `project area ${state.linkageId} already has its overall approval`, {
      rule: '§9.1',
    });
  }
  const variant = linkageVariantFor(data.jurisdiction);
  if (variant === null) {
    fail(
      'LINKAGE_JURISDICTION_INVALID',
      `a project area lies in a city or county ('CN-SC-5101'), not '${data.jurisdiction}'`,
      { field: 'jurisdiction', rule: '§9.1' },
    );
  }
  notAfterToday(data.approvedOn, 'approvedOn', ctx);
  return [
    {
      type: 'LinkageOverallApproved',
      data: {
        linkageId: data.linkageId,
        jurisdiction: data.jurisdiction,
        variant: variant as LinkageVariant,
        name: data.name,
        approvalDocNo: data.approvalDocNo,
        approvedOn: data.approvedOn,
        turnoverQuotaHa: data.turnoverQuotaHa,
      },
    },
  ];
};

const fileBasicInfo = (command: CommandOf<'FileLinkageBasicInfo'>, state: LinkageState, ctx: Ctx): LinkageEvent[] => {
  const a = area(state, command.type);
  if (a.status !== 'OVERALL_APPROVED') {
    fail(
      'BASIC_INFO_ALREADY_FILED',
      `the basic information was filed on ${a.basicInfo?.filedOn}; changes go through the modification workflow (§9.3)`,
      { rule: '§9.3', status: a.status },
    );
  }
  const { data } = command;
  notAfterToday(data.approval.approvedOn, 'approval.approvedOn', ctx);
  noDuplicates([
    ['demolitionPlots', data.demolitionPlots],
    ['constructionPlots', data.constructionPlots],
  ]);
  return [
    {
      type: 'LinkageBasicInfoFiled',
      data: {
        linkageId: a.linkageId,
        filedOn: ctx.today,
        scaleHa: data.scaleHa,
        location: data.location,
        approval: { documentNo: data.approval.documentNo, approvedOn: data.approval.approvedOn },
        demolitionPlots: data.demolitionPlots,
        constructionPlots: data.constructionPlots,
      },
    },
  ];
};

const fileProgress = (command: CommandOf<'FileLinkageProgress'>, state: LinkageState, ctx: Ctx): LinkageEvent[] => {
  const a = implementing(state, command.type);
  const { data } = command;
  const filed = a.progress.find((p) => p.month === data.month);
  if (filed !== undefined) {
    fail('PROGRESS_MONTH_ALREADY_FILED', `the progress of ${data.month} was filed on ${filed.filedOn}`, {
      field: 'month',
      rule: 'T35',
    });
  }
  const first = a.overall.approvedOn.slice(0, 7);
  const current = ctx.today.slice(0, 7);
  if (data.month < first || data.month > current) {
    fail(
      'PROGRESS_MONTH_OUT_OF_RANGE',
      `month ${data.month} is not between the overall approval (${first}) and now (${current})`,
      {
        field: 'month',
        rule: 'T35',
      },
    );
  }
  return [
    {
      type: 'LinkageProgressFiled',
      data: {
        linkageId: a.linkageId,
        month: data.month,
        filedOn: ctx.today,
        reclaimedAreaHa: data.reclaimedAreaHa,
        newConstructionAreaHa: data.newConstructionAreaHa,
        farmersResettled: data.farmersResettled,
        fundsUsedFen: data.fundsUsedFen,
      },
    },
  ];
};

/** T36's due date: 10 working days after the acceptance, on the jurisdiction's current calendar. */
export const acceptanceFilingDue = (calendars: CalendarSource, jurisdiction: string, acceptedOn: string): DueStamp => {
  const calendar = calendars.current(jurisdiction);
  const due = addWorkingDays(calendar, acceptedOn, ACCEPTANCE_FILING_WORKING_DAYS);
  return { rule: 'T36', dueDate: due.date, calendarVersion: calendar.version, provisional: due.provisional };
};

const recordAcceptance = (
  command: CommandOf<'RecordLinkageAcceptance'>,
  state: LinkageState,
  ctx: Ctx,
): LinkageEvent[] => {
  const a = implementing(state, command.type);
  if (a.modification !== null) {
    fail('MODIFICATION_ALREADY_OPEN', 'the record is being modified (§9.3): refile it before the acceptance', {
      rule: '§9.3',
      step: a.modification.step,
    });
  }
  const { data } = command;
  notAfterToday(data.acceptedOn, 'acceptedOn', ctx);
  notBefore(data.acceptedOn, a.overall.approvedOn, 'acceptedOn', 'the overall approval', '§9.1');
  return [
    {
      type: 'LinkageAccepted',
      data: {
        linkageId: a.linkageId,
        acceptedOn: data.acceptedOn,
        documentNo: data.documentNo,
        filingDue: acceptanceFilingDue(ctx.calendars, a.jurisdiction, data.acceptedOn),
      },
    },
  ];
};

/** T36: a late filing is recorded and flagged, never refused (Sichuan: the certificate is withheld). */
const fileAcceptance = (command: CommandOf<'FileLinkageAcceptance'>, state: LinkageState, ctx: Ctx): LinkageEvent[] => {
  const a = area(state, command.type);
  if (a.status === 'ACCEPTANCE_FILED') {
    fail('ACCEPTANCE_ALREADY_FILED', `the acceptance was filed on ${a.acceptanceFiling?.filedOn}`, { rule: 'T36' });
  }
  if (a.status !== 'ACCEPTED' || a.acceptance === null) {
    return fail('LINKAGE_NOT_ACCEPTED', 'the project area has not been accepted yet', {
      rule: 'T36',
      status: a.status,
    });
  }
  const { data } = command;
  notAfterToday(data.filedOn, 'filedOn', ctx);
  notBefore(data.filedOn, a.acceptance.acceptedOn, 'filedOn', 'the acceptance', 'T36');
  const late = data.filedOn > a.acceptance.filingDue.dueDate;
  return [
    {
      type: 'LinkageAcceptanceFiled',
      data: {
        linkageId: a.linkageId,
        ...a.acceptance.filingDue,
        filedOn: data.filedOn,
        late,
        certificateWithheld: late && a.variant === 'SICHUAN',
        reclaimedAreaHa: data.reclaimedAreaHa,
        newConstructionAreaHa: data.newConstructionAreaHa,
        resettlementCompensationFen: data.resettlementCompensationFen,
        benefitDistribution: data.benefitDistribution,
      },
    },
  ];
};

// ---------------------------------------------------------------------------------------------
// Modification (§9.3, §9.4)

const STEPS: readonly ModificationStep[] = ['PLAN_ADJUSTED', 'RETURN_REQUESTED', 'RETURNED', 'MODIFIED', 'REVIEWED'];
const MISSING = {
  RETURN_REQUESTED: 'RETURN_NOT_REQUESTED',
  RETURNED: 'RECORD_NOT_RETURNED',
  MODIFIED: 'RECORD_NOT_MODIFIED',
  REVIEWED: 'MODIFICATION_NOT_REVIEWED',
} as const;
const DONE = {
  RETURN_REQUESTED: 'RETURN_ALREADY_REQUESTED',
  RETURNED: 'RECORD_ALREADY_RETURNED',
  MODIFIED: 'RECORD_ALREADY_MODIFIED',
  REVIEWED: 'MODIFICATION_ALREADY_REVIEWED',
} as const;

/** The open modification at exactly `needed`; otherwise the code names the step missing or already done. */
const atStep = (
  state: LinkageState,
  command: string,
  needed: ModificationStep,
): LinkageArea & { modification: NonNullable<LinkageArea['modification']> } => {
  const a = area(state, command);
  const modification = a.modification;
  if (modification === null) {
    return fail('NO_PLAN_ADJUSTMENT', `${command}: no approved adjustment of the implementation plan is open`, {
      rule: '§9.3',
    });
  }
  const have = STEPS.indexOf(modification.step);
  const want = STEPS.indexOf(needed);
  const details = { rule: '§9.3', step: modification.step, expected: needed };
  if (have < want) {
    const missing = STEPS[have + 1] as keyof typeof MISSING;
    fail(
      MISSING[missing],
      `${command} needs the step ${missing} first (the modification is at ${modification.step})`,
      details,
    );
  }
  if (have > want) {
    const done = STEPS[want + 1] as keyof typeof DONE;
    fail(DONE[done], `${command}: the modification is already past it (at ${modification.step})`, details);
  }
  return { ...a, modification };
};

/** §9.3, §14 Q7: who modifies (and refiles) the record: the province (MLR), the city/county (Sichuan). */
export const modifierOf = (variant: LinkageVariant): string => (variant === 'MLR' ? PROVINCE : CITY_COUNTY);

const requireModifier = (a: LinkageArea, role: string, command: string): void => {
  const party = modifierOf(a.variant);
  if (role !== party) {
    fail(
      'ROLE_NOT_ALLOWED',
      `${command}: under the ${a.variant} text the record is modified and refiled by ${party === PROVINCE ? 'the province' : 'the city/county'} (${party})`,
      { field: 'context.actor.role', rule: 'Q7', variant: a.variant },
    );
  }
};

const approveAdjustment = (
  command: CommandOf<'ApproveImplementationPlanAdjustment'>,
  state: LinkageState,
  ctx: Ctx,
): LinkageEvent[] => {
  const a = implementing(state, command.type);
  if (a.modification !== null) {
    fail('MODIFICATION_ALREADY_OPEN', `a modification is open (at ${a.modification.step})`, {
      rule: '§9.3',
      step: a.modification.step,
    });
  }
  const { data } = command;
  const trigger = ADJUSTMENT_TRIGGERS.find((t) => t === data.trigger);
  if (trigger === undefined) {
    return fail(
      'ADJUSTMENT_TRIGGER_NOT_ALLOWED',
      `an implementation plan may be adjusted only when ${ADJUSTMENT_TRIGGERS.join(' or ')} (S2-MLR §三(一)), not '${data.trigger}'`,
      { field: 'trigger', rule: '§9.3', allowed: ADJUSTMENT_TRIGGERS },
    );
  }
  notAfterToday(data.approvedOn, 'approvedOn', ctx);
  notBefore(data.approvedOn, a.overall.approvedOn, 'approvedOn', 'the overall approval', '§9.3');
  return [
    {
      type: 'ImplementationPlanAdjustmentApproved',
      data: {
        linkageId: a.linkageId,
        trigger,
        documentNo: data.documentNo,
        approvedOn: data.approvedOn,
        reason: data.reason,
      },
    },
  ];
};

const requestReturn = (command: CommandOf<'RequestRecordReturn'>, state: LinkageState): LinkageEvent[] => {
  const a = atStep(state, command.type, 'PLAN_ADJUSTED');
  return [
    {
      type: 'RecordReturnRequested',
      data: { linkageId: a.linkageId, documentNo: command.data.documentNo, requestedAt: command.context.now },
    },
  ];
};

const returnRecord = (command: CommandOf<'ReturnRecord'>, state: LinkageState): LinkageEvent[] => {
  const a = atStep(state, command.type, 'RETURN_REQUESTED');
  return [
    {
      type: 'RecordReturned',
      data: { linkageId: a.linkageId, note: command.data.note, returnedAt: command.context.now },
    },
  ];
};

const modify = (command: CommandOf<'ModifyRecord'>, state: LinkageState): LinkageEvent[] => {
  const a = atStep(state, command.type, 'RETURNED');
  requireModifier(a, command.context.actor.role, command.type);
  const { movedIn, movedOut } = command.data;
  noDuplicates([
    ['movedIn.demolition', movedIn.demolition],
    ['movedIn.construction', movedIn.construction],
    ['movedOut.demolition', movedOut.demolition],
    ['movedOut.construction', movedOut.construction],
  ]);
  const inRecord = new Set([...a.demolitionPlots, ...a.constructionPlots].map((p) => p.plotId));
  for (const [field, list, own] of [
    ['movedOut.demolition', movedOut.demolition, a.demolitionPlots],
    ['movedOut.construction', movedOut.construction, a.constructionPlots],
  ] as const) {
    list.forEach((plot, i) => {
      if (!own.some((p) => p.plotId === plot.plotId)) {
        fail('PLOT_NOT_IN_RECORD', `plot ${plot.plotId} is not a ${field.split('.')[1]} plot of the record`, {
          field: `${field}.${i}.plotId`,
          rule: '§9.3',
        });
      }
    });
  }
  for (const [field, list] of [
    ['movedIn.demolition', movedIn.demolition],
    ['movedIn.construction', movedIn.construction],
  ] as const) {
    list.forEach((plot, i) => {
      if (inRecord.has(plot.plotId)) {
        fail('PLOT_ALREADY_IN_RECORD', `plot ${plot.plotId} is already in the record`, {
          field: `${field}.${i}.plotId`,
          rule: '§9.3',
        });
      }
    });
  }
  const change: PlotChange = { movedIn, movedOut };
  const failures = plotEligibility(change, a.variant);
  if (failures.length > 0) {
    const first = failures[0] as (typeof failures)[number];
    fail(
      'PLOT_NOT_ELIGIBLE',
      `the adjusted plots fail ${failures.length} rule(s): ${failures.map((f) => `${f.rule} ${f.field}`).join('; ')}`,
      { rule: first.rule, field: first.field, errors: failures },
    );
  }
  return [
    {
      type: 'RecordModified',
      data: {
        linkageId: a.linkageId,
        movedIn,
        movedOut,
        note: command.data.note,
        modifiedAt: command.context.now,
        modifiedByRole: command.context.actor.role,
      },
    },
  ];
};

const review = (command: CommandOf<'ReviewRecordModification'>, state: LinkageState): LinkageEvent[] => {
  const a0 = area(state, command.type);
  if (a0.variant !== 'SICHUAN') {
    fail('REVIEW_NOT_IN_VARIANT', "the province's review of a modification is Sichuan's step only (S2-SC §三(二))", {
      rule: '§9.3',
      variant: a0.variant,
    });
  }
  const a = atStep(state, command.type, 'MODIFIED');
  return [
    {
      type: 'RecordModificationReviewed',
      data: {
        linkageId: a.linkageId,
        outcome: command.data.outcome,
        opinion: command.data.opinion,
        reviewedAt: command.context.now,
      },
    },
  ];
};

/** The record's plots after a change: moved-out plots leave, moved-in plots join. */
export const applyPlotChange = (
  a: Pick<LinkageArea, 'demolitionPlots' | 'constructionPlots'>,
  change: PlotChange,
): { demolitionPlots: Plot[]; constructionPlots: Plot[] } => {
  const without = (plots: readonly Plot[], out: readonly Plot[]) =>
    plots.filter((p) => !out.some((o) => o.plotId === p.plotId));
  return {
    demolitionPlots: [...without(a.demolitionPlots, change.movedOut.demolition), ...change.movedIn.demolition],
    constructionPlots: [...without(a.constructionPlots, change.movedOut.construction), ...change.movedIn.construction],
  };
};

const refile = (command: CommandOf<'RefileRecord'>, state: LinkageState, ctx: Ctx): LinkageEvent[] => {
  const a0 = area(state, command.type);
  const a = atStep(state, command.type, a0.variant === 'SICHUAN' ? 'REVIEWED' : 'MODIFIED');
  requireModifier(a, command.context.actor.role, command.type);
  notAfterToday(command.data.filedOn, 'filedOn', ctx);
  notBefore(command.data.filedOn, a.modification.adjustmentApprovedOn, 'filedOn', 'the plan adjustment', '§9.3');
  const change = a.modification.change as PlotChange;
  return [
    {
      type: 'RecordRefiled',
      data: { linkageId: a.linkageId, filedOn: command.data.filedOn, ...applyPlotChange(a, change) },
    },
  ];
};

export const makeDecide =
  (calendars: CalendarSource) =>
  (command: LinkageDeciderCommand, state: LinkageState): readonly LinkageEvent[] => {
    const ctx: Ctx = { today: shanghaiDate(command.context.now), calendars };
    instantMillis(command.context.now, 'context.now');
    switch (command.type) {
      case 'ApproveLinkageOverall':
        return approveOverall(command, state, ctx);
      case 'FileLinkageBasicInfo':
        return fileBasicInfo(command, state, ctx);
      case 'FileLinkageProgress':
        return fileProgress(command, state, ctx);
      case 'RecordLinkageAcceptance':
        return recordAcceptance(command, state, ctx);
      case 'FileLinkageAcceptance':
        return fileAcceptance(command, state, ctx);
      case 'ApproveImplementationPlanAdjustment':
        return approveAdjustment(command, state, ctx);
      case 'RequestRecordReturn':
        return requestReturn(command, state);
      case 'ReturnRecord':
        return returnRecord(command, state);
      case 'ModifyRecord':
        return modify(command, state);
      case 'ReviewRecordModification':
        return review(command, state);
      case 'RefileRecord':
        return refile(command, state, ctx);
      case 'RecordLinkageDeadlineMissed':
        return decideDeadlineMissed(command, state);
      default: {
        const _never: never = command;
        return fail('UNKNOWN_COMMAND', `unknown command ${(_never as { type: string }).type}`);
      }
    }
  };
