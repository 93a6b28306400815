import t from 'tap';
import fixture from '../../fixtures/holiday-cn-2026.json' with { type: 'json' };
import { DomainError } from '../../../src/domain/errors.js';
import { fromHolidayCn, seedEvents, workingCalendarDecider } from '../../../src/domain/working-calendar/index.js';
import { ctx } from './helpers.js';

const rejection = (json: unknown): { code: string; field: unknown; message: string } | null => {
  try {
    fromHolidayCn(json);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.details.field, message: error.message };
  }
};

t.test('the 2026 mirror file converts to exactly the seed’s 2026 days', async (t) => {
  const data = fromHolidayCn(fixture);
  t.equal(data.scope, 'CN');
  t.equal(data.year, 2026);
  t.equal(data.sourceUrl, 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm');
  t.equal(data.documentNo, '国务院办公厅关于2026年部分节假日安排的通知');
  t.equal(data.publishedOn, null);
  t.equal(data.offDays.length, 33);
  t.equal(data.makeUpWorkDays.length, 6);
  const seed2026 = seedEvents().find((e) => e.type === 'CalendarYearPublished' && e.data.year === 2026);
  const [event] = workingCalendarDecider.decide(
    { type: 'PublishCalendarYear', data, context: ctx() },
    workingCalendarDecider.initialState(),
  );
  t.ok(seed2026 && event);
  if (seed2026?.type !== 'CalendarYearPublished' || event?.type !== 'CalendarYearPublished') return;
  t.same(event.data.offDays, seed2026.data.offDays);
  t.same(event.data.makeUpWorkDays, seed2026.data.makeUpWorkDays);
});

t.test('a regional scope is passed through', async (t) => {
  t.equal(fromHolidayCn(fixture, 'CN-XZ').scope, 'CN-XZ');
});

t.test('a file not of the holiday-cn shape fails naming the field', async (t) => {
  t.match(rejection({ ...fixture, papers: [] }), { code: 'HOLIDAY_CN_INVALID', field: 'papers' });
  t.match(rejection({ ...fixture, papers: ['content_7047090'] }), { field: 'papers[0]' });
  const days = fixture.days.map((d, i) => (i === 3 ? { ...d, date: '2026-02-30' } : d));
  t.match(rejection({ ...fixture, days }), {
    code: 'HOLIDAY_CN_INVALID',
    field: 'days[3].date',
    message: /days\[3\]\.date: must be a real calendar date/,
  });
  t.match(rejection({ ...fixture, days: [{ name: '春节', date: '2026-02-15' }] }), { field: 'days[0].isOffDay' });
  t.match(rejection({ ...fixture, year: '2026' }), { field: 'year' });
  t.match(rejection('2026'), { code: 'HOLIDAY_CN_INVALID', message: /\(root\)/ });
});
