/**
 * Folds the calendar's events into plain JSON state (arrays, not Sets) and, for the calendar
 * module, into a CalendarLayer (Sets per year). Never throws: an amendment of a year the state
 * does not hold only counts toward the revision.
 */
import type { CalendarLayer } from '../calendar/index.js';
import { applyChanges } from './changes.js';
import type { CalendarSourceRef, WorkingCalendarEvent, WorkingCalendarState } from './types.js';

export const initialCalendarState = (): WorkingCalendarState => ({ scope: null, revision: 0, years: {} });

const sourceOf = (event: WorkingCalendarEvent): CalendarSourceRef => ({
  kind: event.type === 'CalendarYearPublished' ? 'published' : 'amended',
  documentNo: event.data.documentNo,
  sourceUrl: event.data.sourceUrl,
  publishedOn: event.data.publishedOn,
});

export const evolve = (state: WorkingCalendarState, event: WorkingCalendarEvent): WorkingCalendarState => {
  const revision = state.revision + 1;
  switch (event.type) {
    case 'CalendarYearPublished':
      return {
        scope: event.data.scope,
        revision,
        years: {
          ...state.years,
          [String(event.data.year)]: {
            offDays: event.data.offDays,
            makeUpWorkDays: event.data.makeUpWorkDays,
            version: event.data.yearVersion,
            sources: [sourceOf(event)],
          },
        },
      };
    case 'CalendarAmended': {
      const key = String(event.data.year);
      const current = state.years[key];
      if (current === undefined) return { ...state, revision };
      return {
        scope: event.data.scope,
        revision,
        years: {
          ...state.years,
          [key]: {
            ...applyChanges(current, event.data.changes),
            version: event.data.yearVersion,
            sources: [...current.sources, sourceOf(event)],
          },
        },
      };
    }
    default: {
      const _never: never = event;
      return state;
    }
  }
};

/** The state as the calendar module counts on it (Sets per year); an empty state is scope 'CN'. */
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
