/**
 * Shared by the WorkingCalendar tests (not a test file: tap runs only *.test.ts). The rule of
 * §11.4.2 written out once more, independent of the calendar module, and the 2026 notice.
 */
import type { CalendarLayer } from '../../../src/domain/calendar/index.js';
import { epochDayOf, isoDateOf, weekdayOfEpochDay } from '../../../src/domain/calendar/iso-date.js';
import type { CommandContext } from '../../../src/domain/decider.js';
import {
  CALENDAR_COMMANDS,
  type AmendCalendarData,
  type CalendarCommand,
  type PublishCalendarYearData,
} from '../../../src/domain/working-calendar/index.js';

export const NOW = '2026-11-26T10:00:00+08:00';
export const ministry = { id: 'u-ministry-1', role: 'MINISTRY' };
export const ctx = (now = NOW): CommandContext => ({ now, actor: ministry });

/** The 2026 notice of 2025-11-04 (DOMAIN.md §11.2), as the PublishCalendarYear example gives it. */
export const NOTICE_2026: PublishCalendarYearData = CALENDAR_COMMANDS.PublishCalendarYear.schema.parse(
  CALENDAR_COMMANDS.PublishCalendarYear.example,
);

export const publish = (data: Partial<PublishCalendarYearData> = {}, now = NOW): CalendarCommand => ({
  type: 'PublishCalendarYear',
  data: { ...NOTICE_2026, ...data },
  context: ctx(now),
});

export const amend = (
  data: Partial<AmendCalendarData> & Pick<AmendCalendarData, 'changes'>,
  now = NOW,
): CalendarCommand => ({
  type: 'AmendCalendar',
  data: {
    scope: 'CN',
    year: 2026,
    sourceUrl: 'https://www.gov.cn/zhengce/content/202612/content_0000001.htm',
    documentNo: '国务院办公厅关于调整2026年部分节假日安排的通知',
    ...data,
  },
  context: ctx(now),
});

/** Consecutive dates from `from`, `n` of them. */
export const days = (from: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => isoDateOf(epochDayOf(from) + i));

/** §11.4.2 on one layer: make-up day, or Mon–Fri and not off. Years the layer lacks: weekdays. */
export const workingPerLayer = (layer: CalendarLayer, date: string): boolean => {
  const year = layer.years.get(Number(date.slice(0, 4)));
  if (year?.makeUpWorkDays.has(date)) return true;
  const weekday = weekdayOfEpochDay(epochDayOf(date));
  return weekday >= 1 && weekday <= 5 && !(year?.offDays.has(date) ?? false);
};
