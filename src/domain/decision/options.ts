import { policyFor } from '../policy/index.js';
import type { Policy } from '../policy/types.js';
import { fail } from '../errors.js';
import type { Department } from './model.js';
import type { DecisionRecord, DecisionState } from './types.js';

/**
 * What varies by jurisdiction comes from the policy of the meeting's jurisdiction
 * (`policy.requiredDecisionDepartments`, S4 §二 in Jiangsu). `requiredDepartments` overrides
 * that list for every jurisdiction (null = use the policy's).
 */
export interface DecisionOptions {
  readonly requiredDepartments: readonly Department[] | null;
  readonly policyFor: (jurisdiction: string) => Policy;
}

export const DEFAULT_DECISION_OPTIONS: DecisionOptions = {
  requiredDepartments: null,
  policyFor,
};

export const isBlank = (text: string | null | undefined): boolean =>
  text === null || text === undefined || text.trim() === '';

/** The meeting record; every command but HoldMeeting needs the meeting to have been held. */
export const requireMeeting = (state: DecisionState): DecisionRecord & { readonly status: 'CONVENED' | 'PLAN_APPROVED' } =>
  state.status === 'NONE'
    ? fail('MEETING_NOT_HELD', 'no collective decision meeting has been recorded', { rule: '§10.1' })
    : state;
