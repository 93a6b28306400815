import { policyFor } from '../policy/index.js';
import type { Policy } from '../policy/types.js';
import type { Department } from './departments.js';

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
