import t from 'tap';
import { SEED_CALENDAR } from '../../../src/domain/working-calendar/seed-calendar.js';
import { addWorkingDays, isProvisionalDate, isWorkingDay } from '../../../src/domain/calendar/index.js';
import { DomainError } from '../../../src/domain/errors.js';

t.test('DOMAIN.md §11.5 working-day vectors', async (t) => {
  const vectors: ReadonlyArray<readonly [rule: string, anchor: string, n: number, expected: string]> = [
    ['T01 contract after deal', '2026-02-10', 10, '2026-03-02'],
    ['T05 payment info', '2025-09-26', 10, '2025-10-16'],
    ['T15 inspection record', '2026-04-30', 5, '2026-05-11'],
    ['T02 tracking card', '2025-12-30', 10, '2026-01-14'],
    ['T14 declaration upload', '2026-09-24', 10, '2026-10-15'],
    ['T17 Jiangsu extension, expiry 2026-10-12', '2026-10-12', -30, '2026-08-25'],
    ['T17 Jiangsu extension, expiry 2026-03-02', '2026-03-02', -30, '2026-01-13'],
  ];
  for (const [rule, anchor, n, expected] of vectors) {
    t.same(addWorkingDays(SEED_CALENDAR, anchor, n), { date: expected, provisional: false }, rule);
  }
});

t.test('make-up Saturdays and Sundays are working days; weekday holidays are not', async (t) => {
  for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
    t.equal(isWorkingDay(SEED_CALENDAR, d), true, `${d} make-up day (2026)`);
  }
  for (const d of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) {
    t.equal(isWorkingDay(SEED_CALENDAR, d), true, `${d} make-up day (2025)`);
  }
  t.equal(isWorkingDay(SEED_CALENDAR, '2026-02-21'), false, 'ordinary Saturday inside Spring Festival');
  t.equal(isWorkingDay(SEED_CALENDAR, '2026-03-07'), false, 'ordinary Saturday');
  t.equal(isWorkingDay(SEED_CALENDAR, '2026-03-08'), false, 'ordinary Sunday');
  t.equal(isWorkingDay(SEED_CALENDAR, '2026-02-23'), false, 'Monday off (Spring Festival)');
  t.equal(isWorkingDay(SEED_CALENDAR, '2025-10-08'), false, 'Wednesday off (National Day + Mid-Autumn 2025)');
  t.equal(isWorkingDay(SEED_CALENDAR, '2026-03-09'), true, 'ordinary Monday');
});

t.test('Spring Festival 2026: nine days off, bracketed by two make-up Saturdays', async (t) => {
  t.same(
    addWorkingDays(SEED_CALENDAR, '2026-02-13', 1),
    { date: '2026-02-14', provisional: false },
    'Fri → make-up Sat',
  );
  t.same(addWorkingDays(SEED_CALENDAR, '2026-02-14', 1), { date: '2026-02-24', provisional: false }, 'skips Feb 15–23');
  t.same(addWorkingDays(SEED_CALENDAR, '2026-02-24', -1), { date: '2026-02-14', provisional: false }, 'and back');
  t.same(
    addWorkingDays(SEED_CALENDAR, '2026-02-27', 1),
    { date: '2026-02-28', provisional: false },
    'Feb 28 Sat counts',
  );
});

t.test('2020 Spring Festival as amended mid-year (§11.2, §11.4.6)', async (t) => {
  t.equal(isWorkingDay(SEED_CALENDAR, '2020-01-19'), true, 'make-up Sunday kept');
  t.equal(isWorkingDay(SEED_CALENDAR, '2020-01-31'), false, 'extension: Jan 31 off');
  t.equal(isWorkingDay(SEED_CALENDAR, '2020-02-01'), false, 'make-up Saturday cancelled by the amendment');
  t.equal(isWorkingDay(SEED_CALENDAR, '2020-02-02'), false);
  t.same(addWorkingDays(SEED_CALENDAR, '2020-01-23', 1), { date: '2020-02-03', provisional: false });
});

t.test('year boundary 2025 → 2026', async (t) => {
  t.same(
    addWorkingDays(SEED_CALENDAR, '2025-12-31', 1),
    { date: '2026-01-04', provisional: false },
    'Jan 1–3 off, Jan 4 Sun works',
  );
  t.same(addWorkingDays(SEED_CALENDAR, '2025-12-31', 2), { date: '2026-01-05', provisional: false });
  t.same(addWorkingDays(SEED_CALENDAR, '2026-01-04', -1), { date: '2025-12-31', provisional: false });
});

t.test('the anchor day is never counted, in either direction', async (t) => {
  t.same(addWorkingDays(SEED_CALENDAR, '2026-03-09', 1), { date: '2026-03-10', provisional: false }, 'working anchor');
  t.same(addWorkingDays(SEED_CALENDAR, '2026-03-07', 1), { date: '2026-03-09', provisional: false }, 'rest-day anchor');
  t.same(
    addWorkingDays(SEED_CALENDAR, '2026-03-09', -1),
    { date: '2026-03-06', provisional: false },
    'back over a weekend',
  );
  t.same(
    addWorkingDays(SEED_CALENDAR, '2026-03-09', 0),
    { date: '2026-03-09', provisional: false },
    'zero is the anchor',
  );
});

t.test('years without a published notice are provisional (weekends + fixed-date holidays)', async (t) => {
  t.same(
    addWorkingDays(SEED_CALENDAR, '2026-12-30', 3),
    { date: '2027-01-05', provisional: true },
    'Jan 1 2027 Fri off',
  );
  t.same(addWorkingDays(SEED_CALENDAR, '2027-04-29', 1), { date: '2027-04-30', provisional: true });
  t.same(
    addWorkingDays(SEED_CALENDAR, '2027-04-30', 1),
    { date: '2027-05-03', provisional: true },
    'May 1–2 2027 fall on the weekend',
  );
  t.same(addWorkingDays(SEED_CALENDAR, '2027-09-30', 1), { date: '2027-10-04', provisional: true }, 'Oct 1 Fri off');
  t.same(
    addWorkingDays(SEED_CALENDAR, '2026-12-01', 5),
    { date: '2026-12-08', provisional: false },
    'inside 2026 stays firm',
  );
  t.equal(isWorkingDay(SEED_CALENDAR, '2027-02-08'), true, 'lunar new year 2027 is unknown to the provisional rule');
  t.equal(isProvisionalDate(SEED_CALENDAR, '2027-03-01'), true);
  t.equal(isProvisionalDate(SEED_CALENDAR, '2026-12-31'), false);
  t.same(
    addWorkingDays(SEED_CALENDAR, '2027-01-05', -3),
    { date: '2026-12-30', provisional: true },
    'counting back from 2027',
  );
  t.same(addWorkingDays(SEED_CALENDAR, '2004-01-02', -1), { date: '2003-12-31', provisional: true }, 'before the data');
  t.equal(isWorkingDay(SEED_CALENDAR, '2003-05-02'), false, '1999–2007 rules: May 1–3 off');
});

t.test('bad input is a DomainError', async (t) => {
  t.throws(() => isWorkingDay(SEED_CALENDAR, '2026-02-30'), DomainError);
  t.throws(() => isWorkingDay(SEED_CALENDAR, '2026-2-3'), { code: 'DATE_FORMAT' });
  t.throws(() => addWorkingDays(SEED_CALENDAR, '2026-03-09', 1.5), { code: 'PERIOD_OFFSET' });
});
