import t from 'tap';
import { STREAM_CATEGORIES } from '../../../src/domain/streams.js';
import {
  CALENDAR_ERRORS,
  calendarStream,
  foldCalendar,
  layerOf,
  workingCalendarDecider,
  type WorkingCalendarEvent,
} from '../../../src/domain/working-calendar/index.js';
import { deciderSpec } from '../fixtures/decider-spec.js';
import { amend, days, NOTICE_2026, publish, workingPerLayer } from './helpers.js';

const spec = deciderSpec(workingCalendarDecider);

const published2026: Extract<WorkingCalendarEvent, { type: 'CalendarYearPublished' }> = {
  type: 'CalendarYearPublished',
  data: {
    scope: 'CN',
    year: 2026,
    sourceUrl: NOTICE_2026.sourceUrl,
    documentNo: NOTICE_2026.documentNo,
    publishedOn: '2025-11-04',
    offDays: [...NOTICE_2026.offDays].sort(),
    makeUpWorkDays: [...NOTICE_2026.makeUpWorkDays].sort(),
    yearVersion: 1,
    specialCase: null,
  },
};

t.test('stream `calendar-<scope>`', async (t) => {
  t.equal(calendarStream('CN'), 'calendar-CN');
  t.equal(calendarStream('CN-XZ'), 'calendar-CN-XZ');
  t.equal(STREAM_CATEGORIES.calendar, 'calendar-');
});

t.test('PublishCalendarYear', async (t) => {
  t.test(
    'given nothing, when the 2026 notice is published (days unsorted), then it is recorded sorted, version 1',
    async (t) => {
      spec
        .given([])
        .when(
          publish({
            offDays: [...NOTICE_2026.offDays].reverse(),
            makeUpWorkDays: [...NOTICE_2026.makeUpWorkDays].reverse(),
          }),
        )
        .then(t, [published2026]);
    },
  );
  t.test('an unknown notice date is recorded as null', async (t) => {
    const [event] = spec
      .given([])
      .when(publish({ publishedOn: undefined }))
      .events();
    t.equal(event?.data.publishedOn, null);
  });
  t.test('the state and the layer hold the year', async (t) => {
    const state = foldCalendar([published2026]);
    t.same(state, {
      scope: 'CN',
      revision: 1,
      years: {
        '2026': {
          offDays: published2026.data.offDays,
          makeUpWorkDays: published2026.data.makeUpWorkDays,
          version: 1,
          sources: [
            {
              kind: 'published',
              documentNo: NOTICE_2026.documentNo,
              sourceUrl: NOTICE_2026.sourceUrl,
              publishedOn: '2025-11-04',
            },
          ],
        },
      },
    });
    t.same(JSON.parse(JSON.stringify(state)), state, 'plain JSON');
    const layer = layerOf(state);
    t.equal(layer.scope, 'CN');
    t.equal(layer.revision, 1);
    t.ok(workingPerLayer(layer, '2026-02-14'), 'Sat Feb 14 make-up day works');
    t.notOk(workingPerLayer(layer, '2026-02-23'), 'Mon Feb 23 is off');
    t.ok(workingPerLayer(layer, '2026-02-24'));
  });
  t.test('a regional overlay is its own scope', async (t) => {
    const [event] = spec
      .given([])
      .when(
        publish({
          scope: 'CN-XZ',
          sourceUrl: 'https://www.xizang.gov.cn/zwgk/example.html',
          documentNo: '西藏自治区2026年藏历新年放假安排',
          offDays: days('2026-02-18', 7),
          makeUpWorkDays: [],
          publishedOn: null,
        }),
      )
      .events();
    t.equal(event?.data.scope, 'CN-XZ');
  });

  t.test('rejections', async (t) => {
    const given = spec.given([]);
    given.when(publish({ scope: 'cn-xz' })).thenRejects(t, { code: 'SCOPE_INVALID', field: 'scope', rule: '§11.1' });
    spec
      .given([published2026])
      .when(publish({ scope: 'CN-XZ', year: 2025, publishedOn: null, offDays: [], makeUpWorkDays: [] }))
      .thenRejects(t, { code: 'SCOPE_MISMATCH', field: 'scope', rule: '§11.4' });
    given.when(publish({ year: 1989 })).thenRejects(t, { code: 'YEAR_INVALID', field: 'year', rule: '§11.4' });
    given.when(publish({ sourceUrl: 'notice' })).thenRejects(t, { code: 'SOURCE_REQUIRED', field: 'sourceUrl' });
    given.when(publish({ documentNo: ' ' })).thenRejects(t, { code: 'SOURCE_REQUIRED', field: 'documentNo' });
    given
      .when(publish({ offDays: ['2026-01-01', '2026-02-30'] }))
      .thenRejects(t, { code: 'DATE_INVALID', field: 'offDays[1]', rule: '§11.4' });
    given
      .when(publish({ offDays: [...NOTICE_2026.offDays, '2025-12-31'] }))
      .thenRejects(t, { code: 'DATE_OUTSIDE_YEAR', field: `offDays[${NOTICE_2026.offDays.length}]`, rule: '§11.4' });
    given
      .when(publish({ makeUpWorkDays: ['2026-01-04', '2026-01-04'] }))
      .thenRejects(t, { code: 'DATE_DUPLICATED', field: 'makeUpWorkDays[1]', rule: '§11.4' });
    given
      .when(publish({ makeUpWorkDays: ['2026-01-03'] }))
      .thenRejects(
        t,
        { code: 'DAY_BOTH_OFF_AND_WORKING', field: 'makeUpWorkDays[0]', rule: '§11.4' },
        'Sat Jan 3 is off',
      );
    given
      .when(publish({ makeUpWorkDays: ['2026-01-04', '2026-01-05'] }))
      .thenRejects(t, { code: 'MAKE_UP_DAY_NOT_WEEKEND', field: 'makeUpWorkDays[1]', rule: '§11.1' }, 'Mon Jan 5');
    spec
      .given([published2026])
      .when(publish())
      .thenRejects(t, { code: 'YEAR_ALREADY_PUBLISHED', field: 'year', rule: '§11.4' });
    t.equal(CALENDAR_ERRORS.YEAR_ALREADY_PUBLISHED, 'state');
  });

  t.test('publishedOn: not after today in Asia/Shanghai, not before the previous year', async (t) => {
    const given = spec.given([]);
    given
      .when(publish({ publishedOn: '2026-11-27' }))
      .thenRejects(t, { code: 'PUBLISHED_ON_INVALID', field: 'publishedOn', rule: '§11.4' }, 'tomorrow');
    const [event] = given.when(publish({ publishedOn: '2026-11-27' }, '2026-11-26T16:30:00Z')).events();
    t.equal(event?.data.publishedOn, '2026-11-27', '16:30 UTC is already the 27th in Shanghai');
    given
      .when(publish({ publishedOn: '2024-12-31' }))
      .thenRejects(t, { code: 'PUBLISHED_ON_INVALID', field: 'publishedOn' }, 'two years early');
    t.equal(given.when(publish({ publishedOn: '2025-01-01' })).events().length, 1, 'the previous year is fine');
    given
      .when(publish({ publishedOn: '2025-02-29' }))
      .thenRejects(t, { code: 'PUBLISHED_ON_INVALID', field: 'publishedOn' }, 'not a real date');
  });
});

t.test('AmendCalendar', async (t) => {
  const moveNewYear = {
    addOffDays: ['2026-01-05'],
    removeMakeUpWorkDays: ['2026-01-04'],
  };
  t.test('given 2026, when an amendment moves a day, then version 2 and the layer reflects it', async (t) => {
    const events = spec
      .given([published2026])
      .when(amend({ changes: moveNewYear, publishedOn: '2026-01-02' }))
      .then(t, [
        {
          type: 'CalendarAmended',
          data: {
            scope: 'CN',
            year: 2026,
            changes: {
              addOffDays: ['2026-01-05'],
              removeOffDays: [],
              addMakeUpWorkDays: [],
              removeMakeUpWorkDays: ['2026-01-04'],
            },
            sourceUrl: 'https://www.gov.cn/zhengce/content/202612/content_0000001.htm',
            documentNo: '国务院办公厅关于调整2026年部分节假日安排的通知',
            publishedOn: '2026-01-02',
            yearVersion: 2,
            specialCase: null,
          },
        },
      ]);
    const state = foldCalendar([published2026, ...events]);
    t.equal(state.revision, 2);
    t.equal(state.years['2026']?.version, 2);
    t.same(
      state.years['2026']?.sources.map((s) => s.kind),
      ['published', 'amended'],
    );
    const layer = layerOf(state);
    t.equal(layer.revision, 2);
    t.notOk(workingPerLayer(layer, '2026-01-04'), 'Sun Jan 4 is no longer a make-up day');
    t.notOk(workingPerLayer(layer, '2026-01-05'), 'Mon Jan 5 is off');
    t.ok(workingPerLayer(layer, '2026-01-06'));
    t.notOk(layer.years.get(2026)?.offDays.has('2026-01-04'));
    t.equal(
      layerOf(foldCalendar([published2026]))
        .years.get(2026)
        ?.makeUpWorkDays.has('2026-01-04'),
      true,
      'the older state is untouched',
    );
  });
  t.test('only real changes are recorded, sorted', async (t) => {
    const [event] = spec
      .given([published2026])
      .when(
        amend({
          changes: {
            addOffDays: ['2026-03-03', '2026-01-01', '2026-03-02'],
            removeOffDays: ['2026-07-01'],
            removeMakeUpWorkDays: ['2026-03-07'],
          },
        }),
      )
      .events();
    t.same(event?.type === 'CalendarAmended' ? event.data.changes : null, {
      addOffDays: ['2026-03-02', '2026-03-03'],
      removeOffDays: [],
      addMakeUpWorkDays: [],
      removeMakeUpWorkDays: [],
    });
  });
  t.test('rejections', async (t) => {
    const given = spec.given([published2026]);
    spec
      .given([])
      .when(amend({ changes: moveNewYear }))
      .thenRejects(t, { code: 'YEAR_NOT_PUBLISHED', field: 'year', rule: '§11.4' });
    given
      .when(amend({ year: 2025, changes: { addOffDays: ['2025-12-31'] } }))
      .thenRejects(t, { code: 'YEAR_NOT_PUBLISHED' });
    given
      .when(
        amend({
          changes: { addOffDays: ['2026-01-01'], removeOffDays: ['2026-03-02'], removeMakeUpWorkDays: ['2026-03-07'] },
        }),
      )
      .thenRejects(t, { code: 'AMENDMENT_EMPTY', field: 'changes', rule: '§11.4' });
    given.when(amend({ changes: {} })).thenRejects(t, { code: 'AMENDMENT_EMPTY' });
    given
      .when(amend({ changes: { removeOffDays: ['2025-10-01'] } }))
      .thenRejects(t, { code: 'DATE_OUTSIDE_YEAR', field: 'changes.removeOffDays[0]' });
    given
      .when(amend({ changes: { addOffDays: ['2026-03-02', '2026-03-02'] } }))
      .thenRejects(t, { code: 'DATE_DUPLICATED', field: 'changes.addOffDays[1]' });
    given
      .when(amend({ changes: { addOffDays: ['2026-02-31'] } }))
      .thenRejects(t, { code: 'DATE_INVALID', field: 'changes.addOffDays[0]' });
    given
      .when(amend({ changes: { addOffDays: ['2026-03-02'], removeOffDays: ['2026-03-02'] } }))
      .thenRejects(t, { code: 'CHANGES_CONFLICT', field: 'changes.removeOffDays[0]', rule: '§11.4' });
    given
      .when(amend({ changes: { addOffDays: ['2026-01-04'] } }))
      .thenRejects(
        t,
        { code: 'DAY_BOTH_OFF_AND_WORKING', field: 'changes.addOffDays[0]' },
        'Jan 4 stays a make-up day',
      );
    given
      .when(amend({ changes: { addMakeUpWorkDays: ['2026-10-03'] } }))
      .thenRejects(t, { code: 'DAY_BOTH_OFF_AND_WORKING', field: 'changes.addMakeUpWorkDays[0]' }, 'Oct 3 stays off');
    t.equal(
      given.when(amend({ changes: { removeOffDays: ['2026-10-03'], addMakeUpWorkDays: ['2026-10-03'] } })).events()
        .length,
      1,
      'an off Saturday can become a make-up day when it is removed from the off days',
    );
    given
      .when(amend({ changes: { addMakeUpWorkDays: ['2026-03-04'] } }))
      .thenRejects(t, { code: 'MAKE_UP_DAY_NOT_WEEKEND', field: 'changes.addMakeUpWorkDays[0]', rule: '§11.1' });
    given
      .when(amend({ scope: 'CN-JS', changes: moveNewYear }))
      .thenRejects(t, { code: 'SCOPE_MISMATCH', field: 'scope' });
    given
      .when(amend({ changes: moveNewYear, publishedOn: '2027-01-01' }))
      .thenRejects(t, { code: 'PUBLISHED_ON_INVALID', field: 'publishedOn' });
  });
});

t.test('Art 7: no more than 6 working days in a row next to a holiday (national, from 2025)', async (t) => {
  // 2027, crafted: Spring Festival Mon Feb 8 – Fri Feb 12 off (with the weekend before), then
  // Sat Feb 13 and Sun Feb 14 as make-up days: Feb 13 – Fri Feb 19 is 7 working days in a row.
  const crafted = {
    year: 2027,
    sourceUrl: 'https://www.gov.cn/zhengce/content/202611/content_0000027.htm',
    documentNo: '国务院办公厅关于2027年部分节假日安排的通知',
    publishedOn: '2026-11-10',
    offDays: ['2027-01-01', ...days('2027-02-08', 5)],
    makeUpWorkDays: ['2027-02-13', '2027-02-14'],
  };
  t.test('given 2026, when a 2027 notice has a 7-day run, then it is refused', async (t) => {
    spec
      .given([published2026])
      .when(publish(crafted))
      .thenRejects(t, {
        code: 'TOO_MANY_CONSECUTIVE_WORKING_DAYS',
        field: 'makeUpWorkDays',
        rule: '§11.1',
        details: { value: 7, from: '2027-02-13', to: '2027-02-19', max: 6 },
      });
    t.equal(CALENDAR_ERRORS.TOO_MANY_CONSECUTIVE_WORKING_DAYS, 'rule');
  });
  t.test('with specialCase.reason it is accepted and the event records why', async (t) => {
    const specialCase = { reason: '特殊情况：春节假期调整' };
    const [event] = spec
      .given([published2026])
      .when(publish({ ...crafted, specialCase }))
      .events();
    t.same(event?.data.specialCase, specialCase);
    t.equal(event?.data.yearVersion, 1);
    const state = foldCalendar([published2026, ...(event ? [event] : [])]);
    t.test('an amendment that does not touch that run needs no special case', async (t) => {
      const [amended] = spec
        .given([published2026, ...(event ? [event] : [])])
        .when(amend({ year: 2027, changes: { addOffDays: ['2027-10-01'] } }))
        .events();
      t.equal(amended?.data.yearVersion, 2);
    });
    t.test('an amendment that lengthens it does', async (t) => {
      spec
        .given([published2026, ...(event ? [event] : [])])
        .when(amend({ year: 2027, changes: { removeOffDays: ['2027-02-12'] } }))
        .thenRejects(t, {
          code: 'TOO_MANY_CONSECUTIVE_WORKING_DAYS',
          field: 'changes',
          details: { from: '2027-02-12' },
        });
    });
    t.equal(state.revision, 2);
  });
  t.test('an amendment of 2026 that makes a 7-day run is refused unless special', async (t) => {
    // Sat Jan 10 as a make-up day: Sun Jan 4 – Sat Jan 10 after New Year.
    const changes = { addMakeUpWorkDays: ['2026-01-10'] };
    spec
      .given([published2026])
      .when(amend({ changes }))
      .thenRejects(t, {
        code: 'TOO_MANY_CONSECUTIVE_WORKING_DAYS',
        field: 'changes',
        details: { from: '2026-01-04', to: '2026-01-10', value: 7 },
      });
    const [event] = spec
      .given([published2026])
      .when(amend({ changes, specialCase: { reason: '特殊情况' } }))
      .events();
    t.same(event?.data.specialCase, { reason: '特殊情况' });
  });
  t.test('not checked for regional overlays nor before 2025', async (t) => {
    t.equal(
      spec
        .given([])
        .when(publish({ ...crafted, scope: 'CN-XZ' }))
        .events().length,
      1,
      'CN-XZ 2027',
    );
    const in2024 = {
      ...crafted,
      year: 2024,
      publishedOn: '2023-10-25',
      // 2024: Mon Feb 12 – Fri Feb 16 off, Sat Feb 17 and Sun Feb 18 make-up: 7 in a row.
      offDays: days('2024-02-12', 5),
      makeUpWorkDays: ['2024-02-17', '2024-02-18'],
    };
    t.equal(spec.given([]).when(publish(in2024)).events().length, 1, 'CN 2024');
  });
  t.test('the real 2025 and 2026 notices pass without a special case', async (t) => {
    t.equal(spec.given([]).when(publish()).events().length, 1, '2026');
  });
});

t.test('evolve ignores an amendment of a year it does not hold (counts it only)', async (t) => {
  const state = foldCalendar([
    {
      type: 'CalendarAmended',
      data: {
        scope: 'CN',
        year: 2030,
        changes: { addOffDays: ['2030-01-02'], removeOffDays: [], addMakeUpWorkDays: [], removeMakeUpWorkDays: [] },
        sourceUrl: 'https://www.gov.cn/x',
        documentNo: 'x',
        publishedOn: null,
        yearVersion: 2,
        specialCase: null,
      },
    },
  ]);
  t.same(state, { scope: null, revision: 1, years: {} });
});
