/**
 * One Nanjing decision, command by command, as the examples of DECISION_COMMANDS: each body
 * passes its schema, and in this order (with the context noted) each passes the decider. Each
 * body carries its document's own instant; the context's `now` (noted) is when it was entered.
 */
import type { z } from 'zod';
import type { approveSupplyPlanSchema } from './plan/schemas.js';
import type { concludeDealSchema } from './deal/schemas.js';
import type { holdMeetingSchema, recordOpinionSchema } from './meeting/schemas.js';
import { reservePriceCommitment } from './pricing/commitment.js';
import type {
  decideReservePriceSchema,
  decideStartingPriceSchema,
  discloseReservePriceSchema,
  submitReservePriceProposalSchema,
} from './pricing/schemas.js';

const PARCEL = 'P-3201-2026-015';
const PLAN = 'SP-3201-2026-03';
const PROPOSAL = 'PR-3201-2026-015-1';

/** 13 亿元 in fen; the salt is what the key-holding infrastructure generated when it sealed the price. */
const RESERVE_FEN = 130_000_000_000;
const SALT = '5b1e9c0a7d3f4e2b8a6c1d0e9f8b7a65';

/** Recorded at 2026-05-12T11:00:00+08:00 by the natural-resources bureau. */
export const holdMeeting: z.input<typeof holdMeetingSchema> = {
  decisionId: 'D-3201-2026-012',
  jurisdiction: 'CN-JS-3201',
  heldAt: '2026-05-12T09:00:00+08:00',
  participants: [
    { department: 'GOVERNMENT', person: '刘副市长', role: '主持' },
    { department: 'NATURAL_RESOURCES', person: '孙局长', role: '汇报' },
    { department: 'FINANCE', person: '周局长', role: '参会' },
    { department: 'HOUSING_CONSTRUCTION', person: '吴局长', role: '参会' },
    { department: 'DISCIPLINE_INSPECTION', person: '陈书记', role: '监督' },
  ],
  agenda: { parcelIds: [PARCEL], supplyPlanIds: [PLAN] },
  attachments: [{ documentNo: '宁政土决〔2026〕12号', title: '国有建设用地供应集体决策会议纪要' }],
  minutesNo: '宁政土决〔2026〕12号',
};

/** Recorded at 2026-05-12T11:05:00+08:00, from the minutes. */
export const recordOpinion: z.input<typeof recordOpinionSchema> = {
  person: '陈书记',
  department: 'DISCIPLINE_INSPECTION',
  item: { kind: 'SUPPLY_PLAN', id: PLAN },
  stance: 'CONDITIONAL',
  text: '同意供应方案，底价须按保密规定集体决定',
  recordedAt: '2026-05-12T09:40:00+08:00',
};

/** Recorded at 2026-05-12T11:10:00+08:00; the appraisal was submitted before the meeting weighed it. */
export const submitReservePriceProposal: z.input<typeof submitReservePriceProposalSchema> = {
  proposalId: PROPOSAL,
  parcelId: PARCEL,
  appraisalReportId: '苏(2026)估字第0158号',
  eFilingNo: '3201026BA0158',
  appraisalInstitution: '江苏某土地房地产估价有限公司',
  submittedAt: '2026-05-08T16:00:00+08:00',
};

/** Approved at 10:30 by the government approver; recorded at 2026-05-12T11:30:00+08:00. */
export const approveSupplyPlan: z.input<typeof approveSupplyPlanSchema> = {
  supplyPlanId: PLAN,
  parcelIds: [PARCEL],
  landUse: { code: '07', residentialSubclass: 3 },
  supplyMethod: 'TENDER_AUCTION_LISTING',
  farLowerBound: '1.5',
  farUpperBound: '2.8',
  villaProduct: false,
  usesCultivatedLand: true,
  maxUnitFloorAreaM2: '140',
  netLand: {
    readyForDevelopment: true,
    compensationSettled: true,
    noLegalOrEconomicDispute: true,
    noOwnershipDispute: true,
    closedBoundary: true,
    conditionsClear: true,
    surfaceCleared: true,
  },
  planningConditions: { documentNo: '宁规划条件〔2026〕0158号', issuedBy: '南京市规划和自然资源局' },
  approver: { id: 'u-gov-3201-02', name: '刘副市长', office: '南京市人民政府' },
  approvedAt: '2026-05-12T10:30:00+08:00',
};

/** Recorded at 2026-05-20T09:00:00+08:00. */
export const decideStartingPrice: z.input<typeof decideStartingPriceSchema> = {
  parcelId: PARCEL,
  startingPriceFen: 120_000_000_000,
  decidedAt: '2026-05-19T15:00:00+08:00',
  proposalId: PROPOSAL,
  basis: '以估价报告为基础，参考周边地块近期成交价',
};

/** Recorded at 2026-06-18T09:30:00+08:00 by the reserve-price group (RESERVE_PRICE_GROUP). */
export const decideReservePrice: z.input<typeof decideReservePriceSchema> = {
  parcelId: PARCEL,
  decidedAt: '2026-06-18T09:20:00+08:00',
  timing: 'BEFORE_BIDDING',
  biddingStartsAt: '2026-06-18T10:00:00+08:00',
  groupMembers: [
    { person: '刘副市长', department: 'GOVERNMENT' },
    { person: '孙局长', department: 'NATURAL_RESOURCES' },
    { person: '周局长', department: 'FINANCE' },
  ],
  proposalId: PROPOSAL,
  basis: '以估价结果为重要参考，统筹考虑产业政策和土地市场',
  sealed: { algorithm: 'SM4-GCM', ciphertext: 'mQ7kX2bT9vLr4WcZp1NsYg8eHdA0uFjK', keyId: 'kms:rp-2026-06' },
  commitment: reservePriceCommitment(RESERVE_FEN, SALT),
};

/** Recorded at 2026-06-18T11:00:00+08:00. */
export const concludeDeal: z.input<typeof concludeDealSchema> = {
  parcelId: PARCEL,
  winner: { landUserId: 'LU-91320100MA1XYZ0001', name: '南京某置业有限公司' },
  dealPriceFen: 138_000_000_000,
  confirmationNo: '宁土成交〔2026〕041号',
  concludedAt: '2026-06-18T10:45:00+08:00',
};

/** Published after the deal (成交后底价公示); recorded at 2026-06-18T15:00:00+08:00 by the reserve-price group. */
export const discloseReservePrice: z.input<typeof discloseReservePriceSchema> = {
  parcelId: PARCEL,
  valueFen: RESERVE_FEN,
  salt: SALT,
  disclosedAt: '2026-06-18T14:30:00+08:00',
};
