/** The WorkingCalendar decider (DOMAIN.md §11.4.1): one per scope, stream `calendar-<scope>`. */
import { fold, type Decider } from '../decider.js';
import type { CalendarCommand } from './commands.js';
import { decide } from './decide.js';
import { evolve, initialCalendarState } from './evolve.js';
import type { WorkingCalendarEvent, WorkingCalendarState } from './types.js';

export const workingCalendarDecider: Decider<CalendarCommand, WorkingCalendarEvent, WorkingCalendarState> = {
  decide,
  evolve,
  initialState: initialCalendarState,
};

/** The state after the given events, in order. */
export const foldCalendar = (events: Iterable<WorkingCalendarEvent>): WorkingCalendarState =>
  fold(workingCalendarDecider, events);
