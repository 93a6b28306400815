/**
 * Extension of the agreed start or completion (T17, T18, E3, S0 §二(四)). The request carries the
 * date on the application (`requestedOn`), which the T17 lead time is checked against: an
 * application filed in time may be recorded later.
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { id, isoDate, text } from '../../schema/fields.js';
import { EXTENSION_KINDS } from '../state.js';

export const requestExtensionSchema = z.object({
  requestId: id,
  kind: z.enum(EXTENSION_KINDS),
  /** The date on the application (not after the day it is recorded). */
  requestedOn: isoDate,
  requestedDate: isoDate,
  reason: text,
});

export const decideExtensionSchema = z
  .object({
    requestId: id,
    decision: z.enum(['APPROVE', 'REJECT']),
    decidedOn: isoDate,
    /** Defaults to the requested date; approval may grant less. */
    approvedDate: isoDate.optional(),
    /** Required when approving. */
    approvalRef: text.optional(),
    /** Required when rejecting. */
    reason: text.optional(),
  })
  .refine((d) => d.decision !== 'APPROVE' || d.approvalRef !== undefined, {
    message: 'an approval cites its document',
    path: ['approvalRef'],
  })
  .refine((d) => d.decision !== 'REJECT' || d.reason !== undefined, {
    message: 'a rejection states its reason',
    path: ['reason'],
  });

export const EXTENSION_COMMANDS = {
  RequestExtension: commandSpec({
    schema: requestExtensionSchema,
    summary: 'Apply to extend the agreed start or completion, in time (T17) and by at most 1 year (T18, Q1)',
    creates: false,
    example: {
      requestId: 'YQ-2026-017',
      kind: 'START',
      requestedOn: '2026-08-20',
      requestedDate: '2027-03-01',
      reason: '地块东侧拆迁纠纷尚未解决，无法按期开工',
    },
  }),
  DecideExtension: commandSpec({
    schema: decideExtensionSchema,
    summary: 'Approve or reject the pending request; a moved start shifts the completion equally (T18, E3, S0 §二(四))',
    creates: false,
    example: {
      requestId: 'YQ-2026-017',
      decision: 'APPROVE',
      decidedOn: '2026-09-08',
      approvalRef: '宁国土延〔2026〕9号',
    },
  }),
};
