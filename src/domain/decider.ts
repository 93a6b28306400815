/**
 * The shape every aggregate in this folder follows: pure functions, no I/O, no clock.
 * Time and outside facts arrive inside the command.
 */

/** A domain event: past tense, plain JSON data (ISO strings for dates, integer fen for money). */
export interface DomainEvent<T extends string = string, D = Record<string, unknown>> {
  readonly type: T;
  readonly data: D;
  /**
   * The store's id of this event, present when it was read back from a stream. evolve may
   * keep it (e.g. as the anchor of a deadline); decide never sets it.
   */
  readonly id?: string;
}

/** Who issues a command, and when. `now` is the business instant (ISO 8601 with offset). */
export interface CommandContext {
  readonly now: string;
  /** Who issued it; name and jurisdiction are kept for the audit trail, the rules use id and role. */
  readonly actor: {
    readonly id: string;
    readonly role: string;
    readonly name?: string;
    readonly jurisdiction?: string;
  };
}

/** A command: imperative name, its data, and the context it was issued in. */
export interface Command<T extends string = string, D = Record<string, unknown>> {
  readonly type: T;
  readonly data: D;
  readonly context: CommandContext;
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  /** Throws DomainError when a rule forbids the command. Returns the new events (maybe none). */
  decide(command: C, state: S): readonly E[];
  /** Must ignore events that do not apply to the state (never throws). */
  evolve(state: S, event: E): S;
  initialState(): S;
}

export const fold = <E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'evolve' | 'initialState'>,
  events: Iterable<E>,
): S => {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
