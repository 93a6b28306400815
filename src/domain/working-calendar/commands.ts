/**
 * Commands of the WorkingCalendar aggregate (stream `calendar-<scope>`, DOMAIN.md §11.4.1): a
 * year's State Council notice (or a regional overlay's) as published, and its amendments.
 */
import { z } from 'zod';
import type { Command } from '../decider.js';
import { commandSpec, type CommandSpecs, type DataOf } from '../schema/command-spec.js';
import { isoDate, text } from '../schema/fields.js';

/** 'CN' (national) or a jurisdiction-code prefix of a regional overlay ('CN-XZ'). */
export const calendarScope = z
  .string()
  .regex(/^CN(-[A-Z0-9]+)*$/, "must be 'CN' or a jurisdiction code such as 'CN-XZ'")
  .max(40);

const dates = z.array(isoDate).max(200).readonly();

/** §11.1 Art 7 allows longer runs in "special cases"; the event records why. */
const specialCase = z.object({ reason: text }).nullable().optional();

export const publishCalendarYearSchema = z.object({
  scope: calendarScope.default('CN'),
  year: z.number().int().min(1990).max(2100),
  sourceUrl: z.url().max(500),
  /** The notice's number (国办发明电〔2025〕7号) or, where unknown, its title. */
  documentNo: text,
  /** The date on the notice. */
  publishedOn: isoDate.nullable().optional(),
  offDays: dates,
  makeUpWorkDays: dates,
  specialCase,
});

export const amendCalendarSchema = z.object({
  scope: calendarScope.default('CN'),
  year: z.number().int().min(1990).max(2100),
  changes: z.object({
    addOffDays: dates.optional(),
    removeOffDays: dates.optional(),
    addMakeUpWorkDays: dates.optional(),
    removeMakeUpWorkDays: dates.optional(),
  }),
  sourceUrl: z.url().max(500),
  documentNo: text,
  publishedOn: isoDate.nullable().optional(),
  specialCase,
});

export const CALENDAR_COMMANDS = {
  PublishCalendarYear: commandSpec({
    schema: publishCalendarYearSchema,
    summary:
      'Enter a year’s holiday notice (国务院办公厅关于{year}年部分节假日安排的通知, §11.2) or a regional overlay',
    creates: true,
    idField: 'scope',
    example: {
      scope: 'CN',
      year: 2026,
      sourceUrl: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
      documentNo: '国务院办公厅关于2026年部分节假日安排的通知',
      publishedOn: '2025-11-04',
      offDays: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15', '2026-02-16', '2026-02-17'],
      makeUpWorkDays: ['2026-01-04', '2026-02-14'],
    },
  }),
  AmendCalendar: commandSpec({
    schema: amendCalendarSchema,
    summary: 'Amend a published year (e.g. the 2020 Spring Festival extension, §11.2): days added or removed',
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
