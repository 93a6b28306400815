/**
 * National defaults (jurisdiction 'CN'), DOMAIN.md §4, §5, §6 and Appendix A. Where no national
 * rule exists the field is null, unless the field is required, in which case the only sourced
 * value (Jiangsu's) is the recommended default and the comment says so.
 */
import { SEED_CALENDAR } from '../working-calendar/seed-calendar.js';
import { deepFreeze } from './deep-freeze.js';
import type { Period, Policy } from './types.js';

const cd = (offset: number): Period => ({ offset, unit: 'cd' });
const wd = (offset: number): Period => ({ offset, unit: 'wd' });
const months = (offset: number): Period => ({ offset, unit: 'month' });
const years = (offset: number): Period => ({ offset, unit: 'year' });
const hours = (offset: number): Period => ({ offset, unit: 'hour' });

export const NATIONAL_POLICY: Policy = deepFreeze({
  version: 'CN-2026.1',
  calendar: SEED_CALENDAR,
  jurisdiction: 'CN',
  contractSigningAfterDeal: wd(10), // T01: E5 [E~]
  trackingCardAfterGrant: wd(10), // T02: S0 §三(一) (Xinmi, implementing national E9)
  supplyFilingAfterGrant: cd(10), // T03: S3 §三, 「10日内」 = calendar days (Q4)
  paymentReminderBefore: cd(30), // T04: S0 §二(三); E9
  paymentInfoEntryAfterPayment: wd(10), // T05: S0 §二(三); anchor = payment (Q10)
  marketTransactionEntryAfterOccurrence: wd(7), // T28: S1 §二(五); anchor = the transfer/lease/mortgage
  reserveEntryAfterIntake: wd(7), // T27: S1 §二(二); anchor = the land taken into the reserve
  renewalApplicationBeforeTermEnd: years(1), // T39: [U] 城市房地产管理法 Art 22 (recalled); term from delivery
  firstInstalment: { minShare: '0.5', within: months(1) }, // T06: E5 [E~]
  balanceWithin: years(1), // T06: E5 [E~]
  latePaymentRatePerDay: '0.001', // T07: 1 ‰/day, E4 [E~]; contract value overrides (Q11)
  terminationOverdue: cd(60), // T08: > 60 days + demand served, E3 [E~]
  grantorDeliveryThreshold: cd(60), // T09: E3 [E~]
  // T10: no national period; localities differ (Jiangsu 30 cd, another county 5 wd; Q13).
  sitePublicityAfterCertificate: null,
  // T11: the model contract leaves the start date to agreement; only housing has a rule (below).
  startWindowAfterDelivery: null,
  housingStartMaxAfterDelivery: years(1), // T11b: 国土资发〔2010〕151号, E6 [E~]
  housingCompletionMaxAfterStart: years(3), // T11b (E6) and T11c (E3 "in principle") [E~]
  startReminderBefore: cd(30), // T12: S0 §二(四); E9
  completionReminderBefore: cd(30), // T13: S0 §二(四); E9
  declarationUploadAfterVerification: wd(10), // T14: S0 §二(五); anchor flagged in Q10
  inspectionHandoverAfterInspection: wd(5), // T15: S0 §二(六)
  extensionLeadTime: { period: cd(30), anchor: 'agreedStart' }, // T17: GF-2008-2601, E3 (Q1)
  extensionMax: years(1), // T18: E3 [E~]
  idleTypeAAfterAgreedStart: years(1), // T19: E1 Art 2 [E✓]
  idleTypeBHalt: years(1), // T20: E1 Art 2 [E✓]
  idleTypeBDevelopedAreaBelow: '1/3', // T20: E1 Art 2 [E✓]
  idleTypeBInvestmentBelow: '0.25', // T20: E1 Art 2 [E✓]
  investigationAfterSuspicion: cd(30), // T21: E1 Art 5 [E✓]
  materialsAfterNotice: cd(30), // T22: E1 Art 5 [E✓]
  idleFeeRate: '0.20', // T23: E1 Art 14 fixes 20 %; statute says "up to" (Q5)
  idleFeePayAfterService: cd(30), // T23: E1 Art 17 [E✓]
  freeRecoveryAfterAgreedStart: years(2), // T24: E1 Art 14 [E✓]
  deregisterAfterService: cd(30), // T24: E1 Art 17 [E✓]
  temporaryUseMax: years(2), // T25: E1 Art 12(3) [E✓]
  govCauseExtensionMax: years(1), // E1 Art 12(1) [E✓]
  certificateRequiresFullPayment: false, // S4 §十一 is Jiangsu's; see the lead's report note
  revocationRequiresProvincialApproval: false, // S4 §十 is Jiangsu's
  terminationRequiresGovernmentApproval: false, // S4 §十一 is Jiangsu's; E3: the grantor may terminate
  // E18 [E~]: residential 70; industrial 50; education, science, culture, health, sports 50;
  // commercial, tourism, entertainment 40; comprehensive or other 50.
  maxLandUseTermYears: { '05': 40, '06': 50, '07': 70, '08': 50, '09': 50, '10': 50, '11': 50 },
  // §7.3, Q9: nationally the ban lasts until the case is closed and rectified (E6, E7); no fixed term.
  creditBanTerm: null,
  // §10.1: nationally no text names the participants of the collective decision; the grantor
  // department (city/county natural resources, §12) drafts every supply plan, so it is the one
  // department any meeting must include. 纪委监委 is Jiangsu's requirement (S4 §二).
  requiredDecisionDepartments: ['NATURAL_RESOURCES'],
  residentialMinFarExclusive: null, // S4 §五 is Jiangsu's
  maxUnitAreaOnCultivatedLand: null, // S4 §五 is Jiangsu's
  villaProhibited: false, // S4 §五 is Jiangsu's
  // T30: nationally only "decided collectively, kept secret" (E10); the field is required, so
  // Jiangsu's 1 h window is the recommended default.
  reservePriceWindow: hours(1),
  // T31: Jiangsu's rule; nationally the announcement itself needs 20 days (T32), so the same
  // 20 cd is the consistent default for a supplementary announcement.
  supplementaryAnnouncementMinLead: cd(20),
  announcementMinLead: cd(20), // T32: E10 [E~] 「20日」 = calendar days
  linkageAcceptanceFilingAfterAcceptance: wd(10), // T36: S2-MLR §二(二)
});
