export type { DateResult, IsoDate } from './iso-date.js';
export type { Calendar, DayStatus } from './calendar.js';
export { calendarOf, calendarVersionOf, parseCalendarVersion, scopesFor } from './calendar.js';
export type { CalendarLayer, CalendarYearDays } from './layer.js';
export {
  addWorkingDays,
  countWorkingDays,
  isProvisionalDate,
  isWorkingDay,
  rollToNextWorkingDay,
} from './working-days.js';
export { addCalendarDays, addMonths, addYears, applyPeriod, calendarDaysBetween } from './period-maths.js';
export type { RollOptions } from './period-maths.js';
export { SHANGHAI_ZONE, shanghaiDate } from './shanghai.js';
export type { CalendarSource } from './source.js';
