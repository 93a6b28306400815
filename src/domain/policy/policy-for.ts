import { fail } from '../errors.js';
import { JIANGSU_POLICY } from './jiangsu.js';
import { NATIONAL_POLICY } from './national.js';
import type { Policy } from './types.js';

/** Every published policy; a new provincial overlay is one more entry here. */
export const POLICIES: readonly Policy[] = Object.freeze([NATIONAL_POLICY, JIANGSU_POLICY]);

// 'CN-JS' covers 'CN-JS' and 'CN-JS-…', but not a code that merely starts with the letters.
const covers = (scope: string, jurisdiction: string): boolean =>
  jurisdiction === scope || jurisdiction.startsWith(`${scope}-`);

/** The policy with the longest jurisdiction prefix: 'CN-JS-3201' → Jiangsu, 'CN-HA-4101' → national. */
export const policyFor = (jurisdiction: string): Policy => {
  let best: Policy | undefined;
  for (const policy of POLICIES) {
    if (covers(policy.jurisdiction, jurisdiction) && policy.jurisdiction.length > (best?.jurisdiction.length ?? -1)) {
      best = policy;
    }
  }
  return (
    best ??
    fail('JURISDICTION_UNKNOWN', `No policy covers jurisdiction ${JSON.stringify(jurisdiction)}`, {
      field: 'jurisdiction',
      value: jurisdiction,
    })
  );
};
