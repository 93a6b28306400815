import type { CalendarSource } from '../../calendar/index.js';
import { policyFor as publishedPolicyFor } from '../../policy/index.js';
import type { Policy } from '../../policy/index.js';
import { parcelCalendarOf } from '../state.js';
import type { ParcelState } from '../state.js';

/**
 * The policy lookup for one parcel: the policy of a jurisdiction, counting on the calendar the
 * parcel follows (the version its deal or grant was stamped with, moved only by
 * CalendarReconciled), or on the jurisdiction's newest calendar for a parcel not yet stamped.
 * Everything that computes a parcel's dates (decider, deadline engine, timers saga, read model)
 * goes through this, so all of them agree on the dates.
 */
export const parcelPolicyFor =
  (
    state: ParcelState,
    calendars: CalendarSource,
    policyFor: (jurisdiction: string) => Policy = publishedPolicyFor,
  ): ((jurisdiction: string) => Policy) =>
  (jurisdiction) => {
    const version = parcelCalendarOf(state)?.version ?? null;
    const calendar = version === null ? calendars.current(jurisdiction) : calendars.at(version);
    return { ...policyFor(jurisdiction), calendar };
  };
