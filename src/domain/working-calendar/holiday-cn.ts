/**
 * The machine-readable mirror used for bootstrapping (NateScarlet/holiday-cn, DOMAIN.md §11.2):
 * `{year, papers: [gov.cn URLs], days: [{name, date, isOffDay}]}` → a PublishCalendarYear's data.
 * A convenience only: the authority is the gov.cn notice its `papers` name.
 */
import { z } from 'zod';
import { isoDate } from '../schema/fields.js';
import type { publishCalendarYearSchema } from './commands.js';

export const holidayCnSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  papers: z.array(z.url()).min(1, 'must name the gov.cn notice (papers[0])'),
  days: z.array(z.object({ name: z.string().min(1), date: isoDate, isOffDay: z.boolean() })),
});

export type HolidayCnYear = z.output<typeof holidayCnSchema>;

/** Throws a ZodError naming the field (e.g. `days.3.date`) when the file is not of that shape. */
export const fromHolidayCn = (json: unknown, scope = 'CN'): z.input<typeof publishCalendarYearSchema> => {
  const year = holidayCnSchema.parse(json);
  return {
    scope,
    year: year.year,
    sourceUrl: year.papers[0] as string,
    documentNo: `国务院办公厅关于${year.year}年部分节假日安排的通知`,
    offDays: year.days.filter((d) => d.isOffDay).map((d) => d.date),
    makeUpWorkDays: year.days.filter((d) => !d.isOffDay).map((d) => d.date),
  };
};
