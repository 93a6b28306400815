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

export const foldCalendar = (events: readonly WorkingCalendarEvent[]): WorkingCalendarState =>
  fold(workingCalendarDecider, events);
