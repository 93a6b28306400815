/**
 * Routes of the working calendar: `POST /calendars/{scope}/{command}` (DOMAIN.md §11.4.1). The
 * scope is the target's jurisdiction: the national calendar ('CN') only for a national token, a
 * regional overlay ('CN-XZ') for that province's reviewers too.
 */
import {
  CALENDAR_COMMANDS,
  type CalendarCommand,
  type WorkingCalendarEvent,
  type WorkingCalendarState,
} from '../../domain/working-calendar/index.js';
import { handleCalendarCommand } from '../../eventstore/aggregate-handlers.js';
import type { AggregateCommands } from './aggregate.js';
import { CALENDAR_ROLES } from './command-roles.js';

export const calendarCommands: AggregateCommands<CalendarCommand, WorkingCalendarEvent, WorkingCalendarState> = {
  tag: 'calendar commands',
  basePath: '/calendars/:scope',
  idParam: 'scope',
  noun: 'calendar',
  handler: handleCalendarCommand,
  specs: CALENDAR_COMMANDS,
  roles: CALENDAR_ROLES,
  jurisdictionOf: ({ id }) => id,
  ownerOf: () => null,
};
