/**
 * Value types of a collective supply decision (DOMAIN.md §10.1–§10.4): who met, what they
 * looked at, what they approved, and the price trail. Shared by commands, events and state.
 */
import type { Fen } from '../money.js';
import type { LandUseCode, SupplyMethod } from '../filing/enumerations.js';
import type { DecisionDepartment } from '../policy/index.js';

/** S4 §二: departments that take part in the collective supply-decision mechanism. */
export const DEPARTMENTS = {
  GOVERNMENT: '市县人民政府',
  NATURAL_RESOURCES: '自然资源',
  FINANCE: '财政',
  DEVELOPMENT_REFORM: '发改',
  INDUSTRY_IT: '工信',
  COMMERCE: '商务',
  ECOLOGY_ENVIRONMENT: '生态保护',
  HOUSING_CONSTRUCTION: '住建',
  DISCIPLINE_INSPECTION: '纪委监委',
  OTHER: '其他',
} as const satisfies Record<DecisionDepartment, string>;
// The policy names required departments with the same keys; `satisfies` above and this alias keep them one list.
export type Department = DecisionDepartment & keyof typeof DEPARTMENTS;

export type Participant = {
  readonly department: Department;
  readonly person: string;
  /** The person's role at the meeting, e.g. '主持', '分管副市长', '列席'. */
  readonly role: string;
};

export type Agenda = {
  readonly parcelIds: readonly string[];
  readonly supplyPlanIds: readonly string[];
};

export type Attachment = { readonly documentNo: string; readonly title: string };

export type AgendaItem = { readonly kind: 'PARCEL' | 'SUPPLY_PLAN'; readonly id: string };

export const STANCES = ['AGREE', 'DISAGREE', 'ABSTAIN', 'CONDITIONAL'] as const;
export type Stance = (typeof STANCES)[number];

export type Opinion = {
  readonly person: string;
  readonly department: Department;
  readonly item: AgendaItem;
  readonly stance: Stance;
  readonly text: string;
  readonly recordedAt: string;
};

/** S4 §六: an appraisal report that is not e-filed may not be used. */
export type PriceProposal = {
  readonly proposalId: string;
  readonly parcelId: string;
  readonly appraisalReportId: string;
  readonly eFilingNo: string;
  readonly appraisalInstitution: string;
  readonly submittedAt: string;
};

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
export type NetLandChecklist = { readonly [K in keyof typeof NET_LAND_ITEMS]: boolean };

export type PlanningConditions = { readonly documentNo: string; readonly issuedBy: string };

export type Approver = { readonly id: string; readonly name: string; readonly office: string };

/** The supply plan as approved (S4 §三 content; §五 residential constraints). */
export type SupplyPlan = {
  readonly supplyPlanId: string;
  readonly parcelIds: readonly string[];
  readonly landUse: { readonly code: LandUseCode; readonly residentialSubclass: number | null };
  readonly supplyMethod: SupplyMethod;
  /** Floor-area ratio bounds as exact decimals, e.g. '1.0' and '2.5'. */
  readonly farLowerBound: string | null;
  readonly farUpperBound: string | null;
  readonly villaProduct: boolean;
  readonly usesCultivatedLand: boolean;
  /** Largest single-unit floor area planned, m², exact decimal; null when not housing. */
  readonly maxUnitFloorAreaM2: string | null;
  readonly netLand: NetLandChecklist;
  readonly planningConditions: PlanningConditions | null;
  readonly approver: Approver | null;
};

export type ApprovedPlan = SupplyPlan & {
  readonly approver: Approver;
  readonly planningConditions: PlanningConditions;
  readonly approvedAt: string;
  readonly policyVersion: string;
};

/** Opaque output of the key-holding infrastructure; the domain never decrypts. */
export type SealedValue = { readonly algorithm: string; readonly ciphertext: string; readonly keyId: string };

/** T30: decided with the plan, or within the window before the bidding starts. */
export type ReservePriceTiming = 'AT_PLAN_APPROVAL' | 'BEFORE_BIDDING';

export type GroupMember = { readonly person: string; readonly department: Department };

type ReservePriceBase = {
  readonly decidedAt: string;
  readonly timing: ReservePriceTiming;
  readonly biddingStartsAt: string | null;
  readonly groupMembers: readonly GroupMember[];
  readonly proposalId: string;
  readonly commitment: string;
  readonly keyId: string;
};

/**
 * S4 §六, §九: no plaintext until disclosed after the deal. The ciphertext stays in the
 * event only; state keeps what disclosure needs (the commitment) and nothing else.
 */
export type ReservePrice =
  | (ReservePriceBase & { readonly status: 'SEALED' })
  | (ReservePriceBase & {
      readonly status: 'DISCLOSED';
      readonly valueFen: Fen;
      readonly disclosedAt: string;
      readonly reserveMet: boolean;
    });

export type StartingPrice = { readonly startingPriceFen: Fen; readonly decidedAt: string; readonly proposalId: string };

export type Winner = { readonly landUserId: string; readonly name: string };

export type Deal = {
  readonly winner: Winner;
  readonly dealPriceFen: Fen;
  readonly concludedAt: string;
  readonly confirmationNo: string;
};

/** The price trail of one parcel (§10.1 "process and result of setting the prices"). */
export type ParcelPricing = {
  readonly parcelId: string;
  readonly proposals: readonly PriceProposal[];
  readonly reservePrice: ReservePrice | null;
  readonly startingPrice: StartingPrice | null;
  readonly deal: Deal | null;
};

/** DOMAIN.md §12 roles the decider checks itself (others are checked at the API). */
export const RESERVE_PRICE_GROUP = 'RESERVE_PRICE_GROUP';
