import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { EventStore } from '../eventstore/types.js';
import { createTokenVerifier } from './auth/token-cache.js';
import { COMMAND_AGGREGATES } from './commands/index.js';
import type { ReservePriceSealer } from './commands/reserve-price-seal.js';
import { requestLabels } from './metrics/http-metrics.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import type { QueryDependencies } from './queries/dependencies.js';
import { registerAuditRoutes } from './audit/index.js';
import { registerCalendarQueries } from './queries/calendar-queries.js';
import { registerLinkageQueries } from './queries/linkage-queries.js';
import { registerAnnouncementQueries } from './queries/announcement-queries.js';
import { registerReportObligationQueries } from './queries/report-obligation-queries.js';
import { registerSupplyRecordRoutes } from './filing/supply-record-routes.js';
import { registerSupplyReportRoutes } from './reports/supply-report-routes.js';
import { registerOtherQueries } from './queries/other-queries.js';
import { registerParcelQueries } from './queries/parcel-queries.js';
import { problem, sendProblem, toProblem } from './problem.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';

/** What the command routes need; without it the app serves only the operations routes. */
export interface CommandDependencies {
  readonly store: EventStore;
  /** HS256 secret of the bearer tokens. */
  readonly authSecret: string;
  readonly sealer: ReservePriceSealer;
  /** The server's clock: `context.now` of every command, token expiry. Injected by tests. */
  readonly clock: () => Date;
}

export interface AppDependencies {
  readonly logger: Logger;
  readonly readiness: readonly ReadinessCheck[];
  readonly commands?: CommandDependencies;
  /** The read side; needs `commands` too (the same token secret and clock). */
  readonly queries?: QueryDependencies;
  /** Largest request body accepted (413 above). */
  readonly bodyLimit?: number;
  /** The app's Prometheus metrics (GET /metrics, `app.metrics`); a fresh set when not given. */
  readonly metrics?: Metrics;
}

/**
 * The HTTP API as a fastify instance, without listening: main.ts starts it, tests call
 * app.inject. The domain's zod schemas validate requests and generate the OpenAPI document
 * at /docs/json (Swagger UI at /docs).
 */
export const buildApp = async ({
  logger,
  readiness,
  commands,
  queries,
  bodyLimit = 262_144,
  metrics = createMetrics({
    onProjectionSourceError: (err) => logger.warn({ err }, 'projection figures unavailable to /metrics'),
  }),
}: AppDependencies): Promise<FastifyInstance> => {
  const app = Fastify({
    // Typed as fastify's logger so the instance is the plain FastifyInstance the route factories take.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit,
    // Router-level faults (a malformed or over-long URL) answer as problem+json too.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, toProblem(error, request));
    },
  });
  // Commands are JSON: every other body is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('auditTarget', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Added before any plugin, so every route's context (and the not-found handler) inherits it.
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(requestLabels(request, reply), reply.elapsedTime / 1000);
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Land-supply supervision ledger',
        version: '0.1.0',
        description:
          'Event-sourced supervision of state-owned construction-land parcels after supply. Every command is ' +
          '`POST /{aggregate}/{id}/{command-in-kebab-case}` with the command data as body; `x-roles` lists who may send it.',
      },
      tags: [
        { name: 'operations', description: 'Health, readiness and metrics' },
        ...COMMAND_AGGREGATES.map((a) => ({ name: a.tag })),
        { name: 'parcel queries', description: 'Status from the read models; `minPosition` gives read-your-writes' },
        { name: 'credit queries' },
        { name: 'decision queries' },
        { name: 'linkage queries', description: 'Linkage project areas (§9): record, progress, next due (T35, T36)' },
        {
          name: 'report obligation queries',
          description: 'Reports owed (§13: S1, S3, T33, T34): due, overdue, submitted',
        },
        {
          name: 'announcement queries',
          description: 'Supply announcements (T31, T32, T38): schedule, deals, obligations',
        },
        {
          name: 'supply filing',
          description: 'Attachment-3 supply records (§8): one parcel’s, and the filing list as JSON, CSV or XLSX',
        },
        {
          name: 'reports',
          description: 'Analysis reports (§13): supply totals, structure, prices, pace and problems for a period',
        },
        {
          name: 'audit',
          description: 'History, time travel, decision trails and integrity proofs; every read is itself recorded',
        },
      ],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((error, request, reply) => {
    const p = toProblem(error, request);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'NOT_FOUND', 'No such resource', { instance: request.url })),
  );

  await app.register(healthRoutes(readiness));
  await app.register(metricsRoutes(metrics));
  if (commands) {
    const { store, sealer, authSecret, clock } = commands;
    const verify = createTokenVerifier(authSecret);
    for (const aggregate of COMMAND_AGGREGATES) {
      aggregate.register(app, { deps: { store, sealer }, verify, clock, metrics });
    }
    if (queries) {
      registerParcelQueries(app, queries, { verify, clock });
      registerOtherQueries(app, queries, { verify, clock });
      registerCalendarQueries(app, queries, { verify, clock });
      registerLinkageQueries(app, queries, { verify, clock });
      registerAnnouncementQueries(app, queries, { verify, clock });
      registerReportObligationQueries(app, queries, { verify, clock });
      registerSupplyRecordRoutes(app, queries, { verify, clock });
      registerSupplyReportRoutes(app, queries, { verify, clock });
      await registerAuditRoutes(app, queries, { verify, clock });
    }
  }
  return app;
};
