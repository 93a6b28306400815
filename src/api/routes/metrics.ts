import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Metrics } from '../metrics/metrics.js';

/** Prometheus text exposition of the app's own registry. No token, like /health. */
export const metricsRoutes =
  (metrics: Metrics): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/metrics',
      {
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics: process, HTTP requests, appended events, projections',
          response: {
            200: {
              description: 'Prometheus text exposition format 0.0.4',
              content: { 'text/plain': { schema: z.string() } },
            },
          },
        },
      },
      async (_request, reply) => {
        const text = await metrics.registry.metrics();
        // A string with its content type set goes out as is (no JSON serialisation).
        return reply.type(metrics.registry.contentType).send(text);
      },
    );
  };
