/**
 * The seed: the `chinese-days` package's transcription of the State Council notices 2004–2026
 * (DOMAIN.md §11.2), as the commands an office would have sent, decided by this aggregate like
 * any other notice. It is the first history of `calendar-CN` (written at migration by
 * src/calendar/seed.ts), not a second source: after it, years come only from the log.
 *
 * We import the package's prebuilt JSON, not its functions: the functions rebuild their tables
 * with local-time Date getters, which shifts every date by a day on hosts west of UTC.
 *
 * 2020 is recorded as it happened: the notice of November 2019, then the Spring Festival
 * extension of 2020-01-27. The package holds only the final days; the original is the final
 * minus that amendment (Jan 31 and Feb 1–2 were not off, and Saturday Feb 1 was a make-up day).
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from '../calendar/index.js';
import type { CommandContext } from '../decider.js';
import type { CalendarCommand } from './commands.js';
import { workingCalendarDecider } from './decider.js';
import { layerOf } from './evolve.js';
import { noticeTitle } from './holiday-cn.js';
import type { WorkingCalendarEvent, WorkingCalendarState } from './types.js';

export const FIRST_SEED_YEAR = 2004;
export const LAST_SEED_YEAR = 2026;
/** The transcription used (the package's version pinned in package-lock.json). */
export const SEED_SOURCE_URL = 'https://www.npmjs.com/package/chinese-days/v/1.5.7';

/** The notice dates DOMAIN.md §11.2 gives; the others are not in the transcription. */
const PUBLISHED_ON: Readonly<Record<number, IsoDate>> = { 2025: '2024-11-12', 2026: '2025-11-04' };

/** 国办发明电〔2020〕1号: the Spring Festival holiday extended to Feb 2, the Feb 1 make-up day dropped. */
export const AMENDMENT_2020 = {
  addOffDays: ['2020-01-31', '2020-02-01', '2020-02-02'],
  removeMakeUpWorkDays: ['2020-02-01'],
} as const;

const SEED_CONTEXT: CommandContext = {
  now: '2026-01-01T00:00:00+08:00',
  actor: { id: 'system:calendar-seed', role: 'SYSTEM' },
};

/** The package's off days and make-up working days of one year, sorted. */
export const packageYear = (year: number): { offDays: IsoDate[]; makeUpWorkDays: IsoDate[] } => {
  const inYear = (days: Record<string, unknown>): IsoDate[] =>
    Object.keys(days)
      .filter((d) => d.startsWith(`${year}-`))
      .sort();
  return { offDays: inYear(data.holidays), makeUpWorkDays: inYear(data.workdays) };
};

/** The 2020 notice as first published: the package's final 2020 without the amendment. */
const original2020 = (): { offDays: IsoDate[]; makeUpWorkDays: IsoDate[] } => {
  const final = packageYear(2020);
  const added = new Set<IsoDate>(AMENDMENT_2020.addOffDays);
  const restored = new Set<IsoDate>(AMENDMENT_2020.removeMakeUpWorkDays);
  // The derivation only holds if the package's 2020 is the amended one; refuse to seed otherwise.
  if (
    !AMENDMENT_2020.addOffDays.every((d) => final.offDays.includes(d)) ||
    final.makeUpWorkDays.some((d) => restored.has(d))
  )
    throw new Error(
      'chinese-days: 2020 is not the amended calendar of 2020-01-27; the seed cannot derive the original',
    );
  return {
    offDays: final.offDays.filter((d) => !added.has(d)),
    makeUpWorkDays: [...final.makeUpWorkDays, ...restored].sort(),
  };
};

const publishCommand = (year: number): CalendarCommand => ({
  type: 'PublishCalendarYear',
  data: {
    scope: 'CN',
    year,
    sourceUrl: SEED_SOURCE_URL,
    documentNo: noticeTitle(year),
    publishedOn: PUBLISHED_ON[year] ?? null,
    ...(year === 2020 ? original2020() : packageYear(year)),
  },
  context: SEED_CONTEXT,
});

const AMEND_2020: CalendarCommand = {
  type: 'AmendCalendar',
  data: {
    scope: 'CN',
    year: 2020,
    changes: {
      addOffDays: [...AMENDMENT_2020.addOffDays],
      removeMakeUpWorkDays: [...AMENDMENT_2020.removeMakeUpWorkDays],
    },
    sourceUrl: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
    documentNo: '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）',
    publishedOn: '2020-01-27',
  },
  context: SEED_CONTEXT,
};

/** The seed's commands in order: each year 2004–2026, and the 2020 amendment right after 2020. */
export const SEED_COMMANDS: readonly CalendarCommand[] = Array.from(
  { length: LAST_SEED_YEAR - FIRST_SEED_YEAR + 1 },
  (_, i) => FIRST_SEED_YEAR + i,
).flatMap((year) => (year === 2020 ? [publishCommand(year), AMEND_2020] : [publishCommand(year)]));

const decideAll = (): { events: WorkingCalendarEvent[]; state: WorkingCalendarState } => {
  let state = workingCalendarDecider.initialState();
  const events: WorkingCalendarEvent[] = [];
  for (const command of SEED_COMMANDS) {
    for (const event of workingCalendarDecider.decide(command, state)) {
      events.push(event);
      state = workingCalendarDecider.evolve(state, event);
    }
  }
  return { events, state };
};

const SEED = decideAll();

/** The events the seed's commands decide, in order (the first events of calendar-CN). */
export const seedEvents = (): readonly WorkingCalendarEvent[] => SEED.events;

export const SEED_STATE: WorkingCalendarState = SEED.state;
/** Events in the seed: 23 years and the 2020 amendment. */
export const SEED_REVISION: number = SEED.events.length;
export const SEED_LAYER = layerOf(SEED.state);
