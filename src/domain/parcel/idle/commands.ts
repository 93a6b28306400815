/**
 * Commands of the idle-land case (§3.4, §5, E1): one zod schema each. Every command carries
 * the date on its document (notice, materials, decision, payment, publication). The table of
 * examples is in command-specs.ts.
 */
import { z } from 'zod';
import { fen, hectares, id, isoDate, positiveFen, text } from '../../schema/fields.js';
import { GOVERNMENT_CAUSE_DISPOSALS, GOVERNMENT_CAUSES, IDLE_TYPES } from '../state.js';
import { DEREGISTRATION_METHODS } from './events.js';

/** Type B facts (T20), from patrol evidence. */
const typeBFacts = z.object({
  developedAreaHa: hectares,
  /** The contract area unless stated. */
  areaToDevelopHa: hectares.optional(),
  investedFen: fen,
  haltedSince: isoDate,
});

export const openIdleCaseSchema = z
  .object({ caseId: id, type: z.enum(IDLE_TYPES), suspectedOn: isoDate, typeB: typeBFacts.optional() })
  .refine((d) => d.type !== 'B' || d.typeB !== undefined, {
    message: 'type B names the development facts',
    path: ['typeB'],
  });

export const serveIdleInvestigationNoticeSchema = z.object({ noticeNo: text, servedOn: isoDate });
export const submitIdleMaterialsSchema = z.object({ submittedOn: isoDate, summary: text });

export const acceptGovernmentCauseSchema = z.object({
  acceptedOn: isoDate,
  cause: z.enum(GOVERNMENT_CAUSES),
  disposal: z.enum(GOVERNMENT_CAUSE_DISPOSALS),
  /** Supplementary agreement / disposal document. */
  agreementRef: text,
  /** Required for EXTEND_START; not allowed for PAID_RECOVERY or once started. */
  newAgreedStart: isoDate.optional(),
  newAgreedCompletion: isoDate.optional(),
  /** Required for TEMPORARY_USE, and only there. */
  temporaryUseStartedOn: isoDate.optional(),
});

export const confirmIdleLandSchema = z.object({ confirmedOn: isoDate, confirmationNo: text });
export const issueIdleFeeDecisionSchema = z.object({
  decisionNo: text,
  servedOn: isoDate,
  governmentApprovalRef: text,
});
export const recordIdleFeePaymentSchema = z.object({ paidOn: isoDate, amountFen: positiveFen });

export const issueRecoveryDecisionSchema = z.object({
  decisionNo: text,
  servedOn: isoDate,
  /** Approval of the government with approval authority (E1 Art 14(2)). */
  approvalRef: text,
  /** Type B only: the explicit human decision (§14 Q6). */
  typeBHumanDecision: z.object({ decidedBy: text, reason: text }).optional(),
});

export const deregisterRightSchema = z.object({ deregisteredOn: isoDate, method: z.enum(DEREGISTRATION_METHODS) });
export const closeIdleCaseSchema = z.object({ closedOn: isoDate, reason: text });
export const publishIdleLandSchema = z.object({ publishedOn: isoDate, channels: z.array(text).min(1).readonly() });
export const withdrawIdleLandPublicationSchema = z.object({ caseId: id, withdrawnOn: isoDate });
export const endTemporaryUseSchema = z.object({ caseId: id, endedOn: isoDate });
