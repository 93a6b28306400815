import type { DomainEvent } from '../../decider.js';
import type { SupplyPlan } from './schemas.js';

/** The plan as approved: when, and under which policy version. */
export type ApprovedPlan = SupplyPlan & { readonly approvedAt: string; readonly policyVersion: string };

export type SupplyPlanApproved = DomainEvent<'SupplyPlanApproved', ApprovedPlan>;
