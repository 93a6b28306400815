/** The deadline engine's one code: a policy applied to a parcel of another jurisdiction. */
import { failWith } from '../errors.js';
import type { ErrorCatalogue } from '../errors.js';

export const DEADLINE_ERRORS = {
  POLICY_JURISDICTION_MISMATCH: 'rule',
} as const satisfies ErrorCatalogue;

export const fail = failWith(DEADLINE_ERRORS);
