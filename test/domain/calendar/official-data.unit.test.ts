// Checks the package data against the 2025/2026 notices transcribed in DOMAIN.md §11.2, and the
// coverage constants against the installed package (a test may read files; the domain may not).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import t from 'tap';
import {
  addCalendarDays,
  CALENDAR_VERSION,
  calendarDaysBetween,
  FIRST_COVERED_YEAR,
  isWorkingDay,
  LAST_COVERED_YEAR,
} from '../../../src/domain/calendar/index.js';

const range = (from: string, to: string): string[] =>
  Array.from({ length: calendarDaysBetween(from, to) + 1 }, (_, i) => addCalendarDays(from, i).date);

const notices = {
  2025: {
    off: [
      ['01-01', '01-01'],
      ['01-28', '02-04'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['05-31', '06-02'],
      ['10-01', '10-08'],
    ],
    makeUp: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: [
      ['01-01', '01-03'],
      ['02-15', '02-23'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['06-19', '06-21'],
      ['09-25', '09-27'],
      ['10-01', '10-07'],
    ],
    makeUp: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
} as const;

for (const [year, notice] of Object.entries(notices)) {
  t.test(`${year} calendar matches the notice in §11.2`, async (t) => {
    for (const [from, to] of notice.off) {
      for (const d of range(`${year}-${from}`, `${year}-${to}`)) t.equal(isWorkingDay(d), false, `${d} off`);
    }
    for (const md of notice.makeUp) t.equal(isWorkingDay(`${year}-${md}`), true, `${year}-${md} make-up`);
    const working = range(`${year}-01-01`, `${year}-12-31`).filter(isWorkingDay).length;
    t.equal(working, 248, '248 working days, as §11.2 computes');
  });
}

t.test('coverage constants and version match the installed package', async (t) => {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('chinese-days/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  const data = JSON.parse(readFileSync(pkgPath.replace(/package\.json$/, 'dist/chinese-days.json'), 'utf8')) as {
    holidays: Record<string, string>;
  };
  const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
  t.equal(Math.min(...years), FIRST_COVERED_YEAR);
  t.equal(Math.max(...years), LAST_COVERED_YEAR);
  t.equal(CALENDAR_VERSION, `chinese-days-${pkg.version}+${FIRST_COVERED_YEAR}-${LAST_COVERED_YEAR}`);
});
