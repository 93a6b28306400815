/**
 * The one factory behind every command route: `POST {basePath}/{command-in-kebab-case}`.
 * Per request: token and role (onRequest) → body against the command's zod schema → If-Match /
 * Idempotency-Key → read, fold, guard (existence, jurisdiction, ownership, cross-stream checks),
 * decide, append (src/eventstore/command-handler.ts) → 201 when the command created the stream,
 * else 200, with the new revision as ETag.
 */
import { DateTime } from 'luxon';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Command, DomainEvent } from '../../domain/decider.js';
import type { CommandSpec } from '../../domain/schema/command-spec.js';
import { authenticate, actorOf, type AuthOptions } from '../auth/authenticate.js';
import { covers } from '../auth/jurisdiction.js';
import { HttpError } from '../http-error.js';
import type { Metrics } from '../metrics/metrics.js';
import { problemResponses } from '../problem.js';
import type { AggregateCommands, CommandData, CommandDeps, GuardInput } from './aggregate.js';
import { id as callerId } from '../../domain/schema/fields.js';
import { bodySchemaFor, envelopeFieldsOf, requestHash } from './command-body.js';
import { etagOf, parseIdempotencyKey, parseIfMatch } from './etag.js';
import { commandRoute } from './kebab.js';

export interface CommandRouteOptions extends AuthOptions {
  readonly deps: CommandDeps;
  /** Counts what each command appended. */
  readonly metrics: Pick<Metrics, 'countAppended'>;
}

export const commandResult = z.object({
  streamId: z.string(),
  revision: z.number().int().describe('Revision of the stream after the command (also the ETag)'),
  position: z.string().nullable().describe('Global checkpoint of the last event; pass it to queries as minPosition'),
  events: z.array(z.object({ id: z.uuid(), type: z.string() })),
});

const shanghaiNow = (clock: () => Date): string =>
  DateTime.fromJSDate(clock()).setZone('Asia/Shanghai').toISO({ includeOffset: true }) as string;

/** Registers one route per command of the aggregate. */
export const registerCommandRoutes = <C extends Command, E extends DomainEvent, S>(
  app: FastifyInstance,
  aggregate: AggregateCommands<C, E, S>,
  options: CommandRouteOptions,
): void => {
  const types = Object.keys(aggregate.specs) as C['type'][];
  // The path's example is the id the examples use, so Swagger's "Try it out" sends a coherent request.
  const exampleId = types
    .map((type) => {
      const spec: CommandSpec = aggregate.specs[type];
      return spec.idField === undefined ? undefined : (spec.example as Record<string, unknown>)[spec.idField];
    })
    .find((id): id is string => typeof id === 'string');
  for (const type of types) registerOne(app, aggregate, type, options, exampleId);
};

const registerOne = <C extends Command, E extends DomainEvent, S>(
  app: FastifyInstance,
  aggregate: AggregateCommands<C, E, S>,
  type: C['type'],
  { deps, metrics, ...auth }: CommandRouteOptions,
  exampleId: string | undefined,
): void => {
  const domainSpec: CommandSpec = aggregate.specs[type];
  const transform = aggregate.bodies?.[type];
  const spec = transform?.spec ?? domainSpec;
  const roles = aggregate.roles[type];
  const url = commandRoute(aggregate.basePath, type);
  const envelopeFields = envelopeFieldsOf(spec);

  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'POST',
    url,
    schema: {
      tags: [aggregate.tag],
      operationId: type,
      summary: spec.summary,
      description: `Command \`${type}\`${domainSpec.creates ? ' (starts the stream when it does not exist)' : ''}. Roles: ${roles.join(', ')}.`,
      security: [{ bearerAuth: [] }],
      params: z.object({ [aggregate.idParam]: callerId.meta(exampleId === undefined ? {} : { example: exampleId }) }),
      headers: z.object({
        'if-match': z
          .string()
          .optional()
          .describe('"<revision>" from an ETag: the revision you decided on (412 if it moved)'),
        'idempotency-key': z
          .string()
          .optional()
          .describe('Same key and body: the original answer, nothing appended again'),
      }),
      body: bodySchemaFor(spec),
      response: { 200: commandResult, 201: commandResult, ...problemResponses },
      'x-roles': roles,
    },
    onRequest: authenticate(auth, roles),
    preValidation: async (request) => {
      // The path names the aggregate; a body that names another is refused, a body that omits it gets it.
      const idField = domainSpec.idField;
      const body = request.body;
      if (idField === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return;
      const pathId = (request.params as Record<string, string>)[aggregate.idParam];
      const given = (body as CommandData)[idField];
      if (given !== undefined && given !== pathId) {
        throw new HttpError(400, 'ID_MISMATCH', `${idField} in the body must equal the path's ${aggregate.idParam}`, {
          field: `body.${idField}`,
          rule: 'matches-path',
        });
      }
      (body as CommandData)[idField] = pathId;
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as Record<string, string>)[aggregate.idParam] as string;
      const ifMatch = parseIfMatch(request.headers['if-match']);
      const idempotencyKey = parseIdempotencyKey(request.headers['idempotency-key']);
      const body = { ...(request.body as CommandData) };
      const envelope = Object.fromEntries(
        envelopeFields.flatMap((key) => (body[key] === undefined ? [] : [[key, body[key]]])),
      );
      for (const key of envelopeFields) delete body[key];
      const stream = aggregate.handler.stream(id);
      const data = transform
        ? await transform.toData(body, { stream, deps, history: () => deps.store.readStream(stream) })
        : body;
      const command = {
        type,
        data,
        context: {
          now: shanghaiNow(auth.clock),
          actor: { id: actor.sub, role: actor.role, name: actor.name, jurisdiction: actor.jurisdiction },
        },
      } as unknown as C;

      const result = await aggregate.handler({
        store: deps.store,
        id,
        command,
        envelope: {
          correlationId: request.id,
          ...envelope,
          ...(idempotencyKey === undefined ? {} : { idempotencyKey, requestHash: requestHash(url, id, request.body) }),
        },
        expectedRevision: typeof ifMatch === 'number' ? (ifMatch === -1 ? 'no_stream' : ifMatch) : undefined,
        idempotencyKey,
        clock: auth.clock,
        guard: async (state, revision) => {
          const input: GuardInput<S> = { type, id, state, revision, data, actor, deps };
          if (revision === -1 && (!domainSpec.creates || ifMatch === '*')) {
            throw new HttpError(
              404,
              `${aggregate.noun.toUpperCase().replace(/ /g, '_')}_NOT_FOUND`,
              `No ${aggregate.noun} ${id}`,
              { rule: 'exists' },
            );
          }
          await authorise(aggregate, input);
          await aggregate.crossCheck?.(input);
        },
      });

      // A replay's events are the original request's: they were counted then. No decided events: none.
      if (!result.replayed) metrics.countAppended(stream, result.events);
      const created = result.firstRevision === 0;
      reply.header('etag', etagOf(result.nextRevision));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send({
        streamId: stream,
        revision: result.nextRevision,
        position: result.position,
        events: result.events.map((event) => ({ id: event.id, type: event.type })),
      });
    },
  });
};

/** Jurisdiction for everyone; ownership as well for land users. */
const authorise = async <C extends Command, E extends DomainEvent, S>(
  aggregate: AggregateCommands<C, E, S>,
  input: GuardInput<S>,
): Promise<void> => {
  const { actor } = input;
  const jurisdiction = await aggregate.jurisdictionOf(input);
  if (!(jurisdiction === null ? actor.jurisdiction === 'CN' : covers(actor.jurisdiction, jurisdiction))) {
    throw new HttpError(
      403,
      'JURISDICTION_FORBIDDEN',
      `A token for ${actor.jurisdiction} does not cover ${jurisdiction ?? 'this target'}`,
      {
        rule: 'jurisdiction',
        jurisdiction,
      },
    );
  }
  if (actor.role === 'LAND_USER' && aggregate.ownerOf(input) !== actor.sub) {
    throw new HttpError(403, 'NOT_OWNER', 'A land user acts only on its own parcels and archive', { rule: '§12' });
  }
};
