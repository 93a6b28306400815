/**
 * Commands of the grantor's delivery and what follows it (§3.2, T09, T10, S4 §十一): the
 * delivery confirmation, the grantee's delivery demand, the approval certificate and its site
 * publicity. Each carries the date on its document.
 */
import { z } from 'zod';
import { commandSpec } from '../../schema/command-spec.js';
import { id, isoDate, text } from '../../schema/fields.js';

export const confirmLandDeliverySchema = z.object({ deliveredOn: isoDate, confirmationNo: text });
export const serveDeliveryDemandSchema = z.object({ demandId: id, servedOn: isoDate });
export const issueLandApprovalCertificateSchema = z.object({ certificateNo: text, issuedOn: isoDate });
export const recordSitePublicitySchema = z.object({
  postedOn: isoDate,
  photoRefs: z.array(text).readonly().optional(),
});

export const DELIVERY_COMMANDS = {
  ConfirmLandDelivery: commandSpec({
    schema: confirmLandDeliverySchema,
    summary: 'Record the 交地确认书, with the days late and the grantor’s damages (§3.2, T09, §6)',
    creates: false,
    example: { deliveredOn: '2026-05-06', confirmationNo: '宁交地〔2026〕017号' },
  }),
  ServeDeliveryDemand: commandSpec({
    schema: serveDeliveryDemandSchema,
    summary: 'The grantee demands the land after the contract delivery date (T09)',
    creates: false,
    example: { demandId: 'JDCG-2026-004', servedOn: '2026-05-20' },
  }),
  IssueLandApprovalCertificate: commandSpec({
    schema: issueLandApprovalCertificateSchema,
    summary: 'Issue the 建设用地批准书 after delivery; Jiangsu needs the price paid in full (S4 §十一, T10)',
    creates: false,
    example: { certificateNo: '南京市〔2026〕宁建批字第0017号', issuedOn: '2026-05-15' },
  }),
  RecordSitePublicity: commandSpec({
    schema: recordSitePublicitySchema,
    summary:
      'Record the posting of the site publicity after the certificate; a late posting is flagged (T10, S0 §二(二))',
    creates: false,
    example: { postedOn: '2026-05-22', photoRefs: ['photo-2026-05-22-01.jpg'] },
  }),
};
