/** §3.3, S4 §二–§五: a reviewed plan is approved with its conditions; residential rules per policy. */
import { DomainError } from '../../errors.js';
import { LAND_USE_CLASSES, RESIDENTIAL_LAND_USE } from '../../filing/enumerations.js';
import { parseRatio, type Ratio } from '../../money.js';
import type { Policy } from '../../policy/types.js';
import { fail } from '../errors.js';
import { documentInstant, isBlank, requireMeeting, requireNotBefore } from '../guards.js';
import type { DecisionOptions } from '../options.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import { NET_LAND_ITEMS, type ApproveSupplyPlan } from './schemas.js';

const decimal = (text: string, field: string): Ratio => {
  try {
    return parseRatio(text);
  } catch (error) {
    if (error instanceof DomainError) return fail('DECIMAL_FORMAT', `${field} must be a decimal like '1.2'`, { field });
    throw error;
  }
};

/** −1, 0, 1 comparing two exact ratios (no binary floats). */
const compare = (a: Ratio, b: Ratio): number => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
};

/** S4 §五, per policy: FAR > minimum, no villas, no large units on cultivated land. */
const residentialGuards = (plan: ApproveSupplyPlan['data'], policy: Policy): void => {
  if (plan.farLowerBound !== null && plan.farUpperBound !== null) {
    if (compare(decimal(plan.farLowerBound, 'farLowerBound'), decimal(plan.farUpperBound, 'farUpperBound')) > 0) {
      fail('FAR_BOUNDS_INVERTED', 'the FAR lower bound exceeds the upper bound', { field: 'farLowerBound' });
    }
  }
  if (plan.landUse.code !== RESIDENTIAL_LAND_USE) return;
  const minFar = policy.residentialMinFarExclusive;
  if (minFar !== null) {
    if (
      plan.farLowerBound === null ||
      compare(decimal(plan.farLowerBound, 'farLowerBound'), decimal(minFar, 'policy')) <= 0
    ) {
      fail('RESIDENTIAL_FAR_TOO_LOW', `residential FAR lower bound must be greater than ${minFar}`, {
        field: 'farLowerBound',
        rule: 'S4 §五',
        policyVersion: policy.version,
      });
    }
  }
  if (policy.villaProhibited && plan.villaProduct) {
    fail('VILLA_PROHIBITED', 'no land may be supplied for villa-type development', {
      field: 'villaProduct',
      rule: 'S4 §五',
    });
  }
  const maxUnit = policy.maxUnitAreaOnCultivatedLand;
  if (maxUnit !== null && plan.usesCultivatedLand) {
    if (plan.maxUnitFloorAreaM2 === null) {
      fail('UNIT_AREA_REQUIRED', 'state the largest unit floor area when housing uses cultivated land', {
        field: 'maxUnitFloorAreaM2',
        rule: 'S4 §五',
      });
    } else if (compare(decimal(plan.maxUnitFloorAreaM2, 'maxUnitFloorAreaM2'), { num: BigInt(maxUnit), den: 1n }) > 0) {
      fail('UNIT_AREA_EXCEEDS_LIMIT', `no unit over ${maxUnit} m² on cultivated land`, {
        field: 'maxUnitFloorAreaM2',
        rule: 'S4 §五',
        policyVersion: policy.version,
      });
    }
  }
};

export const approveSupplyPlan = (
  command: ApproveSupplyPlan,
  state: DecisionState,
  options: DecisionOptions,
): readonly DecisionEvent[] => {
  const { data: plan, context } = command;
  const meeting = requireMeeting(state);
  const approvedAt = documentInstant(
    plan.approvedAt,
    'approvedAt',
    context.now,
    'APPROVED_AT_IN_FUTURE',
    'a plan is entered after it was approved',
  );
  // S4 §二: the plan is determined and approved through the collective review meeting.
  requireNotBefore(
    approvedAt,
    meeting.heldAt,
    'approvedAt',
    'APPROVED_AT_BEFORE_MEETING',
    'a supply plan is approved at or after the meeting that reviewed it',
    'S4 §二',
  );
  if (isBlank(plan.supplyPlanId))
    fail('SUPPLY_PLAN_ID_REQUIRED', 'supplyPlanId is required', { field: 'supplyPlanId' });
  if (plan.parcelIds.length === 0) {
    fail('PLAN_PARCELS_REQUIRED', 'a supply plan covers at least one parcel', { field: 'parcelIds', rule: 'S4 §三' });
  }
  if (meeting.approvedPlans.some((approved) => approved.supplyPlanId === plan.supplyPlanId)) {
    fail('SUPPLY_PLAN_ALREADY_APPROVED', `supply plan '${plan.supplyPlanId}' is already approved`, {
      field: 'supplyPlanId',
    });
  }
  const onAgenda =
    meeting.agenda.supplyPlanIds.includes(plan.supplyPlanId) ||
    plan.parcelIds.every((parcelId) => meeting.agenda.parcelIds.includes(parcelId));
  if (!onAgenda) {
    fail('NOT_ON_AGENDA', 'only a plan or parcels the meeting reviewed can be approved', {
      field: 'supplyPlanId',
      rule: 'S4 §二',
    });
  }
  if (!LAND_USE_CLASSES.some((landUse) => landUse.code === plan.landUse.code)) {
    fail('UNKNOWN_LAND_USE', `land use '${plan.landUse.code}' is not a construction-land class`, {
      field: 'landUse.code',
      rule: 'V10',
    });
  }
  const approver = plan.approver;
  if (approver === null || isBlank(approver.id) || isBlank(approver.name)) {
    return fail('APPROVER_REQUIRED', 'the approving government official is required', {
      field: 'approver',
      rule: 'S4 §二',
    });
  }
  const planningConditions = plan.planningConditions;
  if (planningConditions === null || isBlank(planningConditions.documentNo)) {
    return fail('PLANNING_CONDITIONS_MISSING', 'no supply without planning conditions', {
      field: 'planningConditions',
      rule: 'S4 §四',
    });
  }
  const unmet = (Object.keys(NET_LAND_ITEMS) as (keyof typeof NET_LAND_ITEMS)[]).filter(
    (item) => plan.netLand[item] !== true,
  );
  if (unmet.length > 0) {
    fail('NET_LAND_INCOMPLETE', `not net land: ${unmet.map((item) => NET_LAND_ITEMS[item]).join('; ')}`, {
      field: 'netLand',
      rule: 'S4 §五',
      items: unmet,
    });
  }
  const policy = options.policyFor(meeting.jurisdiction);
  residentialGuards(plan, policy);
  return [
    {
      type: 'SupplyPlanApproved',
      data: {
        supplyPlanId: plan.supplyPlanId,
        parcelIds: [...new Set(plan.parcelIds)],
        landUse: plan.landUse,
        supplyMethod: plan.supplyMethod,
        farLowerBound: plan.farLowerBound,
        farUpperBound: plan.farUpperBound,
        villaProduct: plan.villaProduct,
        usesCultivatedLand: plan.usesCultivatedLand,
        maxUnitFloorAreaM2: plan.maxUnitFloorAreaM2,
        netLand: plan.netLand,
        planningConditions,
        approver,
        approvedAt: plan.approvedAt,
        policyVersion: policy.version,
      },
    },
  ];
};
