/**
 * The holiday-cn mirror (DOMAIN.md §11.2): test/fixtures/holiday-cn-2026.json, written from the
 * 2026 table of §11.2, converts to exactly the seed's 2026; a malformed file is refused naming the
 * field (holidayCnSchema → ZodError with the issue path; fromHolidayCn → HOLIDAY_CN_INVALID).
 */
import { readFileSync } from 'node:fs';
import t from 'tap';
import { ZodError } from 'zod';
import { DomainError } from '../../../src/domain/errors.js';
import { SEED_STATE, fromHolidayCn, holidayCnSchema } from '../../../src/domain/working-calendar/index.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/holiday-cn-2026.json', import.meta.url), 'utf8')) as {
  year: number;
  papers: string[];
  days: { name: string; date: string; isOffDay: boolean }[];
};

const sorted = (days: readonly string[]): string[] => [...days].sort();

/** The error fromHolidayCn throws, or null. */
const failure = (json: unknown): DomainError | null => {
  try {
    fromHolidayCn(json);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
};

t.test('the fixture follows the §11.2 table of 2026', async (t) => {
  t.equal(fixture.year, 2026);
  t.same(fixture.papers, ['https://www.gov.cn/zhengce/content/202511/content_7047090.htm']);
  t.same(
    [...new Set(fixture.days.map((d) => d.name))].sort(),
    ['中秋节', '元旦', '劳动节', '国庆节', '春节', '清明节', '端午节'].sort(),
  );
  t.equal(fixture.days.filter((d) => d.isOffDay).length, 33, '3 + 9 + 3 + 5 + 3 + 3 + 7 off days');
});

t.test('fromHolidayCn gives exactly the off and make-up days of the seed’s 2026', async (t) => {
  const data = fromHolidayCn(fixture);
  const seed = SEED_STATE.years['2026'];
  if (seed === undefined) return t.fail('no 2026 in the seed');
  t.equal(data.scope, 'CN');
  t.equal(data.year, 2026);
  t.equal(data.sourceUrl, fixture.papers[0], 'sourceUrl = papers[0]');
  t.same(sorted(data.offDays), sorted(seed.offDays), 'off days');
  t.same(sorted(data.makeUpWorkDays), sorted(seed.makeUpWorkDays), 'make-up working days');
  t.same(sorted(data.makeUpWorkDays), [
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ]);
  t.equal(fromHolidayCn(fixture, 'CN-XZ').scope, 'CN-XZ', 'scope may be given');
});

t.test('a malformed file is refused naming the field (§11.2)', async (t) => {
  const { papers: _papers, ...noPapers } = fixture;
  const badDate = { ...fixture, days: fixture.days.map((d, i) => (i === 3 ? { ...d, date: '2026-1-4' } : d)) };

  for (const [label, json, path] of [
    ['missing papers', noPapers, ['papers']],
    ['a bad date', badDate, ['days', 3, 'date']],
    ['empty papers', { ...fixture, papers: [] }, ['papers']],
  ] as const) {
    const parsed = holidayCnSchema.safeParse(json);
    t.notOk(parsed.success, `${label}: schema refuses`);
    t.ok(parsed.error instanceof ZodError, `${label}: a ZodError`);
    t.same(parsed.error?.issues[0]?.path, path, `${label}: issue path`);
    t.throws(() => holidayCnSchema.parse(json), ZodError, `${label}: parse throws a ZodError`);

    const error = failure(json);
    t.equal(error?.code, 'HOLIDAY_CN_INVALID', `${label}: fromHolidayCn refuses with HOLIDAY_CN_INVALID`);
    t.equal(
      error?.details.field,
      path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${key}` : key), ''),
      `${label}: field named`,
    );
  }
});
