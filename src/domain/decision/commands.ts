/**
 * The decision's commands (DOMAIN.md §10, S4, T30) as one table: the API builds its routes and
 * the OpenAPI document from it. Each schema lives in its feature folder.
 */
import { commandSpec, type CommandSpec } from '../schema/command-spec.js';
import { concludeDealSchema } from './deal/schemas.js';
import * as example from './examples.js';
import { holdMeetingSchema, recordOpinionSchema } from './meeting/schemas.js';
import { approveSupplyPlanSchema } from './plan/schemas.js';
import {
  decideReservePriceSchema,
  decideStartingPriceSchema,
  discloseReservePriceSchema,
  submitReservePriceProposalSchema,
} from './pricing/schemas.js';
import type { DecisionCommand } from './types.js';

export const DECISION_COMMANDS = {
  HoldMeeting: commandSpec({
    schema: holdMeetingSchema,
    summary:
      'Record the collective supply-decision meeting with the required departments, agenda and minutes (§10.1, S4 §二)',
    creates: true,
    idField: 'decisionId',
    example: example.holdMeeting,
  }),
  RecordOpinion: commandSpec({
    schema: recordOpinionSchema,
    summary: "Record a participant's opinion on an agenda item, so the decision is traceable (§10.1)",
    creates: false,
    example: example.recordOpinion,
  }),
  SubmitReservePriceProposal: commandSpec({
    schema: submitReservePriceProposalSchema,
    summary: 'Submit an e-filed appraisal report as the price basis of a parcel (§10.1, S4 §六)',
    creates: false,
    example: example.submitReservePriceProposal,
  }),
  ApproveSupplyPlan: commandSpec({
    schema: approveSupplyPlanSchema,
    summary:
      'Approve a reviewed supply plan: approver, planning conditions, net land, residential limits (§3.3, S4 §二–§五)',
    creates: false,
    example: example.approveSupplyPlan,
  }),
  DecideReservePrice: commandSpec({
    schema: decideReservePriceSchema,
    summary:
      'The reserve-price group decides the sealed reserve price, at plan approval or within 1 h before bidding (T30, S4 §六)',
    creates: false,
    example: example.decideReservePrice,
  }),
  DecideStartingPrice: commandSpec({
    schema: decideStartingPriceSchema,
    summary: 'Decide the public starting price from an e-filed appraisal (§10.1, S4 §二)',
    creates: false,
    example: example.decideStartingPrice,
  }),
  ConcludeDeal: commandSpec({
    schema: concludeDealSchema,
    summary: 'Record the deal for a parcel of an approved plan, not below the starting price (§10.2, S4 §九)',
    creates: false,
    example: example.concludeDeal,
  }),
  DiscloseReservePrice: commandSpec({
    schema: discloseReservePriceSchema,
    summary: 'After the deal, disclose the reserve price; value and salt must match the commitment (§10.2, S4 §九)',
    creates: false,
    example: example.discloseReservePrice,
  }),
} satisfies Record<DecisionCommand['type'], CommandSpec>;
