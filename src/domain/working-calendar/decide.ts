/**
 * Decides PublishCalendarYear and AmendCalendar: checks the notice (validate.ts) and records it
 * as it reads, sorted, with the year's version (1 on publication, +1 per amendment). Nothing is
 * ever removed from the log: an amendment is a new event naming what it changes.
 */
import { shanghaiDate } from '../calendar/index.js';
import type { IsoDate } from '../calendar/index.js';
import type { CalendarCommand } from './commands.js';
import { fail } from './errors.js';
import type { CalendarChanges, WorkingCalendarEvent, WorkingCalendarState } from './types.js';
import { checkArt7, checkDates, checkPublishedOn, checkYear } from './validate.js';

type Of<T extends CalendarCommand['type']> = Extract<CalendarCommand, { type: T }>;

const sorted = (days: readonly IsoDate[]): IsoDate[] => [...days].sort();

const checkScope = (state: WorkingCalendarState, scope: string): void => {
  if (state.scope !== null && state.scope !== scope)
    fail('SCOPE_MISMATCH', `This calendar is ${state.scope}, not ${scope}`, { field: 'scope', value: scope });
};

const publish = (command: Of<'PublishCalendarYear'>, state: WorkingCalendarState): WorkingCalendarEvent[] => {
  const { scope, year, offDays, makeUpWorkDays, sourceUrl, documentNo } = command.data;
  checkScope(state, scope);
  if (state.years[String(year)] !== undefined)
    fail('YEAR_ALREADY_PUBLISHED', `${year} is published already; send AmendCalendar to change it`, {
      field: 'year',
      value: year,
      rule: '§11.4.1',
    });
  checkDates(year, 'offDays', offDays);
  checkDates(year, 'makeUpWorkDays', makeUpWorkDays);
  checkYear(offDays, makeUpWorkDays);
  const specialCase = command.data.specialCase ?? null;
  checkArt7(scope, year, offDays, makeUpWorkDays, specialCase);
  const publishedOn = command.data.publishedOn ?? null;
  checkPublishedOn(publishedOn, year, shanghaiDate(command.context.now));
  return [
    {
      type: 'CalendarYearPublished',
      data: {
        scope,
        year,
        sourceUrl,
        documentNo,
        publishedOn,
        offDays: sorted(offDays),
        makeUpWorkDays: sorted(makeUpWorkDays),
        yearVersion: 1,
        specialCase,
      },
    },
  ];
};

const amend = (command: Of<'AmendCalendar'>, state: WorkingCalendarState): WorkingCalendarEvent[] => {
  const { scope, year, sourceUrl, documentNo } = command.data;
  checkScope(state, scope);
  const current = state.years[String(year)];
  if (current === undefined)
    return fail('YEAR_NOT_PUBLISHED', `${year} has no published notice to amend; send PublishCalendarYear`, {
      field: 'year',
      value: year,
      rule: '§11.4.1',
    });
  const given = command.data.changes;
  const off = new Set(current.offDays);
  const work = new Set(current.makeUpWorkDays);
  // Only real changes are recorded: adding what is there or removing what is not changes nothing.
  const changes: CalendarChanges = {
    addOffDays: sorted((given.addOffDays ?? []).filter((d) => !off.has(d))),
    removeOffDays: sorted((given.removeOffDays ?? []).filter((d) => off.has(d))),
    addMakeUpWorkDays: sorted((given.addMakeUpWorkDays ?? []).filter((d) => !work.has(d))),
    removeMakeUpWorkDays: sorted((given.removeMakeUpWorkDays ?? []).filter((d) => work.has(d))),
  };
  for (const [key, days] of Object.entries(changes)) checkDates(year, `changes.${key}`, days);
  if (Object.values(changes).every((days) => days.length === 0))
    fail('AMENDMENT_EMPTY', `The amendment changes nothing in ${year}`, { field: 'changes', rule: '§11.4.1' });
  const after = applyChanges(current, changes);
  checkYear(after.offDays, after.makeUpWorkDays, 'changes.addMakeUpWorkDays');
  const specialCase = command.data.specialCase ?? null;
  checkArt7(scope, year, after.offDays, after.makeUpWorkDays, specialCase);
  const publishedOn = command.data.publishedOn ?? null;
  checkPublishedOn(publishedOn, year, shanghaiDate(command.context.now));
  return [
    {
      type: 'CalendarAmended',
      data: { scope, year, changes, sourceUrl, documentNo, publishedOn, yearVersion: current.version + 1, specialCase },
    },
  ];
};

/** The days of a year after an amendment. */
export const applyChanges = (
  year: { readonly offDays: readonly IsoDate[]; readonly makeUpWorkDays: readonly IsoDate[] },
  changes: CalendarChanges,
): { offDays: IsoDate[]; makeUpWorkDays: IsoDate[] } => {
  const off = new Set(year.offDays);
  const work = new Set(year.makeUpWorkDays);
  for (const d of changes.removeOffDays) off.delete(d);
  for (const d of changes.addOffDays) off.add(d);
  for (const d of changes.removeMakeUpWorkDays) work.delete(d);
  for (const d of changes.addMakeUpWorkDays) work.add(d);
  return { offDays: sorted([...off]), makeUpWorkDays: sorted([...work]) };
};

export const decide = (command: CalendarCommand, state: WorkingCalendarState): WorkingCalendarEvent[] => {
  switch (command.type) {
    case 'PublishCalendarYear':
      return publish(command, state);
    case 'AmendCalendar':
      return amend(command, state);
    default: {
      const _never: never = command;
      return _never;
    }
  }
};
