export {
  CALENDAR_COMMANDS,
  amendCalendarSchema,
  calendarScope,
  publishCalendarYearSchema,
  type AmendCalendarData,
  type CalendarCommand,
  type PublishCalendarYearData,
} from './commands.js';
export { CALENDAR_ERRORS, type CalendarErrorCode } from './errors.js';
export { foldCalendar, workingCalendarDecider } from './decider.js';
export { initialCalendarState, layerOf } from './evolve.js';
export { applyChanges } from './changes.js';
export {
  ART7_FIRST_YEAR,
  ART7_MAX_WORKING_RUN,
  art7Applies,
  longestRunBesideHoliday,
  runsBesideHolidays,
  type WorkingRun,
} from './art7.js';
export { fromHolidayCn, holidayCnSchema, noticeTitle, type HolidayCnYear } from './holiday-cn.js';
export {
  AMENDMENT_2020,
  FIRST_SEED_YEAR,
  LAST_SEED_YEAR,
  SEED_COMMANDS,
  SEED_LAYER,
  SEED_REVISION,
  SEED_SOURCE_URL,
  SEED_STATE,
  packageYear,
  seedEvents,
} from './seed.js';
export { LEGACY_SEED_VERSIONS, SEED_CALENDAR, SEED_CALENDARS, SEED_VERSION } from './seed-calendar.js';
export { CALENDAR_EVENT_TYPES } from './types.js';
export type * from './types.js';

/** Stream `calendar-<scope>` (DOMAIN.md §11.4.1). */
export { calendarStream } from '../streams.js';
