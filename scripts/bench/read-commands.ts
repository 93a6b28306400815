/**
 * The command path of the service without HTTP and without a store round trip per command:
 * a seeder step (path, actor, body, Idempotency-Key) becomes exactly the command the route
 * factory (src/api/commands/command-route.ts) would hand to the command handler — the same zod
 * body schema, id from the path, envelope fields, body transforms (the reserve price's seal),
 * request hash — and the events exactly what src/eventstore/command-handler.ts would append for
 * it: the aggregate's real decide/evolve, metadataFor, chainEvents and the idempotency key's
 * name-based event ids. Only the read → fold before each command is replaced by keeping the
 * folded state between commands, so a stream is built in memory and appended once.
 * test/scripts/read-seed.int.test.ts checks the result against handleCommand itself.
 */
import type { z } from 'zod';
import type { AggregateCommands, BodyTransform, CommandData, CommandDeps } from '../../src/api/commands/aggregate.js';
import {
  bodySchemaFor,
  envelopeFieldsOf,
  requestHash,
  type EnvelopeField,
} from '../../src/api/commands/command-body.js';
import { creditCommands } from '../../src/api/commands/credit-commands.js';
import { decisionCommands } from '../../src/api/commands/decision-commands.js';
import { commandRoute, kebabCase } from '../../src/api/commands/kebab.js';
import { parcelCommands } from '../../src/api/commands/parcel-commands.js';
import type { Command, CommandContext, Decider, DomainEvent } from '../../src/domain/decider.js';
import type { CommandSpec } from '../../src/domain/schema/command-spec.js';
import { metadataFor, withoutUndefined, type CommandEnvelope } from '../../src/eventstore/envelope.js';
import { toDomainEvent } from '../../src/eventstore/fold-stream.js';
import { chainEvents } from '../../src/eventstore/hash-chain.js';
import { nameBasedUuid } from '../../src/eventstore/ids.js';
import type { JsonObject, NewEvent, RecordedEvent } from '../../src/eventstore/types.js';
import type { ActorSpec } from '../seed/actors.js';

type AnyDecider = Decider<Command, DomainEvent, unknown>;

/** One command route, as the route factory registers it. */
interface Route {
  readonly type: string;
  /** The route pattern, e.g. '/parcels/:parcelId/confirm-deal' (part of the request hash). */
  readonly url: string;
  readonly spec: CommandSpec;
  readonly idField: string | undefined;
  readonly body: z.ZodType;
  readonly envelopeFields: readonly EnvelopeField[];
  readonly transform: BodyTransform | undefined;
  readonly decider: AnyDecider;
  readonly stream: (id: string) => string;
}

interface AggregateRoutes {
  readonly prefix: RegExp;
  readonly byKebab: ReadonlyMap<string, Route>;
}

const routesOf = <C extends Command, E extends DomainEvent, S>(
  aggregate: AggregateCommands<C, E, S>,
): AggregateRoutes => {
  const byKebab = new Map<string, Route>();
  const specs = aggregate.specs as Readonly<Record<string, CommandSpec>>;
  const bodies = (aggregate.bodies ?? {}) as Readonly<Record<string, BodyTransform | undefined>>;
  for (const [type, domainSpec] of Object.entries(specs)) {
    const transform = bodies[type];
    const spec = transform?.spec ?? domainSpec;
    byKebab.set(kebabCase(type), {
      type,
      url: commandRoute(aggregate.basePath, type),
      spec,
      idField: domainSpec.idField,
      body: bodySchemaFor(spec),
      envelopeFields: envelopeFieldsOf(spec),
      transform,
      decider: aggregate.handler.decider,
      stream: aggregate.handler.stream,
    });
  }
  const base = aggregate.basePath.replace(`:${aggregate.idParam}`, '([^/]+)');
  return { prefix: new RegExp(`^${base}/([a-z-]+)$`), byKebab };
};

const AGGREGATES: readonly AggregateRoutes[] = [
  routesOf(parcelCommands),
  routesOf(decisionCommands),
  routesOf(creditCommands),
];

/** A seeder step with the instant it is recorded at. */
export interface Request {
  readonly path: string;
  readonly actor: ActorSpec;
  readonly body: CommandData;
  /** Idempotency-Key: the event ids and the request hash follow from it. */
  readonly key: string;
  /** context.now: '2026-03-02T10:15:00.000+08:00', as the route writes the clock in Asia/Shanghai. */
  readonly now: string;
}

export interface Resolved {
  readonly route: Route;
  readonly id: string;
  readonly stream: string;
  /** The validated body as the route hashes it (id filled in from the path). */
  readonly body: CommandData;
  readonly envelopeFields: CommandData;
  /** The body without envelope fields, before any transform. */
  readonly data: CommandData;
}

/** Path → route and id; the body validated and split as the route factory does. */
export const resolve = (request: Request): Resolved => {
  for (const aggregate of AGGREGATES) {
    const m = aggregate.prefix.exec(request.path);
    if (!m) continue;
    const id = decodeURIComponent(m[1] as string);
    const route = aggregate.byKebab.get(m[2] as string);
    if (route === undefined) break;
    const raw: CommandData = { ...request.body };
    if (route.idField !== undefined) {
      if (raw[route.idField] !== undefined && raw[route.idField] !== id) {
        throw new Error(`${request.path}: ${route.idField} in the body differs from the path`);
      }
      raw[route.idField] = id;
    }
    const body = route.body.parse(raw) as CommandData;
    const data = { ...body };
    const envelopeFields: CommandData = {};
    for (const key of route.envelopeFields) {
      if (data[key] !== undefined) envelopeFields[key] = data[key];
      delete data[key];
    }
    return { route, id, stream: route.stream(id), body, envelopeFields, data };
  }
  throw new Error(`no command route for ${request.path}`);
};

/**
 * One stream being built in memory: the folded state after each command (evolved from the
 * events as they will be stored, ids included, as foldStream would fold them back), the hash the
 * next event chains to, and the events so far.
 */
export class StreamBuilder {
  readonly events: NewEvent[] = [];
  private folded: unknown;
  private lastHash = '';

  constructor(
    readonly stream: string,
    private readonly decider: AnyDecider,
  ) {
    this.folded = decider.initialState();
  }

  get state(): unknown {
    return this.folded;
  }

  /** The stream so far as readStream would return it (for body transforms that read history). */
  history(): RecordedEvent[] {
    return this.events.map((event, revision) => ({ ...event, stream: this.stream, revision, position: '' }));
  }

  /**
   * decide → events with envelope, idempotent ids and hash chain, as handleCommand appends them
   * (`recordedAt` is its clock). Throws the decider's DomainError unchanged; nothing is kept then.
   */
  apply(command: Command, envelope: CommandEnvelope, idempotencyKey: string, recordedAt: string): NewEvent[] {
    const decided = this.decider.decide(command, this.folded);
    if (decided.length === 0) return [];
    const first = this.events.length;
    const unchained: NewEvent[] = decided.map((event, i) => ({
      id: nameBasedUuid(`${this.stream}\n${idempotencyKey}\n${i}`),
      type: event.type,
      data: withoutUndefined(event.data) as JsonObject,
      metadata: metadataFor(event, command.context, envelope, recordedAt),
    }));
    const chained = chainEvents(this.lastHash, first, unchained);
    for (const event of chained) {
      this.folded = this.decider.evolve(
        this.folded,
        toDomainEvent({ ...event, stream: this.stream, revision: 0, position: '' }),
      );
      this.events.push(event);
    }
    this.lastHash = (chained.at(-1) as NewEvent).metadata.hash as string;
    return chained;
  }
}

/** What the route factory hands the command handler for one request. */
export interface Prepared {
  readonly resolved: Resolved;
  readonly command: Command;
  readonly envelope: CommandEnvelope;
  /** The handler's clock at append time (recordedAt). */
  readonly recordedAt: string;
}

/** Body transform (the reserve price's seal), command context and envelope, as in command-route.ts. */
export const prepare = async (
  request: Request,
  resolved: Resolved,
  deps: CommandDeps,
  history: () => readonly RecordedEvent[],
): Promise<Prepared> => {
  const { route, stream, id } = resolved;
  const data = route.transform
    ? await route.transform.toData(resolved.data, { stream, deps, history: async () => history() })
    : resolved.data;
  const { actor } = request;
  const context: CommandContext = {
    now: request.now,
    actor: { id: actor.sub, role: actor.role, name: actor.name, jurisdiction: actor.jurisdiction },
  };
  return {
    resolved,
    command: { type: route.type, data, context },
    envelope: {
      // The request id fastify would draw at random, drawn from the key instead.
      correlationId: nameBasedUuid(`${stream}\n${request.key}\nrequest`),
      ...resolved.envelopeFields,
      idempotencyKey: request.key,
      requestHash: requestHash(route.url, id, resolved.body),
    },
    recordedAt: new Date(Date.parse(request.now)).toISOString(),
  };
};
