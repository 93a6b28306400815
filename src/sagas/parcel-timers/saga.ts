/**
 * The parcel timers saga (DOMAIN.md §4; ARCHITECTURE.md "Sagas and timers"): after every event of
 * a parcel it compares the timers the parcel wants now (`timerPlan`, the same function the
 * FireTimer decider checks against) with the timers it has pending, and asks for the difference:
 * schedule a new one, reschedule one whose due date moved (a new timer id that names the one it
 * replaces), cancel one whose obligation was fulfilled. A timer that fired (its effect event on the
 * parcel, or an obsolete firing on the timers stream) is remembered and never scheduled again.
 * Pure: the state is the folded parcel plus the pending and fired timer ids.
 */
import {
  evolveParcel,
  initialParcelState,
  parcelJurisdiction,
  parcelPolicyFor,
  PARCEL_EVENT_TYPES,
  timerPlan,
} from '../../domain/parcel/index.js';
import type { ParcelEvent, ParcelState } from '../../domain/parcel/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import type { TimerRequest, TimerStamp } from '../../domain/timers/index.js';
import { toDomainEvent } from '../../eventstore/fold-stream.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import type { Reaction, Saga, SagaEnv } from '../saga.js';

export interface ParcelTimersState {
  readonly parcel: ParcelState;
  /** Pending timers by `<rule>/<subject>`: one per obligation. */
  readonly pending: Readonly<Record<string, TimerStamp>>;
  /** Timer ids that fired (with effect or found obsolete). */
  readonly fired: readonly string[];
}

const slotOf = (timer: Pick<TimerStamp, 'rule' | 'subject'>): string => `${timer.rule}/${timer.subject ?? '-'}`;

const OTHER_TIMER_OWNERS = [STREAM_CATEGORIES.report, STREAM_CATEGORIES.linkage, STREAM_CATEGORIES.announcement];

const keyOf = (event: RecordedEvent): string | null => {
  // Timers owned by a report obligation, a linkage area or an announcement (`timers-<category><id>`)
  // are their own sagas'; a parcel's timers stream is named by the bare parcel id.
  for (const owner of OTHER_TIMER_OWNERS) if (event.stream.startsWith(STREAM_CATEGORIES.timers + owner)) return null;
  for (const prefix of [STREAM_CATEGORIES.parcel, STREAM_CATEGORIES.timers])
    if (event.stream.startsWith(prefix)) return event.stream.slice(prefix.length);
  return null;
};

/** The timer id a fired event names: an effect event's stamp, IdleSuspected's timerId, TimerFired. */
const firedTimerId = (event: RecordedEvent): string | null => {
  const id = event.data['timerId'];
  return typeof id === 'string' ? id : null;
};

/** The requests that take `pending` to `wanted`, and the new pending map. */
export const reconcile = (
  pending: ParcelTimersState['pending'],
  wanted: readonly TimerStamp[],
  fired: ReadonlySet<string>,
  cause: string,
): { requests: TimerRequest[]; pending: Record<string, TimerStamp> } => {
  const requests: TimerRequest[] = [];
  const next: Record<string, TimerStamp> = {};
  const seen = new Set<string>();
  for (const timer of wanted) {
    const slot = slotOf(timer);
    seen.add(slot);
    const current = pending[slot];
    if (fired.has(timer.timerId)) {
      // Its day came already; a pending timer of another date in the slot is not wanted.
      if (current !== undefined && current.timerId !== timer.timerId)
        requests.push({ action: 'cancel', timer: current, reason: `due ${timer.dueDate} again, already fired` });
      continue;
    }
    next[slot] = timer;
    if (current === undefined) requests.push({ action: 'schedule', timer });
    else if (current.timerId !== timer.timerId) requests.push({ action: 'reschedule', timer, previous: current });
  }
  for (const [slot, timer] of Object.entries(pending))
    if (!seen.has(slot)) requests.push({ action: 'cancel', timer, reason: `no longer due after ${cause}` });
  return { requests, pending: next };
};

const react = (state: ParcelTimersState, event: RecordedEvent, env: SagaEnv): Reaction<ParcelTimersState> => {
  const firedId = firedTimerId(event);
  const fired = firedId === null || state.fired.includes(firedId) ? state.fired : [...state.fired, firedId];
  const isParcelEvent = event.stream.startsWith(STREAM_CATEGORIES.parcel);
  const parcel = isParcelEvent ? evolveParcel(state.parcel, toDomainEvent<ParcelEvent>(event)) : state.parcel;
  const jurisdiction = parcelJurisdiction(parcel);
  const wanted = jurisdiction === null ? [] : timerPlan(parcel, parcelPolicyFor(parcel, env.calendars)(jurisdiction));
  const pendingNow = Object.fromEntries(Object.entries(state.pending).filter(([, t]) => t.timerId !== firedId));
  const { requests, pending } = reconcile(pendingNow, wanted, new Set(fired), event.type);
  return { state: { parcel, pending, fired }, timers: requests, commands: [] };
};

export const parcelTimersSaga: Saga<ParcelTimersState> = {
  name: 'parcel-timers',
  // 2: the parcel's dates follow its calendar version (CalendarReconciled).
  version: 2,
  eventTypes: [...PARCEL_EVENT_TYPES, 'TimerFired'],
  keyOf,
  initialState: () => ({ parcel: initialParcelState(), pending: {}, fired: [] }),
  react,
};
