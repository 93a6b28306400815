/**
 * The machine-readable mirror used for bootstrapping (NateScarlet/holiday-cn, DOMAIN.md §11.2):
 * `{year, papers: [gov.cn URLs], days: [{name, date, isOffDay}]}` → a PublishCalendarYear's data.
 * A convenience only: the authority is the gov.cn notice its `papers` name. The mirror holds a
 * year's final days: for an amended year (2020: two papers) it is not the notice as first
 * published, so such a year is better entered as publication + AmendCalendar (see seed.ts).
 */
import { z } from 'zod';
import { isoDate } from '../schema/fields.js';
import type { PublishCalendarYearData } from './commands.js';
import { fail } from './errors.js';
import { FIRST_YEAR, LAST_YEAR } from './validate.js';

export const holidayCnSchema = z.object({
  year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
  papers: z.array(z.url()).min(1, 'must name the gov.cn notice (papers[0])'),
  days: z.array(z.object({ name: z.string().min(1), date: isoDate, isOffDay: z.boolean() })),
});

export type HolidayCnYear = z.output<typeof holidayCnSchema>;

/** The title of a year's State Council notice, used as documentNo where its number is unknown. */
export const noticeTitle = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

/**
 * Converts one holiday-cn year file. A file not of that shape fails with HOLIDAY_CN_INVALID,
 * naming the first bad field (e.g. `days[3].date`); the days themselves are checked by the
 * aggregate when the command is decided.
 */
export const fromHolidayCn = (json: unknown, scope = 'CN'): PublishCalendarYearData => {
  const parsed = holidayCnSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = (issue?.path ?? []).reduce<string>(
      (at, key) => (typeof key === 'number' ? `${at}[${key}]` : at === '' ? String(key) : `${at}.${String(key)}`),
      '',
    );
    return fail(
      'HOLIDAY_CN_INVALID',
      `Not a holiday-cn year file: ${field || '(root)'}: ${issue?.message ?? 'invalid'}`,
      {
        field: field || undefined,
        rule: '§11.2',
      },
    );
  }
  const { year, papers, days } = parsed.data;
  return {
    scope,
    year,
    sourceUrl: papers[0] as string,
    documentNo: noticeTitle(year),
    publishedOn: null,
    offDays: days.filter((d) => d.isOffDay).map((d) => d.date),
    makeUpWorkDays: days.filter((d) => !d.isOffDay).map((d) => d.date),
  };
};
