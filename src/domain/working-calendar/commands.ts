/**
 * Commands of the WorkingCalendar aggregate (stream `calendar-<scope>`, DOMAIN.md §11.4.1) as one
 * table: a year's State Council notice (or a regional overlay's) as published, and its
 * amendments. The API builds its routes and the OpenAPI document from CALENDAR_COMMANDS; a
 * command's data type is `z.output` of its schema. The decider keeps its own checks (validate.ts).
 */
import { z } from 'zod';
import type { Command } from '../decider.js';
import { commandSpec, type CommandSpecs, type DataOf } from '../schema/command-spec.js';
import { isoDate, text } from '../schema/fields.js';
import { FIRST_YEAR, LAST_YEAR, SCOPE_PATTERN } from './validate.js';

/** 'CN' (national) or a jurisdiction-code prefix of a regional overlay ('CN-XZ', §11.1 Art 4). */
export const calendarScope = z
  .string()
  .regex(SCOPE_PATTERN, "must be 'CN' or a jurisdiction code such as 'CN-XZ'")
  .max(40)
  .meta({ example: 'CN' });

const year = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);
const dates = z.array(isoDate).max(366).readonly();

/** §11.1 Art 7 allows longer working runs in "special cases"; the event records why. */
const specialCase = z.object({ reason: text }).nullable().optional();

/** The notice the days come from (§11.2). */
const source = {
  sourceUrl: z.url().max(500),
  /** The notice's number (国办发明电〔2020〕1号) or, where unknown, its title. */
  documentNo: text,
  /** The date on the notice. */
  publishedOn: isoDate.nullable().optional(),
};

export const publishCalendarYearSchema = z.object({
  scope: calendarScope.default('CN'),
  year,
  ...source,
  offDays: dates,
  makeUpWorkDays: dates,
  specialCase,
});

export const amendCalendarSchema = z.object({
  scope: calendarScope.default('CN'),
  year,
  changes: z.object({
    addOffDays: dates.optional(),
    removeOffDays: dates.optional(),
    addMakeUpWorkDays: dates.optional(),
    removeMakeUpWorkDays: dates.optional(),
  }),
  ...source,
  specialCase,
});

export type PublishCalendarYearData = z.output<typeof publishCalendarYearSchema>;
export type AmendCalendarData = z.output<typeof amendCalendarSchema>;

const range = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => `${from.slice(0, 8)}${String(Number(from.slice(8)) + i).padStart(2, '0')}`);

export const CALENDAR_COMMANDS = {
  PublishCalendarYear: commandSpec({
    schema: publishCalendarYearSchema,
    summary:
      'Enter a year’s holiday notice (国务院办公厅关于{year}年部分节假日安排的通知, §11.2) or a regional overlay (§11.1 Art 4); Art 7 checked nationally from 2025',
    creates: true,
    idField: 'scope',
    example: {
      scope: 'CN',
      year: 2026,
      sourceUrl: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
      documentNo: '国务院办公厅关于2026年部分节假日安排的通知',
      publishedOn: '2025-11-04',
      offDays: [
        ...range('2026-01-01', 3),
        ...range('2026-02-15', 9),
        ...range('2026-04-04', 3),
        ...range('2026-05-01', 5),
        ...range('2026-06-19', 3),
        ...range('2026-09-25', 3),
        ...range('2026-10-01', 7),
      ],
      makeUpWorkDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  }),
  AmendCalendar: commandSpec({
    schema: amendCalendarSchema,
    summary:
      'Amend a published year (e.g. the 2020 Spring Festival extension, §11.2): days added or removed, never deleted',
    creates: false,
    idField: 'scope',
    example: {
      scope: 'CN',
      year: 2020,
      changes: { addOffDays: ['2020-01-31', '2020-02-01', '2020-02-02'], removeMakeUpWorkDays: ['2020-02-01'] },
      sourceUrl: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
      documentNo: '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）',
      publishedOn: '2020-01-27',
    },
  }),
} satisfies CommandSpecs;

type Specs = typeof CALENDAR_COMMANDS;

export type CalendarCommand = {
  [K in keyof Specs]: Command<K, DataOf<Specs, K>>;
}[keyof Specs];
