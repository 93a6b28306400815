/**
 * Linkage project areas (增减挂钩项目区; DOMAIN.md §9, T35, T36): one or two per province the seed
 * plays in, each in one of the seeded cities of that province. The PROVINCE_REVIEWER approves the
 * area; the city's GRANTOR_ADMIN files its basic information and the monthly progress of a few
 * months (some skipped: the timer records them overdue); some areas are accepted, their acceptance
 * filed within the 10 wd or after. Dates lie within the seed's span and never after HORIZON (the
 * service's clock is real); the service stamps basic info and progress with its own today.
 */
import { kebabCase } from '../../src/api/commands/kebab.js';
import { cityActors } from './actors.js';
import { addDays, addMonths, daysBetween, HORIZON, maxDate, type IsoDate } from './dates.js';
import type { City } from './places.js';
import type { Batch } from './plan.js';
import { seedTag } from './plan.js';
import { rngFor, type Rng } from './prng.js';
import type { Body, Item } from './timeline.js';

export interface LinkageArea {
  readonly linkageId: string;
  readonly city: City;
  readonly items: Item[];
}

const ha = (tenThousandths: number): string => (tenThousandths / 10_000).toFixed(4);

const plot = (plotId: string, areaHa: string) => ({
  plotId,
  areaHa,
  openViolation: false,
  built: false,
  changeSurveyConfirmed: false,
  usedForBalance: false,
  usedToReturnQuota: false,
});

const TOWNS = ['桥林街道', '横溪街道', '湖熟街道', '白马镇', '洪蓝街道', '永阳街道', '东坝街道', '和凤镇'];
const PROVINCE_SHORT: Record<string, string> = { '32': '苏', '33': '浙', '41': '豫' };

const areaItems = (rng: Rng, linkageId: string, city: City, approvedOn: IsoDate, k: number): Item[] => {
  const o = cityActors(city);
  const items: Item[] = [];
  const add = (on: IsoDate, name: string, command: string, actor: Item['actor'], body: Body, expectCode?: string) =>
    items.push({
      on,
      name,
      path: `/linkage-areas/${linkageId}/${kebabCase(command)}`,
      actor,
      body,
      ...(expectCode ? { expectCode } : {}),
    });
  const year = approvedOn.slice(0, 4);
  const town = rng.pick(TOWNS);
  const demolition = Array.from({ length: rng.int(2, 4) }, (_, i) => plot(`CJ-${i + 1}`, ha(rng.int(15_000, 80_000))));
  const demolitionTotal = demolition.reduce((s, p) => s + Math.round(Number(p.areaHa) * 10_000), 0);
  const constructionTotal = Math.floor(demolitionTotal * (rng.int(80, 95) / 100));
  const share = rng.int(40, 60);
  const constructionAreas = [
    Math.floor((constructionTotal * share) / 100),
    constructionTotal - Math.floor((constructionTotal * share) / 100),
  ];
  const construction = constructionAreas.map((a, i) => plot(`JX-${i + 1}`, ha(a)));
  const provinceShort = PROVINCE_SHORT[city.province] ?? '省';
  add(approvedOn, 'approve', 'ApproveLinkageOverall', o.province, {
    linkageId,
    jurisdiction: city.jurisdiction,
    name: `${city.name}${town}城乡建设用地增减挂钩项目区`,
    approvalDocNo: `${provinceShort}自然资函〔${year}〕${10 + k}号`,
    approvedOn,
    turnoverQuotaHa: ha(constructionTotal),
  });
  const infoOn = addDays(approvedOn, rng.int(5, 20));
  add(infoOn, 'basic-info', 'FileLinkageBasicInfo', o.grantor, {
    scaleHa: ha(demolitionTotal + constructionTotal),
    location: `${city.name}${town}`,
    approval: { documentNo: `${city.short}自然资〔${year}〕${20 + k}号`, approvedOn },
    demolitionPlots: demolition,
    constructionPlots: construction,
  });
  // T35: monthly progress from the approval's month, a few months, some skipped.
  const months = rng.int(3, 7);
  let lastMonthEnd: IsoDate = approvedOn;
  let reclaimed = 0;
  let built = 0;
  let firstFiled: string | null = null;
  for (let m = 0; m < months; m++) {
    const monthStart = `${addMonths(`${approvedOn.slice(0, 7)}-01`, m)}`;
    const monthEnd = addDays(addMonths(monthStart, 1), -1);
    if (monthEnd > HORIZON) break;
    lastMonthEnd = monthEnd;
    const r = Math.floor(demolitionTotal / months);
    const b = Math.floor(constructionTotal / months);
    reclaimed += r;
    built += b;
    if (m > 0 && rng.chance(0.2)) continue; // not filed: LinkageProgressOverdue
    const month = monthStart.slice(0, 7);
    firstFiled ??= month;
    add(maxDate(monthEnd, infoOn), `progress-${month}`, 'FileLinkageProgress', o.grantor, {
      month,
      reclaimedAreaHa: ha(r),
      newConstructionAreaHa: ha(b),
      farmersResettled: rng.int(5, 60),
      fundsUsedFen: rng.int(20, 400) * 1_000_000,
    });
  }
  // A month filed twice is refused (the second filing would rewrite the first).
  if (firstFiled !== null && rng.chance(0.3)) {
    add(
      maxDate(lastMonthEnd, infoOn),
      'progress-again',
      'FileLinkageProgress',
      o.grantor,
      {
        month: firstFiled,
        reclaimedAreaHa: '0.5000',
        newConstructionAreaHa: '0.4000',
        farmersResettled: 3,
        fundsUsedFen: 10_000_000,
      },
      'PROGRESS_MONTH_ALREADY_FILED',
    );
  }
  // T36: the acceptance, then its filing within 10 wd (a week at most) or late (3–6 weeks).
  const acceptedOn = addDays(maxDate(lastMonthEnd, infoOn), rng.int(5, 20));
  if (rng.chance(0.6) && daysBetween(acceptedOn, HORIZON) >= 45) {
    add(acceptedOn, 'accept', 'RecordLinkageAcceptance', rng.chance(0.5) ? o.province : o.grantor, {
      acceptedOn,
      documentNo: `${provinceShort}自然资验〔${acceptedOn.slice(0, 4)}〕${k + 1}号`,
    });
    const filedOn = addDays(acceptedOn, rng.chance(0.7) ? rng.int(1, 7) : rng.int(21, 42));
    add(filedOn, 'file-acceptance', 'FileLinkageAcceptance', o.grantor, {
      filedOn,
      reclaimedAreaHa: ha(reclaimed),
      newConstructionAreaHa: ha(built),
      resettlementCompensationFen: rng.int(200, 2_000) * 1_000_000,
      benefitDistribution: rng.pick(['增值收益全部返还农村', '增值收益用于农村基础设施建设和农民安置']),
    });
  }
  return items
    .map((item, seq) => ({ item, seq }))
    .sort((a, b) => (a.item.on < b.item.on ? -1 : a.item.on > b.item.on ? 1 : a.seq - b.seq))
    .map((x) => x.item);
};

/** One or two areas per province of the seeded batches, approved within the batches' own dates. */
export const linkageAreas = (seed: string, batches: readonly Batch[]): LinkageArea[] => {
  const rng = rngFor(`${seed}:linkage`);
  const tag = seedTag(seed);
  const first = batches.reduce<IsoDate>((a, b) => (b.meetingOn < a ? b.meetingOn : a), HORIZON);
  const last = batches.reduce<IsoDate>((a, b) => (b.dealOn > a ? b.dealOn : a), first);
  const byProvince = new Map<string, City[]>();
  for (const b of batches) {
    const cities = byProvince.get(b.city.province) ?? [];
    if (!cities.some((c) => c.code === b.city.code)) cities.push(b.city);
    byProvince.set(b.city.province, cities);
  }
  const areas: LinkageArea[] = [];
  for (const [province, cities] of [...byProvince.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const count = rng.int(1, 2);
    for (let k = 0; k < count; k++) {
      const city = cities[k % cities.length] as City;
      const approvedOn = addDays(first, rng.int(0, Math.max(0, daysBetween(first, last))));
      const linkageId = `LK-${city.code}-${approvedOn.slice(0, 4)}-${tag}-${province}${k + 1}`;
      areas.push({ linkageId, city, items: areaItems(rng, linkageId, city, approvedOn, k) });
    }
  }
  return areas;
};
