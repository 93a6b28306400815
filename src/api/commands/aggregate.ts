/**
 * What the command-route factory needs to know about one aggregate: where its routes live,
 * its streams, decider and command table, who may send what, and how to find the jurisdiction
 * and owner of a target. One of these per aggregate (parcel-commands.ts, decision-commands.ts,
 * credit-commands.ts) replaces ~50 hand-written handlers.
 */
import type { Command, DomainEvent } from '../../domain/decider.js';
import type { CommandSpec } from '../../domain/schema/command-spec.js';
import type { BoundCommandHandler } from '../../eventstore/aggregate-handlers.js';
import type { EventStore, RecordedEvent } from '../../eventstore/types.js';
import type { Actor } from '../auth/token.js';
import type { Role } from '../auth/roles.js';
import type { ReservePriceSealer } from './reserve-price-seal.js';

/** What the per-aggregate hooks may use besides the command. */
export interface CommandDeps {
  readonly store: EventStore;
  readonly sealer: ReservePriceSealer;
}

export type CommandData = Record<string, unknown>;

export interface GuardInput<S> {
  readonly type: string;
  readonly id: string;
  readonly state: S;
  /** -1: the stream does not exist yet. */
  readonly revision: number;
  readonly data: CommandData;
  readonly actor: Actor;
  readonly deps: CommandDeps;
}

/** A command whose request body differs from its domain data (the reserve price's sealing). */
export interface BodyTransform {
  readonly spec: CommandSpec;
  /** Turns the validated body into the domain command's data. */
  readonly toData: (
    body: CommandData,
    input: {
      readonly stream: string;
      readonly deps: CommandDeps;
      readonly history: () => Promise<readonly RecordedEvent[]>;
    },
  ) => Promise<CommandData>;
}

export interface AggregateCommands<C extends Command = Command, E extends DomainEvent = DomainEvent, S = unknown> {
  /** OpenAPI tag, e.g. 'parcel commands'. */
  readonly tag: string;
  /** '/parcels/:parcelId' — the command name in kebab-case is appended. */
  readonly basePath: string;
  /** Name of the path parameter that holds the aggregate id. */
  readonly idParam: string;
  /** Human name of the aggregate for 404s ('parcel'). */
  readonly noun: string;
  /** The command handler bound to the aggregate's decider and stream names. */
  readonly handler: BoundCommandHandler<C, E, S>;
  readonly specs: { readonly [K in C['type']]: CommandSpec };
  readonly roles: { readonly [K in C['type']]: readonly Role[] };
  /** Request bodies that are not the domain data as is. */
  readonly bodies?: { readonly [K in C['type']]?: BodyTransform };
  /** The target's jurisdiction ('CN-JS-3201'); null if it cannot be told (then only 'CN' covers it). */
  readonly jurisdictionOf: (input: GuardInput<S>) => Promise<string | null> | string | null;
  /** The land user the target belongs to (LAND_USER tokens act only on their own). */
  readonly ownerOf: (input: GuardInput<S>) => string | null;
  /** Checks against other streams at command time (a grant's collective decision). */
  readonly crossCheck?: (input: GuardInput<S>) => Promise<void>;
}

/**
 * The jurisdiction of an aggregate that records its own once created (`state.jurisdiction`) and
 * takes it from the creating command's `jurisdiction` field before that (decisions, linkage areas,
 * announcements); null when neither says.
 */
export const ownOrCreatingJurisdiction = ({
  state,
  data,
}: {
  readonly state: { readonly status: string; readonly jurisdiction?: string | null };
  readonly data: CommandData;
}): string | null =>
  state.status !== 'NONE'
    ? (state.jurisdiction ?? null)
    : typeof data['jurisdiction'] === 'string'
      ? data['jurisdiction']
      : null;
