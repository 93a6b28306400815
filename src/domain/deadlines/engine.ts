/**
 * obligationsOf: the open obligations of a parcel with their due dates, a pure function of the
 * parcel state and the policy (DOMAIN.md §4). Sagas schedule timers from it, projections show
 * the next deadline; the same state and policy always give the same list in the same order.
 */
import { fail } from './errors.js';
import type { ParcelState } from '../parcel/index.js';
import { parcelCalendarOf } from '../parcel/state.js';
import { deadlineKey } from '../parcel/calendar/types.js';
import type { Policy } from '../policy/index.js';
import type { RuleInput } from './build.js';
import { contractSigning, grantFollowUp } from './contract.js';
import { deliveryObligations } from './delivery.js';
import { idleObligations } from './idle.js';
import { marketObligations } from './market.js';
import { typeBDetection } from './idle-type-b.js';
import type { TypeBProgress } from './idle-type-b.js';
import { paymentObligations } from './payment.js';
import { scheduleObligations } from './schedule.js';
import type { Obligation } from './types.js';

export interface ObligationOptions {
  /** Patrol evidence for type-B idle detection (T20), which the parcel state does not carry. */
  readonly typeBProgress?: TypeBProgress | null;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By due date, then rule id, then subject and description so ties are ordered too. */
export const byDueDate = (a: Obligation, b: Obligation): number =>
  compare(a.dueDate, b.dueDate) ||
  compare(a.ruleId, b.ruleId) ||
  compare(a.subject ?? '', b.subject ?? '') ||
  compare(a.description, b.description);

// Same reading as policyFor: 'CN-JS' covers 'CN-JS-3201', 'CN' covers every code.
const checkJurisdiction = (policy: Policy, jurisdiction: string): void => {
  if (jurisdiction !== policy.jurisdiction && !jurisdiction.startsWith(`${policy.jurisdiction}-`)) {
    fail('POLICY_JURISDICTION_MISMATCH', `Policy ${policy.version} does not cover jurisdiction ${jurisdiction}`, {
      field: 'jurisdiction',
      jurisdiction,
      policyJurisdiction: policy.jurisdiction,
    });
  }
};

const unsorted = (state: ParcelState, policy: Policy, options: ObligationOptions): Obligation[] => {
  switch (state.status) {
    case 'NEW':
    case 'SUPPLY_ABORTED':
      return [];
    case 'DEAL_CONCLUDED':
      checkJurisdiction(policy, state.deal.jurisdiction);
      return contractSigning(state.deal, policy);
    case 'GRANTED':
    case 'DELIVERED':
    case 'CERTIFIED':
    case 'STARTED':
    case 'COMPLETED':
    case 'TERMINATED':
    case 'REVOKED':
    case 'RECOVERED': {
      checkJurisdiction(policy, state.facts.jurisdiction);
      const input: RuleInput = { status: state.status, facts: state.facts, policy };
      return [
        ...grantFollowUp(input),
        ...paymentObligations(input),
        ...deliveryObligations(input),
        ...scheduleObligations(input),
        ...idleObligations(input),
        ...marketObligations(input),
        ...typeBDetection(input, options.typeBProgress ?? null),
      ];
    }
    default: {
      const _never: never = state;
      return _never;
    }
  }
};

/**
 * A deadline held for review (a calendar change would have shortened it, §11.4.3) keeps the date
 * it was communicated with, open or kept, until a reviewer applies the earlier one.
 */
const withHolds = (state: ParcelState, obligations: Obligation[]): Obligation[] => {
  const pins = parcelCalendarOf(state)?.pins ?? [];
  if (pins.length === 0) return obligations;
  const held = new Map(pins.map((p) => [deadlineKey(p), p]));
  return obligations.map((o) => {
    const pin = held.get(deadlineKey(o));
    if (pin === undefined || pin.newDate !== o.dueDate) return o;
    const hold = {
      reviewId: pin.reviewId,
      status: pin.status,
      proposedDate: pin.newDate,
      calendarVersion: pin.calendarVersion,
    };
    return { ...o, dueDate: pin.oldDate, hold };
  });
};

export const obligationsOf = (state: ParcelState, policy: Policy, options: ObligationOptions = {}): Obligation[] =>
  withHolds(state, unsorted(state, policy, options)).sort(byDueDate);
