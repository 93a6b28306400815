/**
 * Decides PublishCalendarYear and AmendCalendar: checks the notice (validate.ts, art7.ts) and
 * records it as it reads, sorted, with the year's version (1 on publication, +1 per amendment).
 * Nothing is ever removed from the log: an amendment is a new event naming what it changes.
 */
import { shanghaiDate } from '../calendar/index.js';
import { checkArt7, runsBesideHolidays } from './art7.js';
import { applyChanges, isEmptyChange, realChanges, sortedDays } from './changes.js';
import type { CalendarCommand } from './commands.js';
import { fail } from './errors.js';
import type { WorkingCalendarEvent, WorkingCalendarState } from './types.js';
import {
  checkAmendedDays,
  checkChangeLists,
  checkDates,
  checkPublishedDays,
  checkPublishedOn,
  checkScope,
  checkSource,
  checkYearNumber,
  RULE_CALENDAR,
} from './validate.js';

type Of<T extends CalendarCommand['type']> = Extract<CalendarCommand, { type: T }>;

/** Scope, year, source and notice date: what both commands carry. */
const checkNotice = (command: Of<'PublishCalendarYear'> | Of<'AmendCalendar'>, state: WorkingCalendarState) => {
  const { scope, year, sourceUrl, documentNo } = command.data;
  checkScope(scope, state.scope);
  checkYearNumber(year);
  checkSource(sourceUrl, documentNo);
  const publishedOn = command.data.publishedOn ?? null;
  if (publishedOn !== null) checkPublishedOn(publishedOn, year, shanghaiDate(command.context.now));
  return { scope, year, sourceUrl, documentNo, publishedOn, specialCase: command.data.specialCase ?? null };
};

const publish = (command: Of<'PublishCalendarYear'>, state: WorkingCalendarState): WorkingCalendarEvent[] => {
  const notice = checkNotice(command, state);
  const { offDays, makeUpWorkDays } = command.data;
  checkDates(notice.year, 'offDays', offDays);
  checkDates(notice.year, 'makeUpWorkDays', makeUpWorkDays);
  checkPublishedDays(offDays, makeUpWorkDays);
  if (state.years[String(notice.year)] !== undefined)
    fail('YEAR_ALREADY_PUBLISHED', `${notice.year} is published already; send AmendCalendar to change it`, {
      field: 'year',
      value: notice.year,
      rule: RULE_CALENDAR,
    });
  checkArt7({ ...notice, offDays, makeUpWorkDays, field: 'makeUpWorkDays' });
  return [
    {
      type: 'CalendarYearPublished',
      data: {
        scope: notice.scope,
        year: notice.year,
        sourceUrl: notice.sourceUrl,
        documentNo: notice.documentNo,
        publishedOn: notice.publishedOn,
        offDays: sortedDays(offDays),
        makeUpWorkDays: sortedDays(makeUpWorkDays),
        yearVersion: 1,
        specialCase: notice.specialCase,
      },
    },
  ];
};

const amend = (command: Of<'AmendCalendar'>, state: WorkingCalendarState): WorkingCalendarEvent[] => {
  const notice = checkNotice(command, state);
  const given = command.data.changes;
  checkChangeLists(notice.year, given);
  const current = state.years[String(notice.year)];
  if (current === undefined)
    return fail('YEAR_NOT_PUBLISHED', `${notice.year} has no published notice to amend; send PublishCalendarYear`, {
      field: 'year',
      value: notice.year,
      rule: RULE_CALENDAR,
    });
  const changes = realChanges(current, given);
  if (isEmptyChange(changes))
    fail(
      'AMENDMENT_EMPTY',
      `The amendment changes nothing in ${notice.year}: it adds what is there or removes what is not`,
      {
        field: 'changes',
        rule: RULE_CALENDAR,
      },
    );
  const after = applyChanges(current, changes);
  checkAmendedDays(given, after);
  // Runs the year already had (published as a special case) do not block an unrelated amendment.
  const before = runsBesideHolidays(notice.year, current.offDays, current.makeUpWorkDays);
  checkArt7({ ...notice, ...after, field: 'changes' }, before);
  return [
    {
      type: 'CalendarAmended',
      data: {
        scope: notice.scope,
        year: notice.year,
        changes,
        sourceUrl: notice.sourceUrl,
        documentNo: notice.documentNo,
        publishedOn: notice.publishedOn,
        yearVersion: current.version + 1,
        specialCase: notice.specialCase,
      },
    },
  ];
};

export const decide = (command: CalendarCommand, state: WorkingCalendarState): WorkingCalendarEvent[] => {
  switch (command.type) {
    case 'PublishCalendarYear':
      return publish(command, state);
    case 'AmendCalendar':
      return amend(command, state);
    default: {
      const _never: never = command;
      return fail('UNKNOWN_COMMAND', `unknown command ${(_never as { type: string }).type}`);
    }
  }
};
