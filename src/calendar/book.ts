/**
 * The calendars of the log, in memory: every version of every scope's WorkingCalendar stream
 * (`calendar-CN`, `calendar-CN-XZ`, …), so that pure code can ask for the calendar a parcel
 * follows (`at(version)`, immutable) or the newest one for a jurisdiction (`current`).
 *
 * `refresh()` reads each known stream forward from the last revision it holds (one indexed read
 * per scope, nothing when nothing is new); call it before a decision that asks for `current`.
 * Until the seed is written (ensureCalendarSeeded, at migration), the national stream reads as
 * the seed events themselves: the same events the migration appends, so versions agree.
 */
import type { Calendar, CalendarLayer, CalendarSource } from '../domain/calendar/index.js';
import { calendarOf, parseCalendarVersion, scopesFor } from '../domain/calendar/index.js';
import { calendarStream } from '../domain/streams.js';
import {
  LEGACY_SEED_VERSIONS,
  layerOf,
  seedEvents,
  workingCalendarDecider,
  type WorkingCalendarEvent,
  type WorkingCalendarState,
} from '../domain/working-calendar/index.js';
import { toDomainEvent } from '../eventstore/fold-stream.js';
import type { EventStore } from '../eventstore/types.js';

interface ScopeLog {
  /** Events of the stream, in order (for CN before the seed is written: the seed events). */
  events: WorkingCalendarEvent[];
  /** The store revision read so far (-1: nothing stored yet). */
  storedRevision: number;
  /** Folded states by revision (events folded), filled on demand. */
  readonly states: Map<number, WorkingCalendarState>;
}

export class UnknownCalendarVersionError extends Error {
  constructor(readonly version: string) {
    super(`Calendar version ${version} is not in the log`);
  }
}

export interface CalendarBook extends CalendarSource {
  /**
   * Reads new events of the known scopes and of `scopes` (e.g. a jurisdiction's scopesFor). A
   * refresh of the same scopes within `maxAgeMs` (default 0: always) is skipped: a command may
   * decide on a calendar a second old, which the reconciler then brings forward like any other.
   */
  refresh(scopes?: readonly string[], options?: { readonly maxAgeMs?: number }): Promise<void>;
  /** The scopes that have events, national first. */
  scopes(): string[];
  /** The folded state of a scope (its years, versions and sources), or null when it has none. */
  stateOf(scope: string): WorkingCalendarState | null;
}

export const createCalendarBook = (store: EventStore): CalendarBook => {
  const logs = new Map<string, ScopeLog>();
  const calendars = new Map<string, Calendar>();
  const layers = new Map<string, CalendarLayer>();

  const logOf = (scope: string): ScopeLog => {
    let log = logs.get(scope);
    if (log === undefined) {
      log = { events: scope === 'CN' ? [...seedEvents()] : [], storedRevision: -1, states: new Map() };
      logs.set(scope, log);
    }
    return log;
  };

  const readScope = async (scope: string): Promise<void> => {
    const log = logOf(scope);
    const read = await store.readStream(calendarStream(scope), { fromRevision: log.storedRevision + 1 });
    // Refreshes run concurrently (every projection runner refreshes before its batch): another read of
    // this scope may have added some of these events while this one awaited, so take only the unseen.
    const fresh = read.filter((event) => event.revision > log.storedRevision);
    if (fresh.length === 0) return;
    // The stored stream replaces the in-memory seed from its first event (they are the same events).
    if (log.storedRevision === -1) log.events = [];
    for (const event of fresh) log.events.push(toDomainEvent<WorkingCalendarEvent>(event));
    log.storedRevision = (fresh.at(-1) as { revision: number }).revision;
  };

  const stateAt = (scope: string, revision: number): WorkingCalendarState => {
    const log = logOf(scope);
    const cached = log.states.get(revision);
    if (cached !== undefined) return cached;
    let state = workingCalendarDecider.initialState();
    for (const event of log.events.slice(0, revision)) state = workingCalendarDecider.evolve(state, event);
    log.states.set(revision, state);
    return state;
  };

  const layerAt = (scope: string, revision: number, version: string): CalendarLayer => {
    const key = `${scope}.${revision}`;
    const cached = layers.get(key);
    if (cached !== undefined) return cached;
    if (revision > logOf(scope).events.length || revision < 1) throw new UnknownCalendarVersionError(version);
    const layer = layerOf(stateAt(scope, revision));
    layers.set(key, layer);
    return layer;
  };

  const at = (version: string): Calendar => {
    const resolved = LEGACY_SEED_VERSIONS[version] ?? version;
    const cached = calendars.get(resolved);
    if (cached !== undefined) return cached;
    const calendar = calendarOf(
      parseCalendarVersion(resolved).map(({ scope, revision }) => layerAt(scope, revision, version)),
    );
    calendars.set(resolved, calendar);
    return calendar;
  };

  const withEvents = (scope: string): boolean => (logs.get(scope)?.events.length ?? 0) > 0;
  const readAt = new Map<string, number>();

  return {
    refresh: async (scopes = [], options = {}) => {
      const now = Date.now();
      const maxAge = options.maxAgeMs ?? 0;
      const wanted = [...new Set(['CN', ...logs.keys(), ...scopes])].filter(
        (scope) => now - (readAt.get(scope) ?? -Infinity) >= maxAge || maxAge === 0,
      );
      await Promise.all(
        wanted.map(async (scope) => {
          await readScope(scope);
          readAt.set(scope, now);
        }),
      );
    },
    scopes: () => ['CN', ...[...logs.keys()].filter((s) => s !== 'CN' && withEvents(s)).sort()],
    stateOf: (scope) => (withEvents(scope) ? stateAt(scope, logOf(scope).events.length) : null),
    at,
    current: (jurisdiction) => {
      const version = scopesFor(jurisdiction)
        .filter((scope) => scope === 'CN' || withEvents(scope))
        .map((scope) => `${scope}.${logOf(scope).events.length}`)
        .join('+');
      return at(version);
    },
  };
};

const books = new WeakMap<EventStore, CalendarBook>();

/** One book per store in a process, shared by the command handlers, projections and sagas. */
export const calendarBookOf = (store: EventStore): CalendarBook => {
  let book = books.get(store);
  if (book === undefined) {
    book = createCalendarBook(store);
    books.set(store, book);
  }
  return book;
};
