/**
 * Commands of the department's record-keeping acts that fulfil the SLAs the deadline engine
 * tracks (T02, T03, T05, T14, T15). Each carries the date the act was done.
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { id, isoDate, text } from '../../schema/fields.js';
import { EXTENSION_KINDS } from '../state.js';

export const extractTrackingCardSchema = z.object({ extractedOn: isoDate, trackingCardNo: text });
export const assignPatrolTaskSchema = z.object({
  assignedOn: isoDate,
  officeId: id,
  inspectorIds: z.array(id).min(1).readonly(),
});
export const fileSupplyRecordSchema = z.object({ filedOn: isoDate, filingRef: text });
export const recordPaymentInfoSchema = z.object({
  paymentId: id,
  recordedOn: isoDate,
  voucherRefs: z.array(text).readonly().optional(),
});
export const uploadDeclarationSchema = z.object({ kind: z.enum(EXTENSION_KINDS), uploadedOn: isoDate });
export const handOverInspectionRecordSchema = z.object({ inspectionId: id, handedOverOn: isoDate });

export const RECORD_COMMANDS = {
  ExtractTrackingCard: commandSpec({
    schema: extractTrackingCardSchema,
    summary: 'The dedicated post extracts the parcel’s tracking card (T02, S0 §三(一))',
    creates: false,
    example: { extractedOn: '2026-03-27', trackingCardNo: 'GZK-3201-2026-017' },
  }),
  AssignPatrolTask: commandSpec({
    schema: assignPatrolTaskSchema,
    summary: 'Assign the patrol task to a local office and its named inspectors (T02, S0 §三(二))',
    creates: false,
    example: {
      assignedOn: '2026-03-27',
      officeId: 'GTS-3201-05',
      inspectorIds: ['officer-3201-017', 'officer-3201-023'],
    },
  }),
  FileSupplyRecord: commandSpec({
    schema: fileSupplyRecordSchema,
    summary: 'File the Attachment-3 supply record with the ministry and the province (T03, S3 §三)',
    creates: false,
    example: { filedOn: '2026-04-02', filingRef: '3201002026B00017-BA' },
  }),
  RecordPaymentInfo: commandSpec({
    schema: recordPaymentInfoSchema,
    summary: 'Enter a recorded payment’s information and vouchers (T05, S0 §二(三))',
    creates: false,
    example: { paymentId: 'PAY-3201-2026-0417-01', recordedOn: '2026-04-24', voucherRefs: ['苏财缴〔2026〕0417-118'] },
  }),
  UploadDeclaration: commandSpec({
    schema: uploadDeclarationSchema,
    summary: 'Upload the verified start or completion declaration (T14, S0 §二(五), Q10)',
    creates: false,
    example: { kind: 'START', uploadedOn: '2026-11-10' },
  }),
  HandOverInspectionRecord: commandSpec({
    schema: handOverInspectionRecordSchema,
    summary: 'Hand an inspection record over to the land-use section (T15, S0 §二(六))',
    creates: false,
    example: { inspectionId: 'XC-2026-1102-01', handedOverOn: '2026-11-06' },
  }),
};
