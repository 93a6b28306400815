/**
 * Report periods (S1 §三, DOMAIN.md §13): a year, half, quarter or month as an inclusive range of
 * days, and the day the monitoring report for it is due (the 10th of the month after its end).
 */
import t from 'tap';
import { InvalidPeriodError, parsePeriod } from '../../src/reports/period.js';

t.test('S1/§13: a quarter, a half, a year and a month cover their days, both ends included', async (t) => {
  t.same(parsePeriod('2025Q3'), {
    label: '2025Q3',
    kind: 'QUARTER',
    year: 2025,
    from: '2025-07-01',
    to: '2025-09-30',
    reportDueOn: '2025-10-10',
  });
  t.match(parsePeriod('2025Q1'), { from: '2025-01-01', to: '2025-03-31', reportDueOn: '2025-04-10' });
  t.match(parsePeriod('2025Q4'), { from: '2025-10-01', to: '2025-12-31', reportDueOn: '2026-01-10' });
  t.match(parsePeriod('2025H1'), { kind: 'HALF', from: '2025-01-01', to: '2025-06-30', reportDueOn: '2025-07-10' });
  t.match(parsePeriod('2025H2'), { kind: 'HALF', from: '2025-07-01', to: '2025-12-31', reportDueOn: '2026-01-10' });
  t.match(parsePeriod('2025'), { kind: 'YEAR', from: '2025-01-01', to: '2025-12-31', reportDueOn: '2026-01-10' });
  t.match(parsePeriod('2025M07'), { kind: 'MONTH', from: '2025-07-01', to: '2025-07-31', reportDueOn: null });
  t.match(parsePeriod('2025M12'), { from: '2025-12-01', to: '2025-12-31' });
});

t.test('S1/§13: February ends on its last day, leap years included', async (t) => {
  t.match(parsePeriod('2024M02'), { from: '2024-02-01', to: '2024-02-29' });
  t.match(parsePeriod('2025M02'), { from: '2025-02-01', to: '2025-02-28' });
  t.match(parsePeriod('2100M02'), { to: '2100-02-28' }, '2100 is not a leap year');
  t.match(parsePeriod('2000M02'), { to: '2000-02-29' }, '2000 is');
});

t.test('S1/§13: anything else is not a report period, and says what one looks like', async (t) => {
  for (const bad of [
    '2025Q5',
    '2025Q0',
    '2025H3',
    '2025M13',
    '2025M00',
    '2025M7',
    '25Q3',
    '2025q3',
    '2025-Q3',
    ' 2025Q3',
    '2025Q3 ',
    '',
    '1989',
    '2101Q1',
  ]) {
    t.throws(() => parsePeriod(bad), InvalidPeriodError, JSON.stringify(bad));
  }
  t.throws(() => parsePeriod('2025Q5'), { code: 'PERIOD_INVALID', message: /2025Q5.*YYYYQ1–Q4/ });
});

t.test('S1/§13: every quarter of a year tiles it, day after day', async (t) => {
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const year of [2024, 2025]) {
    const quarters = [1, 2, 3, 4].map((q) => parsePeriod(`${year}Q${q}`));
    t.equal(quarters[0]?.from, `${year}-01-01`);
    t.equal(quarters[3]?.to, `${year}-12-31`);
    for (let i = 1; i < 4; i++) t.equal(quarters[i]?.from, next(quarters[i - 1]?.to ?? ''), `${year}Q${i + 1}`);
    const months = Array.from({ length: 12 }, (_, m) => parsePeriod(`${year}M${String(m + 1).padStart(2, '0')}`));
    for (let i = 1; i < 12; i++) t.equal(months[i]?.from, next(months[i - 1]?.to ?? ''), `${year}M${i + 1}`);
  }
});
