import t from 'tap';
import type { z } from 'zod';
import { fold } from '../../../src/domain/decider.js';
import {
  CALENDAR_COMMANDS,
  SEED_COMMANDS,
  workingCalendarDecider,
  type CalendarCommand,
} from '../../../src/domain/working-calendar/index.js';
import { ctx } from './helpers.js';

type Type = keyof typeof CALENDAR_COMMANDS;
const types = Object.keys(CALENDAR_COMMANDS) as Type[];

const issuePaths = (schema: z.ZodType, body: unknown): string[] => {
  const result = schema.safeParse(body);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
};

t.test('every example passes its schema; the stream id is the scope', async (t) => {
  for (const type of types) {
    const { schema, example, idField, summary } = CALENDAR_COMMANDS[type];
    const result = schema.safeParse(example);
    t.ok(result.success, `${type}: ${result.success ? 'ok' : JSON.stringify(result.error.issues)}`);
    t.equal(idField, 'scope', `${type} idField`);
    t.ok(summary.length > 0, `${type} has a summary`);
  }
  t.same(
    types.filter((type) => CALENDAR_COMMANDS[type].creates),
    ['PublishCalendarYear'],
    'only PublishCalendarYear opens a calendar',
  );
});

t.test('the examples are accepted by the decider', async (t) => {
  const { PublishCalendarYear, AmendCalendar } = CALENDAR_COMMANDS;
  t.test('given an empty calendar, when the 2026 notice is published, then it is recorded', async (t) => {
    const command = {
      type: 'PublishCalendarYear',
      data: PublishCalendarYear.schema.parse(PublishCalendarYear.example),
      context: ctx(),
    } as CalendarCommand;
    const [event] = workingCalendarDecider.decide(command, workingCalendarDecider.initialState());
    t.equal(event?.type, 'CalendarYearPublished');
  });
  t.test(
    'given the 2020 notice as first published, when the 2020 extension arrives, then it is recorded',
    async (t) => {
      const publish2020 = SEED_COMMANDS.find((c) => c.type === 'PublishCalendarYear' && c.data.year === 2020);
      t.ok(publish2020);
      const state = fold(
        workingCalendarDecider,
        workingCalendarDecider.decide(publish2020 as CalendarCommand, fold(workingCalendarDecider, [])),
      );
      const command = {
        type: 'AmendCalendar',
        data: AmendCalendar.schema.parse(AmendCalendar.example),
        context: ctx(),
      } as CalendarCommand;
      const [event] = workingCalendarDecider.decide(command, state);
      t.equal(event?.type, 'CalendarAmended');
    },
  );
});

t.test('the scope defaults to CN', async (t) => {
  const { scope: _scope, ...rest } = CALENDAR_COMMANDS.PublishCalendarYear.example;
  t.equal(CALENDAR_COMMANDS.PublishCalendarYear.schema.parse(rest).scope, 'CN');
});

t.test('malformed bodies fail with the path of the bad field', async (t) => {
  const { PublishCalendarYear, AmendCalendar } = CALENDAR_COMMANDS;
  const body = PublishCalendarYear.example;
  const schema = PublishCalendarYear.schema;
  t.same(issuePaths(schema, { ...body, scope: 'cn-xz' }), ['scope']);
  t.same(issuePaths(schema, { ...body, scope: 'CN-XZ' }), [], 'a regional overlay scope');
  t.same(issuePaths(schema, { ...body, year: 1989 }), ['year']);
  t.same(issuePaths(schema, { ...body, year: 2026.5 }), ['year']);
  t.same(issuePaths(schema, { ...body, sourceUrl: 'gov.cn notice' }), ['sourceUrl']);
  t.same(issuePaths(schema, { ...body, documentNo: '  ' }), ['documentNo']);
  t.same(issuePaths(schema, { ...body, publishedOn: '2025-11-31' }), ['publishedOn']);
  t.same(issuePaths(schema, { ...body, publishedOn: null }), [], 'publishedOn may be unknown');
  t.same(issuePaths(schema, { ...body, offDays: ['2026-02-30'] }), ['offDays.0']);
  t.same(issuePaths(schema, { ...body, makeUpWorkDays: ['2026/01/04'] }), ['makeUpWorkDays.0']);
  t.same(issuePaths(schema, { ...body, specialCase: { reason: ' ' } }), ['specialCase.reason']);
  t.same(issuePaths(schema, { ...body, specialCase: { reason: '特殊情况' } }), []);
  const change = AmendCalendar.example;
  t.same(issuePaths(AmendCalendar.schema, { ...change, changes: { addOffDays: ['2020-13-01'] } }), [
    'changes.addOffDays.0',
  ]);
  t.same(issuePaths(AmendCalendar.schema, { ...change, changes: undefined }), ['changes']);
});
