import type { CalendarLayer } from '../calendar/index.js';
import { applyChanges } from './decide.js';
import type { WorkingCalendarEvent, WorkingCalendarState } from './types.js';

export const initialCalendarState = (): WorkingCalendarState => ({ scope: null, revision: 0, years: {} });

export const evolve = (state: WorkingCalendarState, event: WorkingCalendarEvent): WorkingCalendarState => {
  const { data } = event;
  const key = String(data.year);
  const source = {
    kind: event.type === 'CalendarYearPublished' ? ('published' as const) : ('amended' as const),
    documentNo: data.documentNo,
    sourceUrl: data.sourceUrl,
    publishedOn: data.publishedOn,
  };
  const base = { scope: data.scope, revision: state.revision + 1 };
  if (event.type === 'CalendarYearPublished')
    return {
      ...base,
      years: {
        ...state.years,
        [key]: {
          offDays: event.data.offDays,
          makeUpWorkDays: event.data.makeUpWorkDays,
          version: 1,
          sources: [source],
        },
      },
    };
  const current = state.years[key];
  if (current === undefined) return { ...state, revision: state.revision + 1 };
  return {
    ...base,
    years: {
      ...state.years,
      [key]: {
        ...applyChanges(current, event.data.changes),
        version: event.data.yearVersion,
        sources: [...current.sources, source],
      },
    },
  };
};

/** The state as the calendar module counts on it (Sets per year). */
export const layerOf = (state: WorkingCalendarState): CalendarLayer => ({
  scope: state.scope ?? 'CN',
  revision: state.revision,
  years: new Map(
    Object.entries(state.years).map(([year, days]) => [
      Number(year),
      { offDays: new Set(days.offDays), makeUpWorkDays: new Set(days.makeUpWorkDays) },
    ]),
  ),
});
