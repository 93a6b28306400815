/**
 * The seed calendar (src/domain/working-calendar/seed.ts): its version, the 2020 history, every
 * day 2004–2026 against the chinese-days package's own rule, provisional 2027, the §11.5 vectors
 * of DOMAIN.md, the 248-working-day years and Art 7 on the seed's 2025 and 2026.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import t from 'tap';
import {
  addWorkingDays,
  countWorkingDays,
  isProvisionalDate,
  isWorkingDay,
} from '../../../src/domain/calendar/index.js';
import {
  SEED_CALENDAR,
  SEED_REVISION,
  SEED_STATE,
  SEED_VERSION,
  longestRunBesideHoliday,
} from '../../../src/domain/working-calendar/index.js';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as {
  holidays: Record<string, unknown>;
  workdays: Record<string, unknown>;
};

/** Every date from `from` to `to`, both included. */
const eachDay = function* (from: string, to: string): Generator<string> {
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1))
    yield d.toISOString().slice(0, 10);
};

/** The package's rule: a make-up working day, or Mon–Fri and not a holiday. */
const packageWorking = (date: string): boolean => {
  if (Object.hasOwn(pkg.workdays, date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5 && !Object.hasOwn(pkg.holidays, date);
};

t.test('the seed is 24 events: 23 years and the 2020 amendment; version CN.24', async (t) => {
  t.equal(SEED_REVISION, 24);
  t.equal(SEED_VERSION, 'CN.24');
  t.equal(SEED_CALENDAR.version, 'CN.24');
  t.equal(SEED_STATE.scope, 'CN');
  t.equal(Object.keys(SEED_STATE.years).length, 23);
});

t.test('the seed’s 2020 has two sources: the notice and its amendment (§11.2)', async (t) => {
  const year = SEED_STATE.years['2020'];
  t.equal(year?.version, 2);
  t.same(
    year?.sources.map((s) => s.kind),
    ['published', 'amended'],
  );
  t.equal(year?.sources[1]?.sourceUrl, 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm');
  t.equal(year?.sources[1]?.publishedOn, '2020-01-27');
  for (const [key, y] of Object.entries(SEED_STATE.years))
    if (key !== '2020') t.equal(y.sources.length, 1, `${key} has one source`);
});

t.test('every day 2004-01-01 … 2026-12-31: isWorkingDay equals the package rule (§11.4.2)', async (t) => {
  const mismatches: string[] = [];
  let count = 0;
  for (const day of eachDay('2004-01-01', '2026-12-31')) {
    count += 1;
    if (isWorkingDay(SEED_CALENDAR, day) !== packageWorking(day)) mismatches.push(day);
    if (isProvisionalDate(SEED_CALENDAR, day)) mismatches.push(`${day} provisional`);
  }
  t.equal(count, 8401, 'days 2004–2026');
  t.same(mismatches, [], 'no day differs');
});

t.test('2027 is not published: its days are provisional (§11.4.4)', async (t) => {
  for (const day of ['2027-01-01', '2027-02-10', '2027-06-15', '2027-12-31'])
    t.ok(isProvisionalDate(SEED_CALENDAR, day), `${day} provisional`);
  t.notOk(isProvisionalDate(SEED_CALENDAR, '2026-12-31'));
  t.same(addWorkingDays(SEED_CALENDAR, '2026-12-30', 3).provisional, true, 'a period into 2027 is provisional');
  t.notOk(isWorkingDay(SEED_CALENDAR, '2027-01-01'), 'New Year 2027 off provisionally');
});

t.test('DOMAIN.md §11.5 vectors through addWorkingDays(SEED_CALENDAR)', async (t) => {
  const vectors: [string, string, number, string][] = [
    ['T01 counts Feb 14 and Feb 28 Sat make-up days, skips Feb 15–23', '2026-02-10', 10, '2026-03-02'],
    ['T05 Sep 28 Sun and Oct 11 Sat count; Oct 1–8 skipped', '2025-09-26', 10, '2025-10-16'],
    ['T15 May 9 Sat counts', '2026-04-30', 5, '2026-05-11'],
    ['T02 year boundary, Jan 4 Sun counts', '2025-12-30', 10, '2026-01-14'],
    ['T14 declaration upload', '2026-09-24', 10, '2026-10-15'],
    ['T17 Jiangsu extension before 2026-10-12', '2026-10-12', -30, '2026-08-25'],
    ['T17 Jiangsu extension before 2026-03-02', '2026-03-02', -30, '2026-01-13'],
  ];
  for (const [name, from, n, expected] of vectors)
    t.same(
      addWorkingDays(SEED_CALENDAR, from, n),
      { date: expected, provisional: false },
      `${name}: ${from} ${n} → ${expected}`,
    );
});

t.test('2025 and 2026 each have 248 working days (§11.2)', async (t) => {
  t.same(countWorkingDays(SEED_CALENDAR, '2025-01-01', '2025-12-31'), { days: 248, provisional: false });
  t.same(countWorkingDays(SEED_CALENDAR, '2026-01-01', '2026-12-31'), { days: 248, provisional: false });
});

t.test('Art 7: the seed’s 2025 and 2026 have no run beside a holiday longer than 6 (§11.1)', async (t) => {
  for (const year of [2025, 2026]) {
    const days = SEED_STATE.years[String(year)];
    if (days === undefined) return t.fail(`${year} missing`);
    const longest = longestRunBesideHoliday(year, days.offDays, days.makeUpWorkDays);
    t.ok(longest !== null && longest.length <= 6, `${year}: longest run ${JSON.stringify(longest)}`);
  }
  const y2026 = SEED_STATE.years['2026'];
  t.equal(y2026 && longestRunBesideHoliday(2026, y2026.offDays, y2026.makeUpWorkDays)?.length, 6, '2026 reaches 6');
});
