/** §7.1: a breach C1–C5 puts the land user (and, E6, its controlling shareholders) in the archive. */
import { z } from 'zod';
import { id, instant } from '../../schema/fields.js';
import type { Command } from '../../decider.js';
import { CREDIT_TRIGGERS } from '../types.js';

export const evidenceRefSchema = z
  .object({
    parcelId: id,
    /** The breach event (e.g. the overdue or IdleLandConfirmed event id). */
    eventId: id.nullish(),
    /** The enforcement case. */
    caseId: id.nullish(),
  })
  .refine((ref) => (ref.eventId ?? null) !== null || (ref.caseId ?? null) !== null, {
    message: 'names the breach event or the enforcement case',
  });

export const addCreditEntrySchema = z.object({
  landUserId: id,
  trigger: z.enum(CREDIT_TRIGGERS),
  evidenceRef: evidenceRefSchema,
  controllingShareholderIds: z.array(id).max(100),
  /** Blank = the trigger's standard wording. */
  reason: z.string().max(2000),
  /** Fixed-term bans only (Q9); absent or null = until lifted. */
  expiresAt: instant.nullish(),
});

export type AddCreditEntry = Command<'AddCreditEntry', z.output<typeof addCreditEntrySchema>>;
