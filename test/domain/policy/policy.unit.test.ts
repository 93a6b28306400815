import t from 'tap';
import { applyPeriod } from '../../../src/domain/calendar/index.js';
import { parseRatio } from '../../../src/domain/money.js';
import { JIANGSU_POLICY, NATIONAL_POLICY, policyFor } from '../../../src/domain/policy/index.js';
import type { Policy } from '../../../src/domain/policy/index.js';

t.test('policyFor picks the longest jurisdiction prefix', async (t) => {
  t.equal(policyFor('CN'), NATIONAL_POLICY);
  t.equal(policyFor('CN-JS'), JIANGSU_POLICY);
  t.equal(policyFor('CN-JS-3201'), JIANGSU_POLICY, 'Nanjing');
  t.equal(policyFor('CN-JS-3201-05'), JIANGSU_POLICY);
  t.equal(policyFor('CN-HA-4101'), NATIONAL_POLICY, 'Henan has no overlay');
  t.equal(policyFor('CN-JSX'), NATIONAL_POLICY, 'a prefix must end at a dash');
  t.throws(() => policyFor('US-CA'), { code: 'JURISDICTION_UNKNOWN', details: { field: 'jurisdiction' } });
  t.throws(() => policyFor(''), { code: 'JURISDICTION_UNKNOWN' });
});

t.test('versions and jurisdictions', async (t) => {
  t.equal(NATIONAL_POLICY.version, 'CN-2026.1');
  t.equal(NATIONAL_POLICY.jurisdiction, 'CN');
  t.equal(JIANGSU_POLICY.version, 'CN-JS-2026.1');
  t.equal(JIANGSU_POLICY.jurisdiction, 'CN-JS');
});

t.test('national values from DOMAIN.md §4–§6', async (t) => {
  const p = NATIONAL_POLICY;
  t.same(p.contractSigningAfterDeal, { offset: 10, unit: 'wd' });
  t.same(p.supplyFilingAfterGrant, { offset: 10, unit: 'cd' });
  t.same(p.paymentReminderBefore, { offset: 30, unit: 'cd' });
  t.same(p.firstInstalment, { minShare: '0.5', within: { offset: 1, unit: 'month' } });
  t.equal(p.latePaymentRatePerDay, '0.001');
  t.same(p.terminationOverdue, { offset: 60, unit: 'cd' });
  t.same(p.inspectionHandoverAfterInspection, { offset: 5, unit: 'wd' });
  t.same(p.extensionLeadTime, { period: { offset: 30, unit: 'cd' }, anchor: 'agreedStart' });
  t.same(p.freeRecoveryAfterAgreedStart, { offset: 2, unit: 'year' });
  t.equal(p.idleFeeRate, '0.20');
  t.equal(p.sitePublicityAfterCertificate, null);
  t.equal(p.startWindowAfterDelivery, null);
  t.equal(p.residentialMinFarExclusive, null);
  t.equal(p.maxUnitAreaOnCultivatedLand, null);
  t.equal(p.villaProhibited, false);
  t.equal(p.certificateRequiresFullPayment, false);
  t.equal(p.revocationRequiresProvincialApproval, false);
});

t.test('Jiangsu differs where S4 says so and equals national elsewhere', async (t) => {
  const expectedJiangsu: Partial<Policy> = {
    version: 'CN-JS-2026.1',
    jurisdiction: 'CN-JS',
    sitePublicityAfterCertificate: { offset: 30, unit: 'cd' },
    startWindowAfterDelivery: { normal: { offset: 6, unit: 'month' }, max: { offset: 1, unit: 'year' } },
    extensionLeadTime: { period: { offset: 30, unit: 'wd' }, anchor: 'periodExpiry' },
    certificateRequiresFullPayment: true,
    revocationRequiresProvincialApproval: true,
    residentialMinFarExclusive: '1',
    maxUnitAreaOnCultivatedLand: 144,
    villaProhibited: true,
    terminationRequiresGovernmentApproval: true,
    requiredDecisionDepartments: ['NATURAL_RESOURCES', 'DISCIPLINE_INSPECTION'],
  };
  for (const key of Object.keys(NATIONAL_POLICY) as (keyof Policy)[]) {
    if (key in expectedJiangsu) {
      t.same(JIANGSU_POLICY[key], expectedJiangsu[key], `${key} is Jiangsu's`);
      t.notSame(JIANGSU_POLICY[key], NATIONAL_POLICY[key], `${key} differs from national`);
    } else {
      t.same(JIANGSU_POLICY[key], NATIONAL_POLICY[key], `${key} inherited`);
    }
  }
  t.same(JIANGSU_POLICY.reservePriceWindow, { offset: 1, unit: 'hour' }, 'T30: 1 h');
  t.same(JIANGSU_POLICY.supplementaryAnnouncementMinLead, { offset: 20, unit: 'cd' }, 'T31: 20 cd');
  t.same(Object.keys(JIANGSU_POLICY).sort(), Object.keys(NATIONAL_POLICY).sort(), 'same shape');
});

t.test('parcel and decision parameters moved into the policy', async (t) => {
  // S4 §十一: Jiangsu's government approves a termination; nationally the grantor decides (E3).
  t.equal(NATIONAL_POLICY.terminationRequiresGovernmentApproval, false);
  t.equal(JIANGSU_POLICY.terminationRequiresGovernmentApproval, true);
  // E18: commercial 40, industrial 50, residential 70, public services and the rest 50.
  const maxima = { '05': 40, '06': 50, '07': 70, '08': 50, '09': 50, '10': 50, '11': 50 };
  t.same(NATIONAL_POLICY.maxLandUseTermYears, maxima);
  t.same(JIANGSU_POLICY.maxLandUseTermYears, maxima, 'Jiangsu inherits the national maxima');
  // §7.3, Q9: no fixed ban term in either; the ban ends when it is lifted.
  t.equal(NATIONAL_POLICY.creditBanTerm, null);
  t.equal(JIANGSU_POLICY.creditBanTerm, null);
  // S4 §二: Jiangsu adds the discipline commission; nationally only the grantor department.
  t.same(NATIONAL_POLICY.requiredDecisionDepartments, ['NATURAL_RESOURCES']);
  t.same(JIANGSU_POLICY.requiredDecisionDepartments, ['NATURAL_RESOURCES', 'DISCIPLINE_INSPECTION']);
  for (const p of [NATIONAL_POLICY, JIANGSU_POLICY]) {
    t.ok(Object.isFrozen(p.maxLandUseTermYears), `${p.version}: term maxima frozen`);
    t.ok(Object.isFrozen(p.requiredDecisionDepartments), `${p.version}: departments frozen`);
    t.throws(() => {
      (p.requiredDecisionDepartments as string[]).push('FINANCE');
    }, TypeError);
    t.throws(() => {
      (p.maxLandUseTermYears as Record<string, number>)['07'] = 99;
    }, TypeError);
  }
});

t.test('policies are frozen, deeply', async (t) => {
  for (const p of [NATIONAL_POLICY, JIANGSU_POLICY]) {
    t.ok(Object.isFrozen(p));
    t.ok(Object.isFrozen(p.extensionLeadTime) && Object.isFrozen(p.extensionLeadTime.period));
    t.ok(Object.isFrozen(p.firstInstalment.within));
    t.throws(() => {
      (p as { latePaymentRatePerDay: string }).latePaymentRatePerDay = '0.002';
    }, TypeError);
  }
  t.ok(JIANGSU_POLICY.startWindowAfterDelivery && Object.isFrozen(JIANGSU_POLICY.startWindowAfterDelivery.normal));
});

t.test('every rate parses exactly and every period is usable', async (t) => {
  for (const p of [NATIONAL_POLICY, JIANGSU_POLICY]) {
    t.same(parseRatio(p.idleTypeBDevelopedAreaBelow), { num: 1n, den: 3n });
    t.same(parseRatio(p.idleTypeBInvestmentBelow), { num: 1n, den: 4n });
    t.same(parseRatio(p.latePaymentRatePerDay), { num: 1n, den: 1000n });
    t.same(parseRatio(p.firstInstalment.minShare), { num: 1n, den: 2n });
  }
  // Jiangsu extension lead time anchored on period expiry: §11.5 vector.
  const lead = JIANGSU_POLICY.extensionLeadTime.period;
  t.same(applyPeriod(NATIONAL_POLICY.calendar, '2026-10-12', lead, 'before'), {
    date: '2026-08-25',
    provisional: false,
  });
  t.same(applyPeriod(NATIONAL_POLICY.calendar, '2026-10-12', NATIONAL_POLICY.extensionLeadTime.period, 'before'), {
    date: '2026-09-12',
    provisional: false,
  });
});
