/**
 * The WorkingCalendar aggregate end to end (DOMAIN.md §11.4): a year published then amended, its
 * versions and sources, the layer the calendar module counts on, and the 2020 Spring Festival
 * extension (§11.2, §11.4.6) replayed through the decider.
 */
import t from 'tap';
import { calendarOf, isWorkingDay } from '../../../src/domain/calendar/index.js';
import type { CommandContext } from '../../../src/domain/decider.js';
import {
  AMENDMENT_2020,
  SEED_COMMANDS,
  foldCalendar,
  layerOf,
  workingCalendarDecider,
  type CalendarCommand,
  type WorkingCalendarEvent,
  type WorkingCalendarState,
} from '../../../src/domain/working-calendar/index.js';
import { deciderSpec } from '../fixtures/decider-spec.js';

const context: CommandContext = { now: '2026-11-26T10:00:00+08:00', actor: { id: 'officer-1', role: 'MINISTRY' } };
const spec = deciderSpec(workingCalendarDecider);

/** Decides each command on the state the previous ones left; returns all events. */
const run = (
  commands: readonly CalendarCommand[],
  given: readonly WorkingCalendarEvent[] = [],
): WorkingCalendarEvent[] => {
  const events = [...given];
  for (const command of commands) events.push(...workingCalendarDecider.decide(command, foldCalendar(events)));
  return events;
};

const sorted = (days: readonly string[]): string[] => [...days].sort();

const PUBLISH_2026: CalendarCommand = {
  type: 'PublishCalendarYear',
  data: {
    scope: 'CN',
    year: 2026,
    sourceUrl: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    documentNo: '国务院办公厅关于2026年部分节假日安排的通知',
    publishedOn: '2025-11-04',
    // Deliberately out of order: the event lists them sorted.
    offDays: [
      '2026-10-07',
      '2026-10-06',
      '2026-10-05',
      '2026-10-04',
      '2026-10-03',
      '2026-10-02',
      '2026-10-01',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-05',
      '2026-05-04',
      '2026-05-03',
      '2026-05-02',
      '2026-05-01',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
    ],
    makeUpWorkDays: ['2026-10-10', '2026-01-04', '2026-02-28', '2026-02-14', '2026-09-20', '2026-05-09'],
  },
  context,
};

const AMEND_2026: CalendarCommand = {
  type: 'AmendCalendar',
  data: {
    scope: 'CN',
    year: 2026,
    changes: {
      // 12-31 and 12-30 are new (given unsorted); 2026-01-01 is off already (no change).
      addOffDays: ['2026-12-31', '2026-01-01', '2026-12-30'],
      // 2026-03-03 was never off (no change); 2026-10-07 was.
      removeOffDays: ['2026-03-03', '2026-10-07'],
      // Sat 2026-10-10 is a make-up day already (no change); Sat 2026-12-26 is new.
      addMakeUpWorkDays: ['2026-12-26', '2026-10-10'],
      removeMakeUpWorkDays: ['2026-09-20'],
    },
    sourceUrl: 'https://www.gov.cn/zhengce/content/202611/content_0000001.htm',
    documentNo: '国务院办公厅关于调整2026年部分节假日安排的通知',
    publishedOn: '2026-11-20',
  },
  context,
};

t.test('publish: the event lists the days sorted, yearVersion 1 (§11.4.1)', async (t) => {
  const [event] = spec
    .given([])
    .when(PUBLISH_2026)
    .thenMatches(t, [
      { type: 'CalendarYearPublished', data: { scope: 'CN', year: 2026, yearVersion: 1, specialCase: null } },
    ]);
  if (event?.type !== 'CalendarYearPublished') return t.fail('no publication');
  t.equal(event.data.offDays.length, 33);
  t.same(event.data.offDays, sorted(event.data.offDays), 'off days sorted');
  t.same(event.data.makeUpWorkDays, [
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ]);
});

t.test('publish then amend: versions 1 → 2, both sources, only real changes recorded (§11.4.1)', async (t) => {
  const published = run([PUBLISH_2026]);
  const before = foldCalendar(published);
  t.equal(before.scope, 'CN');
  t.equal(before.revision, 1);
  t.equal(before.years['2026']?.version, 1);

  const [amended] = spec
    .given(published)
    .when(AMEND_2026)
    .then(t, [
      {
        type: 'CalendarAmended',
        data: {
          scope: 'CN',
          year: 2026,
          changes: {
            addOffDays: ['2026-12-30', '2026-12-31'],
            removeOffDays: ['2026-10-07'],
            addMakeUpWorkDays: ['2026-12-26'],
            removeMakeUpWorkDays: ['2026-09-20'],
          },
          sourceUrl: 'https://www.gov.cn/zhengce/content/202611/content_0000001.htm',
          documentNo: '国务院办公厅关于调整2026年部分节假日安排的通知',
          publishedOn: '2026-11-20',
          yearVersion: 2,
          specialCase: null,
        },
      },
    ]);
  if (amended === undefined) return;

  const state: WorkingCalendarState = foldCalendar([...published, amended]);
  t.equal(state.revision, 2);
  const year = state.years['2026'];
  t.equal(year?.version, 2, 'yearVersion 2 after the amendment');
  t.same(year?.sources, [
    {
      kind: 'published',
      documentNo: '国务院办公厅关于2026年部分节假日安排的通知',
      sourceUrl: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
      publishedOn: '2025-11-04',
    },
    {
      kind: 'amended',
      documentNo: '国务院办公厅关于调整2026年部分节假日安排的通知',
      sourceUrl: 'https://www.gov.cn/zhengce/content/202611/content_0000001.htm',
      publishedOn: '2026-11-20',
    },
  ]);
  t.same(year?.offDays, sorted(year?.offDays ?? []), 'state off days sorted');
  t.equal(year?.offDays.length, 34, '33 + 2 − 1');
  t.same(year?.makeUpWorkDays, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-10-10', '2026-12-26']);

  const layer = layerOf(state);
  t.equal(layer.scope, 'CN');
  t.equal(layer.revision, 2);
  const days = layer.years.get(2026);
  t.ok(days?.offDays.has('2026-12-31') && days.offDays.has('2026-12-30'), 'added off days in the layer');
  t.notOk(days?.offDays.has('2026-10-07'), 'removed off day gone from the layer');
  t.ok(days?.makeUpWorkDays.has('2026-12-26'), 'added make-up day in the layer');
  t.notOk(days?.makeUpWorkDays.has('2026-09-20'), 'removed make-up day gone from the layer');

  const calendar = calendarOf([layer]);
  t.equal(calendar.version, 'CN.2');
  t.notOk(isWorkingDay(calendar, '2026-12-31'), 'Thu Dec 31 now off');
  t.ok(isWorkingDay(calendar, '2026-10-07'), 'Wed Oct 7 now working');
  t.ok(isWorkingDay(calendar, '2026-12-26'), 'Sat Dec 26 now a make-up day');
  t.notOk(isWorkingDay(calendar, '2026-09-20'), 'Sun Sep 20 back to rest');

  // A second amendment: version 3, three sources; the log is never rewritten.
  const third = run(
    [
      {
        ...AMEND_2026,
        data: { ...AMEND_2026.data, changes: { removeOffDays: ['2026-12-30'] } },
      },
    ],
    [...published, amended],
  );
  t.equal(third.length, 3);
  t.equal(foldCalendar(third).years['2026']?.version, 3);
  t.equal(foldCalendar(third).years['2026']?.sources.length, 3);
});

t.test('layerOf of an empty calendar is scope CN, revision 0, no years', async (t) => {
  const layer = layerOf(workingCalendarDecider.initialState());
  t.equal(layer.scope, 'CN');
  t.equal(layer.revision, 0);
  t.equal(layer.years.size, 0);
});

t.test('the 2020 amendment through the aggregate (§11.2, §11.4.6)', async (t) => {
  const upTo2020 = SEED_COMMANDS.filter((c) => c.data.year === 2020);
  t.equal(upTo2020.length, 2, 'the seed holds the 2020 notice and its amendment');
  const [publish2020, amend2020] = upTo2020;
  if (publish2020 === undefined || amend2020 === undefined) return;
  t.equal(publish2020.type, 'PublishCalendarYear');
  t.equal(amend2020.type, 'AmendCalendar');

  // Before the amendment: the notice of November 2019.
  const published = run([publish2020]);
  const original = calendarOf([layerOf(foldCalendar(published))]);
  t.ok(isWorkingDay(original, '2020-02-01'), 'Sat 2020-02-01 was a make-up working day');
  t.ok(isWorkingDay(original, '2020-01-31'), 'Fri 2020-01-31 was a working day');
  t.notOk(isWorkingDay(original, '2020-01-30'), 'Thu 2020-01-30 was the last day off');
  t.notOk(isWorkingDay(original, '2020-01-24'), 'New Year’s Eve Fri 2020-01-24 off');

  // The extension of 2020-01-27 (国办发明电〔2020〕1号).
  const [event] = spec
    .given(published)
    .when({ ...amend2020, context })
    .thenMatches(t, [
      {
        type: 'CalendarAmended',
        data: {
          year: 2020,
          yearVersion: 2,
          publishedOn: '2020-01-27',
          sourceUrl: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
          changes: {
            addOffDays: [...AMENDMENT_2020.addOffDays],
            removeOffDays: [],
            addMakeUpWorkDays: [],
            removeMakeUpWorkDays: ['2020-02-01'],
          },
        },
      },
    ]);
  if (event === undefined) return;
  const state = foldCalendar([...published, event]);
  const amended = calendarOf([layerOf(state)]);
  for (const day of ['2020-01-31', '2020-02-01', '2020-02-02'])
    t.notOk(isWorkingDay(amended, day), `${day} off after the amendment`);
  t.notOk(state.years['2020']?.makeUpWorkDays.includes('2020-02-01'), '2020-02-01 no longer a make-up day');
  t.ok(state.years['2020']?.offDays.includes('2020-02-01'), '2020-02-01 now an off day');
  t.ok(isWorkingDay(amended, '2020-02-03'), 'Mon 2020-02-03 a working day');
  t.same(
    state.years['2020']?.sources.map((s) => s.kind),
    ['published', 'amended'],
  );

  // The same amendment again changes nothing: refused.
  spec
    .given([...published, event])
    .when({ ...amend2020, context })
    .thenRejects(t, { code: 'AMENDMENT_EMPTY' });
});

t.test('an amendment of a year the state lacks only counts toward the revision (evolve never throws)', async (t) => {
  const state = workingCalendarDecider.evolve(workingCalendarDecider.initialState(), {
    type: 'CalendarAmended',
    data: {
      scope: 'CN',
      year: 2030,
      changes: { addOffDays: ['2030-01-02'], removeOffDays: [], addMakeUpWorkDays: [], removeMakeUpWorkDays: [] },
      sourceUrl: 'https://example.org/n',
      documentNo: 'n',
      publishedOn: null,
      yearVersion: 2,
      specialCase: null,
    },
  });
  t.equal(state.revision, 1);
  t.same(state.years, {});
});
