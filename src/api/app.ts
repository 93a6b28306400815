import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { problem, sendProblem, toProblem } from './problem.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';

export interface AppDependencies {
  readonly logger: Logger;
  readonly readiness: readonly ReadinessCheck[];
}

/**
 * The HTTP API as a fastify instance, without listening: main.ts starts it, tests call
 * app.inject. Route schemas drive validation and the OpenAPI document at /docs/json.
 */
export const buildApp = async ({ logger, readiness }: AppDependencies): Promise<FastifyInstance> => {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    ajv: { customOptions: { allErrors: true } },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Land-supply supervision ledger',
        version: '0.1.0',
        description: 'Event-sourced supervision of state-owned construction-land parcels after supply.',
      },
      tags: [{ name: 'operations', description: 'Health and readiness' }],
    },
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
  return app;
};
