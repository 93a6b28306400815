// Checks the seed calendar (the chinese-days years as WorkingCalendar events) against the 2025/2026
// notices transcribed in DOMAIN.md §11.2.
import t from 'tap';
import {
  addCalendarDays,
  calendarDaysBetween,
  isProvisionalDate,
  isWorkingDay,
} from '../../../src/domain/calendar/index.js';
import { SEED_CALENDAR } from '../../../src/domain/working-calendar/seed-calendar.js';

const working = (d: string): boolean => isWorkingDay(SEED_CALENDAR, d);

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
      for (const d of range(`${year}-${from}`, `${year}-${to}`)) t.equal(working(d), false, `${d} off`);
    }
    for (const md of notice.makeUp) t.equal(working(`${year}-${md}`), true, `${year}-${md} make-up`);
    const count = range(`${year}-01-01`, `${year}-12-31`).filter(working).length;
    t.equal(count, 248, '248 working days, as §11.2 computes');
  });
}

t.test('the seed covers 2004–2026 and nothing later: 2027 is provisional', async (t) => {
  t.equal(isProvisionalDate(SEED_CALENDAR, '2026-12-31'), false);
  t.equal(isProvisionalDate(SEED_CALENDAR, '2004-01-01'), false);
  t.equal(isProvisionalDate(SEED_CALENDAR, '2027-01-01'), true);
  t.equal(isProvisionalDate(SEED_CALENDAR, '2003-12-31'), true);
});
