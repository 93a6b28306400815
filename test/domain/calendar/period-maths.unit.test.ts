import t from 'tap';
import { SEED_CALENDAR } from '../../../src/domain/working-calendar/seed-calendar.js';
import {
  addCalendarDays,
  addMonths,
  addYears,
  applyPeriod,
  calendarDaysBetween,
  shanghaiDate,
} from '../../../src/domain/calendar/index.js';

const firm = (date: string) => ({ date, provisional: false });

t.test('DOMAIN.md §11.5 calendar vectors', async (t) => {
  t.same(
    addCalendarDays('2025-09-04', 30, { rollOn: SEED_CALENDAR }),
    firm('2025-10-09'),
    '30 cd lands on Oct 4 holiday',
  );
  t.same(addCalendarDays('2025-09-04', 30), firm('2025-10-04'), 'without roll-over');
  t.same(addMonths('2025-08-31', 6), firm('2026-02-28'), 'delivery + 6 m');
  t.same(addYears('2024-02-29', 1), firm('2025-02-28'), 'idle 1 y');
  t.same(addYears('2024-02-29', 2), firm('2026-02-28'), 'idle 2 y');
});

t.test('leap days and month ends', async (t) => {
  t.same(addYears('2024-02-29', 4), firm('2028-02-29'), 'leap to leap keeps the 29th');
  t.same(addMonths('2024-01-31', 1), firm('2024-02-29'), 'Jan 31 + 1 m in a leap year');
  t.same(addMonths('2025-01-31', 1), firm('2025-02-28'));
  t.same(addMonths('2025-03-31', -1), firm('2025-02-28'), 'backwards clamps too');
  t.same(addMonths('2025-11-15', 3), firm('2026-02-15'), 'over the year end');
  t.same(addCalendarDays('2024-02-28', 1), firm('2024-02-29'));
  t.same(addCalendarDays('2024-03-01', -1), firm('2024-02-29'));
  t.same(addCalendarDays('2025-12-31', 1), firm('2026-01-01'));
  t.equal(calendarDaysBetween('2024-01-01', '2025-01-01'), 366);
  t.equal(calendarDaysBetween('2026-03-02', '2026-02-10'), -20);
});

t.test('roll-over to the next working day', async (t) => {
  t.same(addCalendarDays('2026-02-05', 10, { rollOn: SEED_CALENDAR }), firm('2026-02-24'), 'into Spring Festival');
  t.same(addCalendarDays('2026-02-04', 10, { rollOn: SEED_CALENDAR }), firm('2026-02-14'), 'make-up Sat is a due day');
  t.same(addCalendarDays('2026-03-02', 4, { rollOn: SEED_CALENDAR }), firm('2026-03-06'), 'working day stays');
  t.same(addMonths('2026-09-04', 1, { rollOn: SEED_CALENDAR }), firm('2026-10-08'), 'month period rolls too');
  t.same(addCalendarDays('2026-12-01', 30, { rollOn: SEED_CALENDAR }), firm('2026-12-31'));
  t.same(
    addCalendarDays('2026-12-02', 30, { rollOn: SEED_CALENDAR }),
    { date: '2027-01-04', provisional: true },
    'rolls through Jan 1 2027 and a weekend: provisional',
  );
  t.same(addYears('2026-05-01', 1), firm('2027-05-01'), 'no calendar consulted → not provisional');
  t.same(addYears('2026-05-01', 1, { rollOn: SEED_CALENDAR }), { date: '2027-05-03', provisional: true });
});

t.test('applyPeriod', async (t) => {
  t.same(applyPeriod(SEED_CALENDAR, '2026-02-10', { offset: 10, unit: 'wd' }, 'after'), firm('2026-03-02'));
  t.same(applyPeriod(SEED_CALENDAR, '2026-10-12', { offset: 30, unit: 'wd' }, 'before'), firm('2026-08-25'));
  t.same(
    applyPeriod(SEED_CALENDAR, '2026-06-30', { offset: 30, unit: 'cd' }, 'before'),
    firm('2026-05-31'),
    'reminder fires on a Sunday',
  );
  t.same(applyPeriod(SEED_CALENDAR, '2025-08-31', { offset: 6, unit: 'month' }, 'after'), firm('2026-02-28'));
  t.same(applyPeriod(SEED_CALENDAR, '2026-03-31', { offset: 1, unit: 'month' }, 'before'), firm('2026-02-28'));
  t.same(applyPeriod(SEED_CALENDAR, '2024-02-29', { offset: 2, unit: 'year' }, 'after'), firm('2026-02-28'));
  t.same(
    applyPeriod(SEED_CALENDAR, '2025-09-04', { offset: 30, unit: 'cd' }, 'after', { rollToWorkingDay: true }),
    firm('2025-10-09'),
  );
  t.throws(() => applyPeriod(SEED_CALENDAR, '2026-01-01', { offset: 1, unit: 'hour' }, 'before'), {
    code: 'PERIOD_UNIT_UNSUPPORTED',
  });
});

t.test('shanghaiDate', async (t) => {
  t.equal(shanghaiDate('2025-12-31T15:59:59Z'), '2025-12-31');
  t.equal(shanghaiDate('2025-12-31T16:00:00Z'), '2026-01-01', 'midnight CST is 16:00 UTC');
  t.equal(shanghaiDate('2026-01-01T00:30:00+08:00'), '2026-01-01');
  t.equal(shanghaiDate('2026-01-01T07:00:00-05:00'), '2026-01-01');
  t.equal(shanghaiDate('2026-01-01T12:00:00.000-05:00'), '2026-01-02');
  t.throws(() => shanghaiDate('2026-01-01T12:00:00'), { code: 'INSTANT_FORMAT' }, 'no offset');
  t.throws(() => shanghaiDate('2026-01-01'), { code: 'INSTANT_FORMAT' });
  t.throws(() => shanghaiDate('yesterday'), { code: 'INSTANT_FORMAT' });
});
