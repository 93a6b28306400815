import type { Decider } from '../decider.js';
import { makeDecide } from './decide.js';
import { evolve, initialState } from './evolve.js';
import { DEFAULT_DECISION_OPTIONS, type DecisionOptions } from './options.js';
import type { DecisionCommand, DecisionEvent, DecisionState } from './types.js';

export * from './types.js';
export { DECISION_COMMANDS } from './commands.js';
export { DECISION_ERRORS, type DecisionErrorCode } from './errors.js';
export { reservePriceCommitment, MIN_SALT_LENGTH } from './pricing/commitment.js';
export { authorisesParcel, approvedPlanFor, parcelInDecision } from './queries.js';
export { DEFAULT_DECISION_OPTIONS } from './options.js';
export type { DecisionOptions } from './options.js';

/** Stream `decision-<id>` (DOMAIN.md §10.1). */
export { decisionStream } from '../streams.js';

export const createDecisionDecider = (
  options: Partial<DecisionOptions> = {},
): Decider<DecisionCommand, DecisionEvent, DecisionState> => ({
  decide: makeDecide({ ...DEFAULT_DECISION_OPTIONS, ...options }),
  evolve,
  initialState,
});

export const decisionDecider = createDecisionDecider();
