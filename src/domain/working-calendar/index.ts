export { CALENDAR_COMMANDS, amendCalendarSchema, calendarScope, publishCalendarYearSchema } from './commands.js';
export type { CalendarCommand } from './commands.js';
export { CALENDAR_ERRORS } from './errors.js';
export { foldCalendar, workingCalendarDecider } from './decider.js';
export { initialCalendarState, layerOf } from './evolve.js';
export { fromHolidayCn, holidayCnSchema } from './holiday-cn.js';
export {
  FIRST_SEED_YEAR,
  LAST_SEED_YEAR,
  SEED_COMMANDS,
  SEED_LAYER,
  SEED_REVISION,
  SEED_STATE,
  seedEvents,
} from './seed.js';
export { LEGACY_SEED_VERSIONS, SEED_CALENDAR, SEED_CALENDARS, SEED_VERSION } from './seed-calendar.js';
export { CALENDAR_EVENT_TYPES } from './types.js';
export type * from './types.js';
export { longestRunBesideHoliday } from './validate.js';
