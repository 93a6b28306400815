/**
 * Commands of the department's record-keeping acts that fulfil the SLAs the deadline engine
 * tracks (T02, T03, T05, T14, T15). Each carries the date the act was done.
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { id, isoDate, text } from '../../schema/fields.js';
import { EXTENSION_KINDS } from '../state.js';
import { AMOUNT_PATHS } from '../../filing/record.js';

export const extractTrackingCardSchema = z.object({ extractedOn: isoDate, trackingCardNo: text });
export const assignPatrolTaskSchema = z.object({
  assignedOn: isoDate,
  officeId: id,
  inspectorIds: z.array(id).min(1).readonly(),
});
/**
 * The maker's half of the Attachment-3 filing (§8, §12 填表责任人): what only the filing office
 * knows. Coded fields are plain strings so that a draft with a wrong code is kept and shown with
 * its V-rule failures; filing refuses it until they are fixed.
 */
export const prepareSupplyRecordSchema = z.object({
  preparedOn: isoDate,
  /** 招拍挂 or 协议: the parcel does not know which a transfer was (V5). Not for allocation. */
  transferMethod: z.enum(['TENDER_AUCTION_LISTING', 'NEGOTIATED_TRANSFER']).optional(),
  /** 土地使用权人 as the preparer enters it (V12 compares it with the reviewer's reading). */
  landUserName: text,
  /** Note 10: every source document when there are several (defaults to the grant document). */
  sourceDocuments: z
    .array(z.object({ kind: text, no: text, signedOn: z.string() }))
    .min(1)
    .readonly()
    .optional(),
  /** V6: the farmland-conversion / expropriation approval date (Attachment 1/2); null for stock land. */
  farmlandConversionApprovalDate: isoDate.nullable(),
  authority: z.object({ province: text, city: text }),
  project: z.object({
    no: text,
    name: text,
    approvalDocNo: text,
    approvalDate: z.string(),
    approvingBody: text,
    industryCode: text,
    investorNature: z.object({ category: z.string(), subType: z.string().nullable() }),
  }),
  land: z.object({
    address: text,
    boundaries: text,
    /** Classified (S1 §二): kept in the log, never exported. */
    coordinates: z
      .array(z.object({ x: z.string(), y: z.string() }))
      .readonly()
      .default([]),
    landSource: text,
    developmentDegree: text,
    grade: text,
  }),
  foreignCurrency: z
    .array(
      z.object({
        field: z.enum(AMOUNT_PATHS),
        currency: z.string(),
        originalAmount: z.string(),
        rateToCny: z.string(),
        rateDate: z.string(),
      }),
    )
    .readonly()
    .default([]),
  remarks: text.nullable().default(null),
});
/** The checker's half (审核责任人): a second person files, reading the user's name off the document. */
export const fileSupplyRecordSchema = z.object({
  filedOn: isoDate,
  filingRef: text,
  /** V12: the land user's name as written on the source-of-right document, read by the reviewer. */
  landUserNameOnSourceDocument: text,
});
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
  PrepareSupplyRecord: commandSpec({
    schema: prepareSupplyRecordSchema,
    summary:
      'Prepare (or correct) the Attachment-3 supply record: the preparer’s half of the two-person filing (§8, §12)',
    creates: false,
    example: {
      preparedOn: '2026-03-30',
      transferMethod: 'TENDER_AUCTION_LISTING',
      landUserName: '南京某某置业有限公司',
      farmlandConversionApprovalDate: '2024-06-18',
      authority: { province: '江苏省', city: '南京市' },
      project: {
        no: '3201002026B00017',
        name: '南京市江宁区某某地块住宅项目',
        approvalDocNo: '宁政土批〔2026〕17号',
        approvalDate: '2026-01-20',
        approvingBody: '南京市人民政府',
        industryCode: 'K7210',
        investorNature: { category: '4', subType: '有限责任公司' },
      },
      land: {
        address: '江宁区某某路以东',
        boundaries: '东至规划道路，南至河道，西至某某路，北至现状用地',
        coordinates: [],
        landSource: '新增建设用地',
        developmentDegree: '五通一平',
        grade: '三级',
      },
      foreignCurrency: [],
      remarks: null,
    },
  }),
  FileSupplyRecord: commandSpec({
    schema: fileSupplyRecordSchema,
    summary:
      'Review and file the prepared supply record with the ministry and the province: a second person, no V-rule failing (T03, S3 §三, §12)',
    creates: false,
    example: {
      filedOn: '2026-04-02',
      filingRef: '3201002026B00017-BA',
      landUserNameOnSourceDocument: '南京某某置业有限公司',
    },
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
