/**
 * Access to the open idle case with a guard on its status (§3.1 orthogonal sub-state).
 */
import { fail } from '../errors.js';
import type { IdleCase, IdleCaseStatus, ParcelFacts } from '../state.js';

export const requireCase = (facts: ParcelFacts, command: string, allowed: readonly IdleCaseStatus[]): IdleCase => {
  const idle = facts.idleCase;
  if (idle === null) return fail('NO_OPEN_IDLE_CASE', `${command} needs an open idle case`, { command, rule: '§3.4' });
  if (!allowed.includes(idle.status)) {
    return fail('INVALID_IDLE_CASE_STATE', `${command} is not allowed while the idle case is ${idle.status}`, {
      command,
      caseStatus: idle.status,
      rule: '§3.4',
    });
  }
  return idle;
};
