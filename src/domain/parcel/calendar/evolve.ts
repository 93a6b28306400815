import type { ParcelEvent } from '../events.js';
import { parcelCalendarOf, withParcelCalendar } from '../state.js';
import type { ParcelState } from '../state.js';

type CalendarEvent = Extract<ParcelEvent, { type: 'CalendarReconciled' | 'DeadlineReviewResolved' }>;

/** The first stamp a deal or grant carries sets the version; later stamps are on the same one. */
export const stampCalendar = (state: ParcelState, event: ParcelEvent): ParcelState => {
  const version = (event.data as { readonly calendarVersion?: unknown }).calendarVersion;
  if (typeof version !== 'string' || parcelCalendarOf(state) !== null) return state;
  return withParcelCalendar(state, () => ({ version, pins: [] }));
};

export const evolveCalendar = (state: ParcelState, event: CalendarEvent): ParcelState => {
  switch (event.type) {
    case 'CalendarReconciled':
      return withParcelCalendar(state, (c) => ({
        version: event.data.toVersion,
        pins: [...(c?.pins ?? []), ...event.data.held.map((h) => ({ ...h, status: 'OPEN' as const }))],
      }));
    case 'DeadlineReviewResolved':
      return withParcelCalendar(state, (c) => ({
        version: c?.version ?? '',
        pins: (c?.pins ?? []).flatMap((p) => {
          if (p.reviewId !== event.data.reviewId) return [p];
          return event.data.decision === 'KEEP' ? [{ ...p, status: 'KEPT' as const }] : [];
        }),
      }));
    default: {
      const _never: never = event;
      return _never;
    }
  }
};
