/** §3.3, S4 §二–§五: the supply plan put to approval after the meeting reviewed it. */
import { z } from 'zod';
import { id, instant, ratio, text } from '../../schema/fields.js';
import type { Command } from '../../decider.js';
import { LAND_USE_CLASSES, RESIDENTIAL_SUBCLASSES, SUPPLY_METHODS } from '../../filing/enumerations.js';

/** S4 §五 「净地」: each condition must hold before land may be supplied. */
export const NET_LAND_ITEMS = {
  readyForDevelopment: '具备动工开发基本条件',
  compensationSettled: '征收(拆迁)、收回安置补偿落实到位',
  noLegalOrEconomicDispute: '无法律经济纠纷',
  noOwnershipDispute: '无权属争议',
  closedBoundary: '空间范围形成封闭界址线',
  conditionsClear: '地块位置、控规要求和土地使用条件明确',
  surfaceCleared: '地表附属物除规划保留外全部拆(移)除',
} as const;
type NetLandItem = keyof typeof NET_LAND_ITEMS;

/** Each item answered true or false; a false answer is a rule break (NET_LAND_INCOMPLETE), not bad data. */
export const netLandSchema = z.object(
  Object.fromEntries(Object.keys(NET_LAND_ITEMS).map((item) => [item, z.boolean()])) as Record<
    NetLandItem,
    z.ZodBoolean
  >,
);

export const landUseSchema = z.object({
  code: z.enum(LAND_USE_CLASSES.map((landUse) => landUse.code)),
  /** S3-A3 note 6: the residential (07) sub-class 1–5; null otherwise. */
  residentialSubclass: z.literal(RESIDENTIAL_SUBCLASSES.map((subclass) => subclass.code)).nullable(),
});

export const planningConditionsSchema = z.object({ documentNo: text, issuedBy: text });

export const approverSchema = z.object({ id, name: text, office: text });

/** Square metres as an exact decimal string ('144', '89.5'). */
const squareMetres = z.string().regex(/^\d+(?:\.\d+)?$/, "must be square metres as a decimal such as '144'");

export const approveSupplyPlanSchema = z.object({
  supplyPlanId: id,
  parcelIds: z.array(id).min(1).readonly(),
  landUse: landUseSchema,
  supplyMethod: z.enum(SUPPLY_METHODS.map((method) => method.code)),
  /** Floor-area ratio bounds as exact decimals, e.g. '1.2' and '2.5'; null = not set. */
  farLowerBound: ratio.nullable(),
  farUpperBound: ratio.nullable(),
  villaProduct: z.boolean(),
  usesCultivatedLand: z.boolean(),
  /** Largest single-unit floor area planned; null when not housing. */
  maxUnitFloorAreaM2: squareMetres.nullable(),
  netLand: netLandSchema,
  planningConditions: planningConditionsSchema,
  approver: approverSchema,
  /** The date of the approval document (供地方案批复), not when it is entered: at or after the meeting. */
  approvedAt: instant,
});

export type NetLandChecklist = z.output<typeof netLandSchema>;
export type PlanningConditions = z.output<typeof planningConditionsSchema>;
export type Approver = z.output<typeof approverSchema>;
/** The supply plan as the command brings it (S4 §三 content; §五 residential constraints). */
export type SupplyPlan = z.output<typeof approveSupplyPlanSchema>;

export type ApproveSupplyPlan = Command<'ApproveSupplyPlan', SupplyPlan>;
