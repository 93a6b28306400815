/**
 * S4 §六, §九, T30: the price trail of a parcel. The reserve price reaches the domain sealed
 * (infrastructure holds the key and seals it) with a commitment; its value and salt arrive
 * only at disclosure, after the deal.
 */
import { z } from 'zod';
import { id, instant, positiveFen, text } from '../../schema/fields.js';
import type { Command } from '../../decider.js';
import { department } from '../departments.js';
import { COMMITMENT_FORMAT, MIN_SALT_LENGTH } from './commitment.js';

export const submitReservePriceProposalSchema = z.object({
  proposalId: id,
  parcelId: id,
  /** The appraisal report's number, e.g. '苏(2026)估字第0031号'. */
  appraisalReportId: text,
  /** S4 §六: a report that is not e-filed may not be used. */
  eFilingNo: text,
  appraisalInstitution: text,
  /** When the appraisal report was submitted as the price basis, not when it is entered. */
  submittedAt: instant,
});

/** Opaque output of the key-holding infrastructure; the domain never decrypts. */
export const sealedValueSchema = z.object({
  algorithm: text,
  ciphertext: z.string().regex(/^\S+$/, 'must be the encoded ciphertext').max(8192),
  keyId: text,
});

export const groupMemberSchema = z.object({ person: text, department });

/** T30: decided with the plan, or within the window before the bidding starts. */
export const RESERVE_PRICE_TIMINGS = ['AT_PLAN_APPROVAL', 'BEFORE_BIDDING'] as const;

/** T30: a price decided before bidding names when bidding starts (shared with the API's unsealed body). */
export const biddingStartRequired: [
  (data: { readonly timing: string; readonly biddingStartsAt: string | null }) => boolean,
  { message: string; path: string[] },
] = [
  (data) => data.timing !== 'BEFORE_BIDDING' || data.biddingStartsAt !== null,
  { message: 'the bidding start instant is required before bidding', path: ['biddingStartsAt'] },
];

export const decideReservePriceSchema = z
  .object({
    parcelId: id,
    decidedAt: instant,
    timing: z.enum(RESERVE_PRICE_TIMINGS),
    /** Required BEFORE_BIDDING; ignored (stored as null) AT_PLAN_APPROVAL. */
    biddingStartsAt: instant.nullable(),
    /** The group decides collectively: at least two distinct persons (a rule the decider checks). */
    groupMembers: z.array(groupMemberSchema).min(1).readonly(),
    proposalId: id,
    basis: text,
    /** Sealed by infrastructure; never the plaintext. */
    sealed: sealedValueSchema,
    /** `reservePriceCommitment(valueFen, salt)`: sha256, 64 lowercase hex characters. */
    commitment: z.string().regex(COMMITMENT_FORMAT, 'must be 64 lowercase hex characters (sha256)'),
  })
  .refine(...biddingStartRequired);

export const decideStartingPriceSchema = z.object({
  parcelId: id,
  startingPriceFen: positiveFen,
  /** When the starting price was decided (S4 §二, §三: with the plan, at or after the meeting), not when it is entered. */
  decidedAt: instant,
  /** The e-filed appraisal the public starting price rests on. */
  proposalId: id,
  basis: text,
});

export const discloseReservePriceSchema = z.object({
  parcelId: id,
  valueFen: positiveFen,
  salt: z.string().min(MIN_SALT_LENGTH, `must have at least ${MIN_SALT_LENGTH} characters`).max(1024),
  /** The publication instant of the 成交后底价公示 (S4 §八, §九), not when it is entered: at or after the deal. */
  disclosedAt: instant,
});

export type PriceProposal = z.output<typeof submitReservePriceProposalSchema> & { readonly submittedAt: string };
export type SealedValue = z.output<typeof sealedValueSchema>;
export type GroupMember = z.output<typeof groupMemberSchema>;
export type ReservePriceTiming = (typeof RESERVE_PRICE_TIMINGS)[number];

export type SubmitReservePriceProposal = Command<
  'SubmitReservePriceProposal',
  z.output<typeof submitReservePriceProposalSchema>
>;
export type DecideReservePrice = Command<'DecideReservePrice', z.output<typeof decideReservePriceSchema>>;
export type DecideStartingPrice = Command<'DecideStartingPrice', z.output<typeof decideStartingPriceSchema>>;
export type DiscloseReservePrice = Command<'DiscloseReservePrice', z.output<typeof discloseReservePriceSchema>>;
