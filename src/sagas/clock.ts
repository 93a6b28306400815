/**
 * The time the saga machinery goes by. Sagas themselves never read a clock (saga.ts); the runner
 * stamps the commands it sends with it and the poller decides what is due by it, so tests and
 * `npm run simulate` move time with a VirtualClock while the service uses the system's.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to, and only forwards (a due timer never becomes undue). */
export class VirtualClock implements Clock {
  #ms: number;

  constructor(start: Date) {
    this.#ms = start.getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Moves to `date`; a date before the current time leaves the clock where it is. */
  set(date: Date): void {
    this.#ms = Math.max(this.#ms, date.getTime());
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`a virtual clock only moves forwards (advance(${ms}))`);
    this.#ms += ms;
  }
}
