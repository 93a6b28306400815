export type { DateResult, IsoDate } from './iso-date.js';
export { CALENDAR_VERSION, FIRST_COVERED_YEAR, LAST_COVERED_YEAR } from './data-source.js';
export { addWorkingDays, isProvisionalDate, isWorkingDay, rollToNextWorkingDay } from './working-days.js';
export { addCalendarDays, addMonths, addYears, applyPeriod, calendarDaysBetween } from './period-maths.js';
export type { RollOptions } from './period-maths.js';
export { SHANGHAI_ZONE, shanghaiDate } from './shanghai.js';
