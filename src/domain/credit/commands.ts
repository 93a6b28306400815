/**
 * The credit archive's commands (DOMAIN.md §7) as one table: the API builds its routes and the
 * OpenAPI document from it. Each schema lives in its feature folder; times are instants with
 * offset, and who acts and when come from the command context.
 */
import { commandSpec, type CommandSpec } from '../schema/command-spec.js';
import { addCreditEntrySchema } from './entries/schemas.js';
import { creditEntryId } from './entry-id.js';
import { liftCreditEntrySchema, requestCreditEntryLiftSchema, verifyRectificationSchema } from './lift/schemas.js';
import type { CreditCommand } from './types.js';

const EVIDENCE = { parcelId: 'P-3201-2026-001', eventId: '0e3c52a6-2f0e-4d55-9d6f-1c1f8f4b2a10' };
/** The entry the AddCreditEntry example lists, so the lift examples follow it. */
const ENTRY = creditEntryId('C4', { ...EVIDENCE, caseId: null });

export const CREDIT_COMMANDS = {
  AddCreditEntry: commandSpec({
    schema: addCreditEntrySchema,
    summary: 'List a land user in the credit archive for a breach C1–C5 (§7.1)',
    creates: true,
    idField: 'landUserId',
    example: {
      landUserId: 'LU-91320100MA1XYZ0001',
      trigger: 'C4',
      evidenceRef: EVIDENCE,
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
} satisfies Record<CreditCommand['type'], CommandSpec>;
