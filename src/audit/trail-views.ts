/**
 * Response shapes of the decision trail and of a person's decisions (zod v4; the OpenAPI schemas
 * of GET /decisions/{id}/trail and GET /people/{id}/decisions). Every item of the decision's own
 * part names the event it came from (`eventId`, `revision` in `decision-<id>`).
 *
 * The reserve price (S4 §六, §九) is a discriminated union: the SEALED variant has no field that
 * could hold the value; only DISCLOSED (after the deal and the 成交后底价公示) has `valueFen`.
 */
import { z } from 'zod';
import { parcelFlags, parcelView } from '../projections/parcels/views.js';
import { creditEntryView } from '../projections/credit/views.js';

const instantText = z.string().meta({ format: 'date-time' });
const fen = z.number().int().describe('integer fen');
const source = {
  eventId: z.string().describe('id of the event in decision-<decisionId>'),
  revision: z.number().int().describe('its revision in the stream'),
};

export const guardView = z.object({
  code: z.string().describe('the code the decider refuses with when this check fails'),
  rule: z.string(),
  passed: z.boolean().describe('re-checked on the recorded data; the decider refused the command otherwise'),
  detail: z.string(),
});

const opinionTrail = z.object({
  item: z.object({ kind: z.enum(['PARCEL', 'SUPPLY_PLAN']), id: z.string() }),
  stance: z.string(),
  text: z.string(),
  recordedAt: instantText,
  ...source,
});

export const participantTrail = z.object({
  participantId: z.string().describe('<DEPARTMENT>:<person> (the domain names people by department and name)'),
  department: z.string(),
  departmentName: z.string(),
  person: z.string(),
  role: z.string().describe('role at the meeting, e.g. 主持, 监督'),
  opinions: z.array(opinionTrail),
  ...source,
});

const meetingTrail = z.object({
  heldAt: instantText,
  jurisdiction: z.string(),
  place: z.string().nullable().describe('not recorded by the meeting event (null)'),
  minutesNo: z.string(),
  agenda: z.object({ parcelIds: z.array(z.string()), supplyPlanIds: z.array(z.string()) }),
  attachments: z.array(z.object({ documentNo: z.string(), title: z.string() })),
  documents: z.array(z.string()).describe('the minutes and attachment numbers'),
  ...source,
});

export const approvedPlanTrail = z.object({
  supplyPlanId: z.string(),
  parcelIds: z.array(z.string()),
  approver: z.object({ id: z.string(), name: z.string(), office: z.string() }),
  approvedAt: instantText,
  policyVersion: z.string(),
  content: z.object({
    landUse: z.object({ code: z.string(), residentialSubclass: z.number().int().nullable() }),
    supplyMethod: z.string(),
    farLowerBound: z.string().nullable(),
    farUpperBound: z.string().nullable(),
    villaProduct: z.boolean(),
    usesCultivatedLand: z.boolean(),
    maxUnitFloorAreaM2: z.string().nullable(),
    netLand: z.record(z.string(), z.boolean()),
    planningConditions: z.object({ documentNo: z.string(), issuedBy: z.string() }),
  }),
  guards: z.array(guardView).describe('what ApproveSupplyPlan checks (src/domain/decision/plan/decide.ts)'),
  ...source,
});

const proposalTrail = z.object({
  proposalId: z.string(),
  appraisalReportId: z.string(),
  eFilingNo: z.string(),
  appraisalInstitution: z.string(),
  submittedAt: instantText,
  ...source,
});

const sealedFields = {
  commitment: z.string().describe('sha256 of "<valueFen>:<salt>"'),
  decidedAt: instantText,
  decidedBy: z
    .array(z.object({ person: z.string(), department: z.string(), departmentName: z.string() }))
    .describe('the reserve-price decision group (底价决策小组)'),
  recordedBy: z.object({ id: z.string(), name: z.string().nullable(), role: z.string() }),
  timing: z.enum(['AT_PLAN_APPROVAL', 'BEFORE_BIDDING']),
  biddingStartsAt: instantText.nullable(),
  proposal: z
    .object({ proposalId: z.string(), appraisalReportId: z.string(), eFilingNo: z.string(), ...source })
    .nullable()
    .describe('the e-filed appraisal the group took as reference'),
  policyVersion: z.string(),
  guards: z.array(guardView).describe('what DecideReservePrice checks (T30, S4 §六)'),
  ...source,
};

export const reservePriceTrail = z.discriminatedUnion('status', [
  z.object({ status: z.literal('SEALED'), ...sealedFields }),
  z.object({
    status: z.literal('DISCLOSED'),
    ...sealedFields,
    basis: z.string().nullable().describe("the group's stated basis, shown only once disclosed"),
    valueFen: fen,
    salt: z.string(),
    disclosedAt: instantText,
    reserveMet: z.boolean(),
    commitmentVerified: z.boolean().describe('sha256("<valueFen>:<salt>") equals the sealed commitment'),
    disclosure: z.object(source).describe('the ReservePriceDisclosed event'),
  }),
]);

export const parcelTrail = z.object({
  parcelId: z.string(),
  proposals: z.array(proposalTrail),
  reservePrice: reservePriceTrail.nullable().describe('S4 §六, §九: sealed until disclosed after the deal'),
  startingPrice: z
    .object({ startingPriceFen: fen, decidedAt: instantText, proposalId: z.string(), basis: z.string(), ...source })
    .nullable(),
  deal: z
    .object({
      winner: z.object({ landUserId: z.string(), name: z.string() }),
      dealPriceFen: fen,
      concludedAt: instantText,
      confirmationNo: z.string(),
      ...source,
    })
    .nullable(),
});

export const trailActor = z.object({
  id: z.string(),
  name: z.string().nullable(),
  role: z.string(),
  jurisdiction: z.string().nullable(),
  eventIds: z.array(z.string()).describe("the decision's events recorded with this actor"),
});

export const DOCUMENT_KINDS = [
  'METADATA',
  'MINUTES',
  'ATTACHMENT',
  'PLANNING_CONDITIONS',
  'APPRAISAL_REPORT',
  'E_FILING',
  'DEAL_CONFIRMATION',
] as const;

export const documentRef = z.object({
  documentNo: z.string(),
  kind: z.enum(DOCUMENT_KINDS).describe("METADATA: the event metadata's documentNo; the others: named in its data"),
  eventType: z.string(),
  ...source,
});

export const grantedParcel = z.object({
  parcelId: z.string(),
  jurisdiction: z.string(),
  status: z.string(),
  grantKind: z.string().nullable(),
  landUserId: z.string().nullable(),
  supervisionNo: z.string().nullable(),
  documentNo: z.string().nullable(),
  grantedOn: z.string().nullable(),
  flags: parcelFlags,
  alerts: parcelView.shape.alerts,
  idleCase: z.object({ caseId: z.string(), type: z.string(), status: z.string() }).nullable(),
  lastEventAt: z.string(),
  creditEntries: z.array(creditEntryView).describe('credit-archive entries citing this parcel'),
});

export const decisionTrailView = z.object({
  decisionId: z.string(),
  jurisdiction: z.string(),
  status: z.enum(['CONVENED', 'PLAN_APPROVED']),
  revision: z.number().int().describe('revision of the last event of the decision stream'),
  meeting: meetingTrail,
  participants: z.array(participantTrail),
  approvedPlans: z.array(approvedPlanTrail),
  parcels: z.array(parcelTrail).describe('the price trail of each parcel (§10.1)'),
  actors: z.array(trailActor),
  documents: z.array(documentRef),
  grantedParcels: z
    .array(grantedParcel)
    .describe('parcels granted under this decision (parcels read model), with flags, alerts and credit entries'),
});

export type Guard = z.output<typeof guardView>;
export type ParticipantTrail = z.output<typeof participantTrail>;
export type ApprovedPlanTrail = z.output<typeof approvedPlanTrail>;
export type ReservePriceTrail = z.output<typeof reservePriceTrail>;
export type ParcelTrail = z.output<typeof parcelTrail>;
export type TrailActor = z.output<typeof trailActor>;
export type DocumentRef = z.output<typeof documentRef>;
export type GrantedParcel = z.output<typeof grantedParcel>;
export type DecisionTrail = z.output<typeof decisionTrailView>;

// ---- a person's decisions ----

export const INVOLVEMENTS = [
  'MEETING_PARTICIPANT',
  'OPINION_GIVER',
  'RESERVE_PRICE_GROUP_MEMBER',
  'APPROVER',
  'ACTOR',
] as const;

export const involvementView = z.object({
  as: z.enum(INVOLVEMENTS),
  detail: z.string().describe('department and meeting role, plan, parcel or event type'),
  ...source,
});

export const personDecisionView = z.object({
  decisionId: z.string(),
  jurisdiction: z.string(),
  status: z.enum(['CONVENED', 'PLAN_APPROVED']),
  heldAt: instantText,
  minutesNo: z.string(),
  roles: z.array(z.enum(INVOLVEMENTS)).describe('each way the person took part, once'),
  meetingRoles: z.array(z.string()).describe('their role(s) at the meeting'),
  opinions: z.array(opinionTrail),
  involvements: z.array(involvementView),
});

export const personDecisionsView = z.object({
  personId: z.string(),
  items: z.array(personDecisionView),
  truncated: z.boolean().describe('more candidate decisions than `limit`'),
  position: z.string().nullable(),
});

export type Involvement = z.output<typeof involvementView>;
export type PersonDecision = z.output<typeof personDecisionView>;
