/**
 * The credit archive's commands (DOMAIN.md §7): one zod schema each, the one source of their
 * shape. Times are instants with offset; who acts and when come from the command context.
 */
import { z } from 'zod';
import { commandSpec } from '../schema/command-spec.js';
import { id, instant, text } from '../schema/fields.js';
import type { Command } from '../decider.js';
import { CREDIT_TRIGGERS } from './types.js';

export const addCreditEntrySchema = z.object({
  landUserId: id,
  trigger: z.enum(CREDIT_TRIGGERS),
  evidenceRef: z
    .object({
      parcelId: id,
      eventId: z.string().min(1).nullish(),
      caseId: z.string().min(1).nullish(),
    })
    .refine((ref) => (ref.eventId ?? null) !== null || (ref.caseId ?? null) !== null, {
      message: 'names the breach event or the enforcement case',
    }),
  controllingShareholderIds: z.array(id).max(100),
  /** Blank = the trigger's standard wording. */
  reason: z.string().max(2000),
  /** Fixed-term bans only (Q9); absent or null = until lifted. */
  expiresAt: instant.nullish(),
});

export const requestCreditEntryLiftSchema = z.object({ entryId: id, rectification: text });
export const verifyRectificationSchema = z.object({ entryId: id, documentNo: text });
export const liftCreditEntrySchema = z.object({ entryId: id, announcementRef: text });

const ENTRY = 'c4-4f3e2a1b9c8d7e6f';

export const CREDIT_COMMANDS = {
  AddCreditEntry: commandSpec({
    schema: addCreditEntrySchema,
    summary: 'List a land user in the credit archive for a breach C1–C5 (§7.1)',
    creates: true,
    idField: 'landUserId',
    example: {
      landUserId: 'LU-91320100MA1XYZ0001',
      trigger: 'C4',
      evidenceRef: { parcelId: 'P-3201-2026-001', eventId: '0e3c52a6-2f0e-4d55-9d6f-1c1f8f4b2a10' },
      controllingShareholderIds: ['LU-91320100MA1XYZ0002'],
      reason: '不及时缴纳土地价款',
    },
  }),
  RequestCreditEntryLift: commandSpec({
    schema: requestCreditEntryLiftSchema,
    summary: 'Ask for an entry to be lifted, stating the rectification (§7.3, E7)',
    creates: false,
    example: { entryId: ENTRY, rectification: '已缴清全部土地价款及违约金' },
  }),
  VerifyRectification: commandSpec({
    schema: verifyRectificationSchema,
    summary: 'The province verifies the rectification (§7.3, E7)',
    creates: false,
    example: { entryId: ENTRY, documentNo: '苏自然资核〔2026〕12号' },
  }),
  LiftCreditEntry: commandSpec({
    schema: liftCreditEntrySchema,
    summary: 'Lift a verified entry, citing the ministry announcement (§7.3, E7)',
    creates: false,
    example: { entryId: ENTRY, announcementRef: '中国土地市场网公告2026-031' },
  }),
};

export type AddCreditEntry = Command<'AddCreditEntry', z.output<typeof addCreditEntrySchema>>;
export type RequestCreditEntryLift = Command<'RequestCreditEntryLift', z.output<typeof requestCreditEntryLiftSchema>>;
export type VerifyRectification = Command<'VerifyRectification', z.output<typeof verifyRectificationSchema>>;
export type LiftCreditEntry = Command<'LiftCreditEntry', z.output<typeof liftCreditEntrySchema>>;
export type CreditCommand = AddCreditEntry | RequestCreditEntryLift | VerifyRectification | LiftCreditEntry;
