/**
 * WorkingCalendar validation (DOMAIN.md §11.1, §11.4): every code of CALENDAR_ERRORS refused by a
 * crafted command, Art 7 and its exceptions (special case, regional overlay, years before 2025),
 * and the zod schemas of the commands.
 */
import t, { type Test } from 'tap';
import type { CommandContext } from '../../../src/domain/decider.js';
import {
  CALENDAR_ERRORS,
  fromHolidayCn,
  publishCalendarYearSchema,
  workingCalendarDecider,
  type AmendCalendarData,
  type CalendarCommand,
  type PublishCalendarYearData,
  type WorkingCalendarEvent,
} from '../../../src/domain/working-calendar/index.js';
import { deciderSpec } from '../fixtures/decider-spec.js';
import { amend as amendWith, NOTICE_2026, publish } from './helpers.js';

const context: CommandContext = { now: '2026-11-26T10:00:00+08:00', actor: { id: 'officer-1', role: 'MINISTRY' } };
const spec = deciderSpec(workingCalendarDecider);
const covered = new Set<string>();

/** The helpers' amend, with the changes first and an issue date, as these tests write it. */
const amend = (changes: AmendCalendarData['changes'], data: Partial<AmendCalendarData> = {}): CalendarCommand =>
  amendWith({ publishedOn: '2026-11-20', ...data, changes });

/** The events of the 2026 notice as decided on an empty calendar. */
const published2026 = (): readonly WorkingCalendarEvent[] => spec.given([]).when(publish()).events();

/** Rejects and records the code as covered. */
const rejects = (
  t: Test,
  given: readonly WorkingCalendarEvent[],
  command: CalendarCommand,
  expected: { code: keyof typeof CALENDAR_ERRORS; field?: string; rule?: string; details?: Record<string, unknown> },
  message?: string,
): void => {
  covered.add(expected.code);
  spec.given(given).when(command).thenRejects(t, expected, message);
};

// A crafted year whose Jan 1 is a Friday (2021, 2027): New Year off Fri Jan 1 – Sat Jan 2,
// make-up Sunday Jan 3, then the make-up Saturday Jan 9 makes Sun Jan 3 – Sat Jan 9 a 7-day
// working run beside the holiday (without it, Jan 3 – Fri Jan 8 is 6).
const crafted = (year: number, data: Partial<PublishCalendarYearData> = {}): CalendarCommand =>
  publish({
    year,
    sourceUrl: `https://www.gov.cn/zhengce/content/${year - 1}11/content_0000000.htm`,
    documentNo: `国务院办公厅关于${year}年部分节假日安排的通知`,
    publishedOn: null,
    offDays: [`${year}-01-01`, `${year}-01-02`],
    makeUpWorkDays: [`${year}-01-03`, `${year}-01-09`],
    ...data,
  });

t.test('DATE_OUTSIDE_YEAR: every day of a notice lies in its year (§11.4)', async (t) => {
  rejects(t, [], publish({ offDays: ['2026-01-01', '2025-12-31'] }), {
    code: 'DATE_OUTSIDE_YEAR',
    field: 'offDays[1]',
    details: { value: '2025-12-31' },
  });
  rejects(t, [], publish({ makeUpWorkDays: ['2027-01-09'] }), {
    code: 'DATE_OUTSIDE_YEAR',
    field: 'makeUpWorkDays[0]',
  });
  rejects(t, published2026(), amend({ addOffDays: ['2027-01-04'] }), {
    code: 'DATE_OUTSIDE_YEAR',
    field: 'changes.addOffDays[0]',
  });
});

t.test('DATE_DUPLICATED: no day listed twice (§11.4)', async (t) => {
  rejects(t, [], publish({ offDays: ['2026-01-01', '2026-01-02', '2026-01-01'] }), {
    code: 'DATE_DUPLICATED',
    field: 'offDays[2]',
  });
  rejects(t, published2026(), amend({ addOffDays: ['2026-03-02', '2026-03-02'] }), {
    code: 'DATE_DUPLICATED',
    field: 'changes.addOffDays[1]',
  });
});

t.test('DATE_INVALID: a day is a real calendar date (§11.4)', async (t) => {
  rejects(t, [], publish({ offDays: ['2026-02-30'] }), { code: 'DATE_INVALID', field: 'offDays[0]' });
});

t.test('DAY_BOTH_OFF_AND_WORKING: a day is off or a make-up working day, not both (§11.4.2)', async (t) => {
  rejects(t, [], publish({ makeUpWorkDays: ['2026-01-03'] }), {
    code: 'DAY_BOTH_OFF_AND_WORKING',
    field: 'makeUpWorkDays[0]',
    rule: '§11.4',
  });
  // Sat 2026-01-03 is off (New Year): an amendment cannot make it a make-up day without freeing it.
  rejects(
    t,
    published2026(),
    amend({ addMakeUpWorkDays: ['2026-01-03'] }),
    { code: 'DAY_BOTH_OFF_AND_WORKING', field: 'changes.addMakeUpWorkDays[0]' },
    'amendment adding an off Saturday as make-up day refused',
  );
  // Sun 2026-01-04 is a make-up day: an amendment cannot make it off without removing it.
  rejects(t, published2026(), amend({ addOffDays: ['2026-01-04'] }), {
    code: 'DAY_BOTH_OFF_AND_WORKING',
    field: 'changes.addOffDays[0]',
  });
  // Freeing the day in the same amendment is fine (Sat 2026-06-20 of the Dragon Boat holiday).
  spec
    .given(published2026())
    .when(amend({ addMakeUpWorkDays: ['2026-06-20'], removeOffDays: ['2026-06-20'] }))
    .thenMatches(t, [
      {
        type: 'CalendarAmended',
        data: { changes: { addMakeUpWorkDays: ['2026-06-20'], removeOffDays: ['2026-06-20'] }, yearVersion: 2 },
      },
    ]);
});

t.test('MAKE_UP_DAY_NOT_WEEKEND: a make-up working day (调休上班) is a Saturday or Sunday (§11.1)', async (t) => {
  rejects(t, [], publish({ makeUpWorkDays: ['2026-01-04', '2026-01-05'] }), {
    code: 'MAKE_UP_DAY_NOT_WEEKEND',
    field: 'makeUpWorkDays[1]',
    rule: '§11.1',
  });
  rejects(t, published2026(), amend({ addMakeUpWorkDays: ['2026-03-04'] }), {
    code: 'MAKE_UP_DAY_NOT_WEEKEND',
    field: 'changes.addMakeUpWorkDays[0]',
  });
});

t.test('PUBLISHED_ON_INVALID: a notice is not dated in the future nor years early (§11.2)', async (t) => {
  rejects(
    t,
    [],
    publish({ publishedOn: '2026-11-27' }),
    { code: 'PUBLISHED_ON_INVALID', field: 'publishedOn' },
    'future',
  );
  rejects(
    t,
    [],
    publish({ publishedOn: '2024-12-31' }),
    { code: 'PUBLISHED_ON_INVALID', field: 'publishedOn' },
    'before the year preceding the notice’s year',
  );
  rejects(t, published2026(), amend({ addOffDays: ['2026-12-31'] }, { publishedOn: '2026-12-01' }), {
    code: 'PUBLISHED_ON_INVALID',
    field: 'publishedOn',
  });
  // The earliest and latest plausible dates are accepted.
  spec
    .given([])
    .when(publish({ publishedOn: '2025-01-01' }))
    .thenMatches(t, [{ type: 'CalendarYearPublished' }]);
  spec
    .given([])
    .when(publish({ publishedOn: '2026-11-26' }))
    .thenMatches(t, [{ type: 'CalendarYearPublished' }]);
});

t.test('AMENDMENT_EMPTY: an amendment changes something (§11.4)', async (t) => {
  rejects(
    t,
    published2026(),
    amend({ addOffDays: ['2026-01-01'] }),
    { code: 'AMENDMENT_EMPTY', field: 'changes' },
    'adds an off day that is there',
  );
  rejects(
    t,
    published2026(),
    amend({ removeOffDays: ['2026-03-03'], removeMakeUpWorkDays: ['2026-03-07'] }),
    { code: 'AMENDMENT_EMPTY', field: 'changes' },
    'removes days that are not there',
  );
  rejects(t, published2026(), amend({}), { code: 'AMENDMENT_EMPTY' }, 'no lists at all');
});

t.test('CHANGES_CONFLICT: a day is not both added and removed (§11.4)', async (t) => {
  rejects(t, published2026(), amend({ addOffDays: ['2026-03-02'], removeOffDays: ['2026-03-02'] }), {
    code: 'CHANGES_CONFLICT',
    field: 'changes.removeOffDays[0]',
  });
});

t.test('SCOPE_INVALID and SCOPE_MISMATCH: one calendar per scope (§11.4.1)', async (t) => {
  rejects(t, [], publish({ scope: 'cn' }), { code: 'SCOPE_INVALID', field: 'scope' });
  rejects(t, published2026(), publish({ scope: 'CN-XZ', year: 2025, publishedOn: null }), {
    code: 'SCOPE_MISMATCH',
    field: 'scope',
  });
  rejects(t, published2026(), amend({ addOffDays: ['2026-03-02'] }, { scope: 'CN-XZ' }), {
    code: 'SCOPE_MISMATCH',
    field: 'scope',
  });
});

t.test('YEAR_INVALID and SOURCE_REQUIRED: a known year and the notice it comes from (§11.2)', async (t) => {
  rejects(t, [], publish({ year: 1989, offDays: [], makeUpWorkDays: [], publishedOn: null }), {
    code: 'YEAR_INVALID',
    field: 'year',
  });
  rejects(t, [], publish({ sourceUrl: 'not a url' }), { code: 'SOURCE_REQUIRED', field: 'sourceUrl' });
  rejects(t, [], publish({ documentNo: '  ' }), { code: 'SOURCE_REQUIRED', field: 'documentNo' });
});

t.test('YEAR_ALREADY_PUBLISHED / YEAR_NOT_PUBLISHED: publish once, amend after (§11.4.1)', async (t) => {
  rejects(t, published2026(), publish(), { code: 'YEAR_ALREADY_PUBLISHED', field: 'year' });
  rejects(t, published2026(), amend({ addOffDays: ['2027-01-04'] }, { year: 2027, publishedOn: null }), {
    code: 'YEAR_NOT_PUBLISHED',
    field: 'year',
  });
  rejects(t, [], amend({ addOffDays: ['2026-03-02'] }), { code: 'YEAR_NOT_PUBLISHED' });
});

t.test('UNKNOWN_COMMAND: only the two commands are decided', async (t) => {
  rejects(t, [], { type: 'DeleteCalendarYear', data: {}, context } as unknown as CalendarCommand, {
    code: 'UNKNOWN_COMMAND',
  });
});

t.test('TOO_MANY_CONSECUTIVE_WORKING_DAYS: Art 7 allows 6 working days beside a holiday (§11.1)', async (t) => {
  rejects(t, [], crafted(2027), {
    code: 'TOO_MANY_CONSECUTIVE_WORKING_DAYS',
    field: 'makeUpWorkDays',
    rule: '§11.1',
    details: { value: 7, from: '2027-01-03', to: '2027-01-09', max: 6 },
  });
  // Six is the bound: without the make-up Saturday the run is Sun Jan 3 – Fri Jan 8.
  spec
    .given([])
    .when(crafted(2027, { makeUpWorkDays: ['2027-01-03'] }))
    .thenMatches(t, [{ type: 'CalendarYearPublished', data: { year: 2027, makeUpWorkDays: ['2027-01-03'] } }]);
  // An amendment adding the make-up Saturday is refused the same way.
  const six = spec
    .given([])
    .when(crafted(2027, { makeUpWorkDays: ['2027-01-03'] }))
    .events();
  rejects(
    t,
    six,
    amend({ addMakeUpWorkDays: ['2027-01-09'] }, { year: 2027, publishedOn: null }),
    {
      code: 'TOO_MANY_CONSECUTIVE_WORKING_DAYS',
      field: 'changes',
      details: { value: 7, from: '2027-01-03', to: '2027-01-09' },
    },
    'amendment adding the make-up Saturday refused',
  );
  // A Saturday not touching a holiday makes no Art 7 run (Mon Jan 11 – Sat Jan 16 beside weekends only).
  spec
    .given(six)
    .when(amend({ addMakeUpWorkDays: ['2027-01-16'] }, { year: 2027, publishedOn: null }))
    .thenMatches(t, [{ type: 'CalendarAmended', data: { yearVersion: 2 } }]);
});

t.test('Art 7 special case: the same year is accepted with specialCase.reason, and the event records it', async (t) => {
  const reason = '国务院特别安排（测试）';
  spec
    .given([])
    .when(crafted(2027, { specialCase: { reason } }))
    .thenMatches(t, [
      {
        type: 'CalendarYearPublished',
        data: {
          scope: 'CN',
          year: 2027,
          offDays: ['2027-01-01', '2027-01-02'],
          makeUpWorkDays: ['2027-01-03', '2027-01-09'],
          yearVersion: 1,
          specialCase: { reason },
        },
      },
    ]);
  // Without a special case the event records null.
  const [event] = published2026();
  t.equal(event?.data.specialCase, null);
});

t.test('Art 7 applies to the national calendar only: a CN-XZ overlay may have the run (§11.1 Art 4)', async (t) => {
  spec
    .given([])
    .when(crafted(2027, { scope: 'CN-XZ' }))
    .thenMatches(t, [{ type: 'CalendarYearPublished', data: { scope: 'CN-XZ', year: 2027, specialCase: null } }]);
});

t.test('Art 7 applies from 2025: the same run in 2021 is accepted nationally (Decree 795)', async (t) => {
  spec
    .given([])
    .when(crafted(2021))
    .thenMatches(t, [
      {
        type: 'CalendarYearPublished',
        data: { scope: 'CN', year: 2021, makeUpWorkDays: ['2021-01-03', '2021-01-09'], specialCase: null },
      },
    ]);
});

t.test('HOLIDAY_CN_INVALID: fromHolidayCn refuses a file not of the mirror’s shape (§11.2)', async (t) => {
  covered.add('HOLIDAY_CN_INVALID');
  t.throws(() => fromHolidayCn({ year: 2026, days: [] }), { code: 'HOLIDAY_CN_INVALID' });
});

t.test('schemas: publishCalendarYearSchema refuses a bad scope and a non-date', async (t) => {
  const ok = publishCalendarYearSchema.safeParse(NOTICE_2026);
  t.ok(ok.success, 'the 2026 notice parses');
  const defaulted = publishCalendarYearSchema.safeParse({ ...NOTICE_2026, scope: undefined });
  t.equal(defaulted.success && defaulted.data.scope, 'CN', 'scope defaults to CN');

  const badScope = publishCalendarYearSchema.safeParse({ ...NOTICE_2026, scope: 'cn' });
  t.notOk(badScope.success, "scope 'cn' refused");
  t.same(
    badScope.error?.issues.map((i) => i.path),
    [['scope']],
  );

  const badDate = publishCalendarYearSchema.safeParse({ ...NOTICE_2026, offDays: ['2026-01-01', '1 Jan 2026'] });
  t.notOk(badDate.success, 'a non-date refused');
  t.ok((badDate.error?.issues.length ?? 0) > 0, 'issues reported');
  for (const issue of badDate.error?.issues ?? []) t.same(issue.path, ['offDays', 1], 'the issue names offDays[1]');

  const unreal = publishCalendarYearSchema.safeParse({ ...NOTICE_2026, makeUpWorkDays: ['2026-02-29'] });
  t.notOk(unreal.success, 'an unreal date refused');
  t.same(unreal.error?.issues[0]?.path, ['makeUpWorkDays', 0]);

  t.notOk(publishCalendarYearSchema.safeParse({ ...NOTICE_2026, year: 2026.5 }).success, 'a fractional year refused');
});

t.test('every code of CALENDAR_ERRORS is exercised above', async (t) => {
  t.same([...covered].sort(), Object.keys(CALENDAR_ERRORS).sort());
});
