/** An amendment's changes: which of them are real, and the year they leave (shared by decide and evolve). */
import type { IsoDate } from '../calendar/index.js';
import type { CalendarChanges } from './types.js';

export interface YearDays {
  readonly offDays: readonly IsoDate[];
  readonly makeUpWorkDays: readonly IsoDate[];
}

export const sortedDays = (days: readonly IsoDate[]): IsoDate[] => [...days].sort();

type GivenChanges = { readonly [K in keyof CalendarChanges]?: readonly IsoDate[] | undefined };

/** Only real changes, sorted: adding a day that is there, or removing one that is not, changes nothing. */
export const realChanges = (year: YearDays, given: GivenChanges): CalendarChanges => {
  const off = new Set(year.offDays);
  const work = new Set(year.makeUpWorkDays);
  return {
    addOffDays: sortedDays((given.addOffDays ?? []).filter((d) => !off.has(d))),
    removeOffDays: sortedDays((given.removeOffDays ?? []).filter((d) => off.has(d))),
    addMakeUpWorkDays: sortedDays((given.addMakeUpWorkDays ?? []).filter((d) => !work.has(d))),
    removeMakeUpWorkDays: sortedDays((given.removeMakeUpWorkDays ?? []).filter((d) => work.has(d))),
  };
};

export const isEmptyChange = (changes: CalendarChanges): boolean =>
  Object.values(changes).every((days: readonly IsoDate[]) => days.length === 0);

/** The days of a year after an amendment, sorted. */
export const applyChanges = (
  year: YearDays,
  changes: CalendarChanges,
): { offDays: IsoDate[]; makeUpWorkDays: IsoDate[] } => {
  const off = new Set(year.offDays);
  const work = new Set(year.makeUpWorkDays);
  for (const d of changes.removeOffDays) off.delete(d);
  for (const d of changes.addOffDays) off.add(d);
  for (const d of changes.removeMakeUpWorkDays) work.delete(d);
  for (const d of changes.addMakeUpWorkDays) work.add(d);
  return { offDays: sortedDays([...off]), makeUpWorkDays: sortedDays([...work]) };
};
