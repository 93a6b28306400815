/**
 * Commands of construction (S0 §二(五)(六), S4 §十二): start and completion declarations, their
 * verification, and site inspections. Each carries the date on its document.
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { id, isoDate, text } from '../../schema/fields.js';
import { INSPECTION_KINDS } from '../state.js';

export const declareStartSchema = z.object({
  declarationNo: text,
  declaredOn: isoDate,
  startedOn: isoDate,
  /** S4 §十二: the start counts only once the construction permit is held. */
  constructionPermitNo: text,
});

export const declareCompletionSchema = z.object({
  declarationNo: text,
  declaredOn: isoDate,
  completedOn: isoDate,
  /** The (last phase's) completion acceptance. */
  acceptanceRef: text,
});

/** VerifyStart and VerifyCompletion: a rejection states its reason. */
export const verifyDeclarationSchema = z
  .object({ verifiedOn: isoDate, outcome: z.enum(['VERIFIED', 'REJECTED']), reason: text.optional() })
  .refine((d) => d.outcome !== 'REJECTED' || d.reason !== undefined, {
    message: 'a rejection states its reason',
    path: ['reason'],
  });

export const recordSiteInspectionSchema = z.object({
  inspectionId: id,
  inspectedOn: isoDate,
  kind: z.enum(INSPECTION_KINDS),
  inspectorId: id,
  findings: z.string().max(2000).optional(),
  photoRefs: z.array(text).readonly().optional(),
});

export const CONSTRUCTION_COMMANDS = {
  DeclareStart: commandSpec({
    schema: declareStartSchema,
    summary: 'File the 动工申报书 with the construction permit (S0 §二(五), S4 §十二)',
    creates: false,
    example: {
      declarationNo: 'DG-3201-2026-017',
      declaredOn: '2026-10-30',
      startedOn: '2026-10-28',
      constructionPermitNo: '320101202610280101',
    },
  }),
  VerifyStart: commandSpec({
    schema: verifyDeclarationSchema,
    summary:
      'Verify or reject the start declaration; late-start damages where the contract sets a rate (S0 §二(五), §6)',
    creates: false,
    example: { verifiedOn: '2026-11-04', outcome: 'VERIFIED' },
  }),
  DeclareCompletion: commandSpec({
    schema: declareCompletionSchema,
    summary: 'File the 竣工申报书 with the completion acceptance (S0 §二(五), S4 §十二)',
    creates: false,
    example: {
      declarationNo: 'JG-3201-2028-017',
      declaredOn: '2028-10-20',
      completedOn: '2028-10-15',
      acceptanceRef: '宁竣验〔2028〕0456号',
    },
  }),
  VerifyCompletion: commandSpec({
    schema: verifyDeclarationSchema,
    summary: 'Verify or reject the completion declaration; late-completion damages where set (S0 §二(五), §6)',
    creates: false,
    example: { verifiedOn: '2028-10-27', outcome: 'REJECTED', reason: '竣工验收备案材料不全' },
  }),
  RecordSiteInspection: commandSpec({
    schema: recordSiteInspectionSchema,
    summary: 'Record a patrol inspection at a T16 point or periodically (T15, T16, S0 §二(六))',
    creates: false,
    example: {
      inspectionId: 'XC-2026-1102-01',
      inspectedOn: '2026-11-02',
      kind: 'AGREED_START',
      inspectorId: 'officer-3201-017',
      findings: '现场已围挡，未见施工',
      photoRefs: ['pano-2026-11-02-n.jpg'],
    },
  }),
};
