import { policyFor } from '../policy/index.js';
import type { Policy } from '../policy/types.js';
import { fail } from '../errors.js';
import { DEFAULT_REQUIRED_DEPARTMENTS, type Department } from './model.js';
import type { DecisionRecord, DecisionState } from './types.js';

/**
 * What varies by jurisdiction. The required departments come from Jiangsu's S4 §二; the Policy
 * type has no field for them yet, so they are a decider option with S4's list as the default.
 */
export interface DecisionOptions {
  readonly requiredDepartments: readonly Department[];
  readonly policyFor: (jurisdiction: string) => Policy;
}

export const DEFAULT_DECISION_OPTIONS: DecisionOptions = {
  requiredDepartments: DEFAULT_REQUIRED_DEPARTMENTS,
  policyFor,
};

export const isBlank = (text: string | null | undefined): boolean =>
  text === null || text === undefined || text.trim() === '';

/** The meeting record; every command but HoldMeeting needs the meeting to have been held. */
export const requireMeeting = (state: DecisionState): DecisionRecord & { readonly status: 'CONVENED' | 'PLAN_APPROVED' } =>
  state.status === 'NONE'
    ? fail('MEETING_NOT_HELD', 'no collective decision meeting has been recorded', { rule: '§10.1' })
    : state;
