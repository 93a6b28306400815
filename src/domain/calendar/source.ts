import type { Calendar } from './calendar.js';

/**
 * Where pure code gets calendars: `at` the version a parcel follows (immutable content), or the
 * `current` one for a jurisdiction (national plus its overlays). The service's source is the log
 * (src/calendar/book.ts); tests and the static policies use the seed (working-calendar/seed-calendar.ts).
 */
export interface CalendarSource {
  at(version: string): Calendar;
  current(jurisdiction: string): Calendar;
}
