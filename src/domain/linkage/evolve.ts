import type { LinkageEvent } from './events.js';
import type { LinkageArea, LinkageState } from './types.js';

export const initialState = (): LinkageState => ({ status: 'NONE' });

/** Applies one event; events that do not fit the state are ignored (Decider contract). */
export const evolve = (state: LinkageState, event: LinkageEvent): LinkageState => {
  if (event.type === 'LinkageOverallApproved') {
    if (state.status !== 'NONE') return state;
    const d = event.data;
    return {
      status: 'OVERALL_APPROVED',
      linkageId: d.linkageId,
      jurisdiction: d.jurisdiction,
      variant: d.variant,
      name: d.name,
      overall: { approvalDocNo: d.approvalDocNo, approvedOn: d.approvedOn, turnoverQuotaHa: d.turnoverQuotaHa },
      basicInfo: null,
      demolitionPlots: [],
      constructionPlots: [],
      progress: [],
      acceptance: null,
      acceptanceFiling: null,
      modification: null,
      refiledCount: 0,
    };
  }
  if (state.status === 'NONE') return state;
  const a: LinkageArea = state;
  const step = (next: Partial<NonNullable<LinkageArea['modification']>>): LinkageState =>
    a.modification === null ? a : { ...a, modification: { ...a.modification, ...next } };
  switch (event.type) {
    case 'LinkageBasicInfoFiled': {
      const { filedOn, scaleHa, location, approval, demolitionPlots, constructionPlots } = event.data;
      return {
        ...a,
        status: 'BASIC_INFO_FILED',
        basicInfo: { filedOn, scaleHa, location, approval },
        demolitionPlots,
        constructionPlots,
      };
    }
    case 'LinkageProgressFiled': {
      const { linkageId: _id, ...month } = event.data;
      return { ...a, progress: [...a.progress, month] };
    }
    case 'LinkageAccepted': {
      const { acceptedOn, documentNo, filingDue } = event.data;
      return { ...a, status: 'ACCEPTED', acceptance: { acceptedOn, documentNo, filingDue } };
    }
    case 'LinkageAcceptanceFiled': {
      const { filedOn, late, certificateWithheld } = event.data;
      return { ...a, status: 'ACCEPTANCE_FILED', acceptanceFiling: { filedOn, late, certificateWithheld } };
    }
    case 'ImplementationPlanAdjustmentApproved':
      return {
        ...a,
        modification: {
          step: 'PLAN_ADJUSTED',
          trigger: event.data.trigger,
          adjustmentDocNo: event.data.documentNo,
          adjustmentApprovedOn: event.data.approvedOn,
          change: null,
        },
      };
    case 'RecordReturnRequested':
      return step({ step: 'RETURN_REQUESTED' });
    case 'RecordReturned':
      return step({ step: 'RETURNED' });
    case 'RecordModified':
      return step({ step: 'MODIFIED', change: { movedIn: event.data.movedIn, movedOut: event.data.movedOut } });
    case 'RecordModificationReviewed':
      // Sent back: the city/county modifies again (S2-SC §三(二)).
      return step({ step: event.data.outcome === 'APPROVED' ? 'REVIEWED' : 'RETURNED' });
    case 'RecordRefiled':
      return {
        ...a,
        demolitionPlots: event.data.demolitionPlots,
        constructionPlots: event.data.constructionPlots,
        modification: null,
        refiledCount: a.refiledCount + 1,
      };
    case 'LinkageProgressOverdue': {
      const { month, dueDate, overdueOn } = event.data;
      return { ...a, breaches: [...(a.breaches ?? []), { rule: 'T35', subject: month, dueDate, overdueOn }] };
    }
    case 'LinkageAcceptanceFilingOverdue': {
      const { dueDate, overdueOn } = event.data;
      return { ...a, breaches: [...(a.breaches ?? []), { rule: 'T36', subject: null, dueDate, overdueOn }] };
    }
    default:
      return a;
  }
};
