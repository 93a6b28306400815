/**
 * Jiangsu overlay (jurisdiction 'CN-JS'): 苏自然资发〔2019〕9号, DOMAIN.md §10 and S4.
 * Only the values that differ, or that Jiangsu states itself, are written; the rest is national.
 */
import { deepFreeze } from './deep-freeze.js';
import { NATIONAL_POLICY } from './national.js';
import type { Policy } from './types.js';

export const JIANGSU_POLICY: Policy = deepFreeze({
  ...NATIONAL_POLICY,
  version: 'CN-JS-2026.1',
  jurisdiction: 'CN-JS',
  contractSigningAfterDeal: { offset: 10, unit: 'wd' }, // T01: S4 §十 (same as national)
  sitePublicityAfterCertificate: { offset: 30, unit: 'cd' }, // T10: S4 §十一
  startWindowAfterDelivery: {
    normal: { offset: 6, unit: 'month' }, // T11: S4 §十二
    max: { offset: 1, unit: 'year' },
  },
  extensionLeadTime: { period: { offset: 30, unit: 'wd' }, anchor: 'periodExpiry' }, // T17: S4 §十二
  certificateRequiresFullPayment: true, // S4 §十一
  revocationRequiresProvincialApproval: true, // S4 §十
  terminationRequiresGovernmentApproval: true, // S4 §十一
  requiredDecisionDepartments: ['NATURAL_RESOURCES', 'DISCIPLINE_INSPECTION'], // S4 §二
  residentialMinFarExclusive: '1', // S4 §五, V14: FAR > 1 (strict)
  maxUnitAreaOnCultivatedLand: 144, // S4 §五: m² per unit
  villaProhibited: true, // S4 §五
  reservePriceWindow: { offset: 1, unit: 'hour' }, // T30: S4 §六
  supplementaryAnnouncementMinLead: { offset: 20, unit: 'cd' }, // T31: S4 §八
} satisfies Policy);
