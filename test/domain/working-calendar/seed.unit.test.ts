import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import t from 'tap';
import { epochDayOf, isoDateOf, weekdayOfEpochDay } from '../../../src/domain/calendar/iso-date.js';
import {
  AMENDMENT_2020,
  applyChanges,
  FIRST_SEED_YEAR,
  foldCalendar,
  LAST_SEED_YEAR,
  layerOf,
  longestRunBesideHoliday,
  packageYear,
  runsBesideHolidays,
  SEED_COMMANDS,
  SEED_LAYER,
  SEED_REVISION,
  SEED_SOURCE_URL,
  SEED_STATE,
  seedEvents,
  workingCalendarDecider,
  type CalendarCommand,
} from '../../../src/domain/working-calendar/index.js';
import { deciderSpec } from '../fixtures/decider-spec.js';
import { days, NOTICE_2026, workingPerLayer } from './helpers.js';

const spec = deciderSpec(workingCalendarDecider);
const holidays: Record<string, unknown> = data.holidays;
const workdays: Record<string, unknown> = data.workdays;

/** The package's answer, as src/domain/calendar/data-source.ts read it before the calendar was data. */
const workingPerPackage = (date: string): boolean => {
  if (date in workdays) return true;
  const weekday = weekdayOfEpochDay(epochDayOf(date));
  return weekday >= 1 && weekday <= 5 && !(date in holidays);
};

t.test('the seed: 23 notices and the 2020 amendment, 24 events', async (t) => {
  t.equal(SEED_REVISION, 24);
  t.equal(seedEvents().length, 24);
  t.same(
    SEED_COMMANDS.map((c) => `${c.type}:${c.data.year}`),
    [
      ...Array.from({ length: 17 }, (_, i) => `PublishCalendarYear:${2004 + i}`),
      'AmendCalendar:2020',
      ...Array.from({ length: 6 }, (_, i) => `PublishCalendarYear:${2021 + i}`),
    ],
  );
  t.same(
    seedEvents().map((e) => e.type),
    SEED_COMMANDS.map((c) => (c.type === 'PublishCalendarYear' ? 'CalendarYearPublished' : 'CalendarAmended')),
  );
  t.same(foldCalendar(seedEvents()), SEED_STATE, 'the seed state is the fold of the seed events');
  t.same(seedEvents(), seedEvents(), 'stable');
  t.equal(SEED_LAYER.scope, 'CN');
  t.equal(SEED_LAYER.revision, 24);
  t.same(
    [...SEED_LAYER.years.keys()],
    Array.from({ length: 23 }, (_, i) => 2004 + i),
  );
  for (const command of SEED_COMMANDS) {
    t.equal(command.context.now, '2026-01-01T00:00:00+08:00');
    t.same(command.context.actor, { id: 'system:calendar-seed', role: 'SYSTEM' });
  }
});

t.test('the package covers exactly 2004–2026', async (t) => {
  const years = new Set([...Object.keys(holidays), ...Object.keys(workdays)].map((d) => Number(d.slice(0, 4))));
  t.same(
    [...years].sort(),
    Array.from({ length: 23 }, (_, i) => FIRST_SEED_YEAR + i),
  );
  t.equal(LAST_SEED_YEAR, 2026);
});

t.test('every day 2004–2026 works per the seed layer exactly when it does per the package', async (t) => {
  const mismatches: string[] = [];
  let count = 0;
  for (let d = epochDayOf('2004-01-01'); d <= epochDayOf('2026-12-31'); d++, count++) {
    const date = isoDateOf(d);
    if (workingPerLayer(SEED_LAYER, date) !== workingPerPackage(date)) mismatches.push(date);
  }
  t.equal(count, 8401, 'days checked');
  t.same(mismatches, []);
});

t.test('the notices as recorded', async (t) => {
  const published = seedEvents().filter((e) => e.type === 'CalendarYearPublished');
  for (const event of published) {
    const { year } = event.data;
    t.equal(event.data.documentNo, `国务院办公厅关于${year}年部分节假日安排的通知`);
    t.equal(event.data.sourceUrl, SEED_SOURCE_URL);
    t.equal(event.data.publishedOn, year === 2025 ? '2024-11-12' : year === 2026 ? '2025-11-04' : null);
    t.equal(event.data.yearVersion, 1);
    t.equal(event.data.specialCase, null);
  }
  const year2026 = SEED_STATE.years['2026'];
  t.same(year2026?.offDays, [...NOTICE_2026.offDays].sort(), '2026 off days as in DOMAIN.md §11.2');
  t.same(year2026?.makeUpWorkDays, [...NOTICE_2026.makeUpWorkDays].sort(), '2026 make-up days as in §11.2');
  t.same(SEED_STATE.years['2025'], {
    offDays: [
      '2025-01-01',
      ...days('2025-01-28', 8),
      ...days('2025-04-04', 3),
      ...days('2025-05-01', 5),
      ...days('2025-05-31', 3),
      ...days('2025-10-01', 8),
    ],
    makeUpWorkDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    version: 1,
    sources: [
      {
        kind: 'published',
        documentNo: '国务院办公厅关于2025年部分节假日安排的通知',
        sourceUrl: SEED_SOURCE_URL,
        publishedOn: '2024-11-12',
      },
    ],
  });
  for (const year of [2025, 2026]) {
    const working = days(`${year}-01-01`, 365).filter((d) => workingPerLayer(SEED_LAYER, d)).length;
    t.equal(working, 248, `${year} has 248 working days (§11.2)`);
  }
});

t.test('2020: the notice as first published, then the extension of 2020-01-27', async (t) => {
  const [publish2020, amend2020] = SEED_COMMANDS.filter((c) => c.data.year === 2020) as [
    CalendarCommand,
    CalendarCommand,
  ];
  t.equal(amend2020.type, 'AmendCalendar');
  t.test('the package holds the final 2020 = original + amendment', async (t) => {
    if (publish2020.type !== 'PublishCalendarYear') return t.fail('publish first');
    const original = publish2020.data;
    t.notOk(original.offDays.includes('2020-01-31'), 'Fri Jan 31 an ordinary working day');
    t.notOk(original.offDays.includes('2020-02-01'));
    t.notOk(original.offDays.includes('2020-02-02'), 'Sun Feb 2 an ordinary Sunday');
    t.ok(original.makeUpWorkDays.includes('2020-02-01'), 'Sat Feb 1 a make-up working day');
    t.same(
      original.offDays.filter((d) => d < '2020-03-01'),
      ['2020-01-01', ...days('2020-01-24', 7)],
      'Jan 24–30',
    );
    const final = applyChanges(original, {
      addOffDays: [...AMENDMENT_2020.addOffDays],
      removeOffDays: [],
      addMakeUpWorkDays: [],
      removeMakeUpWorkDays: [...AMENDMENT_2020.removeMakeUpWorkDays],
    });
    t.same(final, packageYear(2020));
  });
  t.test('through the aggregate: Jan 31 – Feb 2 off, Feb 1 no longer a make-up day, Feb 3 working', async (t) => {
    const published = spec.given([]).when(publish2020).events();
    const before = layerOf(foldCalendar(published));
    t.ok(workingPerLayer(before, '2020-01-31'), 'before: Fri Jan 31 works');
    t.ok(workingPerLayer(before, '2020-02-01'), 'before: Sat Feb 1 works (make-up)');
    const amended = spec
      .given(published)
      .when(amend2020)
      .then(t, [
        {
          type: 'CalendarAmended',
          data: {
            scope: 'CN',
            year: 2020,
            changes: {
              addOffDays: ['2020-01-31', '2020-02-01', '2020-02-02'],
              removeOffDays: [],
              addMakeUpWorkDays: [],
              removeMakeUpWorkDays: ['2020-02-01'],
            },
            sourceUrl: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
            documentNo: '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）',
            publishedOn: '2020-01-27',
            yearVersion: 2,
            specialCase: null,
          },
        },
      ]);
    const state = foldCalendar([...published, ...amended]);
    const after = layerOf(state);
    for (const d of ['2020-01-31', '2020-02-01', '2020-02-02']) t.notOk(workingPerLayer(after, d), `after: ${d} off`);
    t.notOk(after.years.get(2020)?.makeUpWorkDays.has('2020-02-01'));
    t.ok(workingPerLayer(after, '2020-02-03'), 'Mon Feb 3 works');
    t.same(
      state.years['2020']?.sources.map((s) => [s.kind, s.publishedOn]),
      [
        ['published', null],
        ['amended', '2020-01-27'],
      ],
    );
    t.equal(SEED_STATE.years['2020']?.version, 2);
  });
});

t.test('Art 7 against the data', async (t) => {
  t.same(
    longestRunBesideHoliday(
      2025,
      SEED_STATE.years['2025']?.offDays ?? [],
      SEED_STATE.years['2025']?.makeUpWorkDays ?? [],
    ),
    {
      from: '2025-04-07',
      to: '2025-04-11',
      length: 5,
    },
  );
  const runs2026 = runsBesideHolidays(
    2026,
    SEED_STATE.years['2026']?.offDays ?? [],
    SEED_STATE.years['2026']?.makeUpWorkDays ?? [],
  );
  t.same(
    runs2026.filter((r) => r.length === 6),
    [
      { from: '2026-01-04', to: '2026-01-09', length: 6 },
      { from: '2026-02-09', to: '2026-02-14', length: 6 },
    ],
    '2026 reaches the bound twice',
  );
  t.ok(runs2026.every((r) => r.length <= 6));
  const y2004 = SEED_STATE.years['2004'];
  t.equal(
    longestRunBesideHoliday(2004, y2004?.offDays ?? [], y2004?.makeUpWorkDays ?? [])?.length,
    10,
    '2004 has a 10-day run and is seeded: no Art 7 before 2025',
  );
});
