import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem, sendProblem } from '../problem.js';

export interface ReadinessCheck {
  readonly name: string;
  /** True when the dependency answers; must not throw. */
  check(): Promise<boolean>;
}

const statusSchema = z.object({ status: z.string(), checks: z.record(z.string(), z.boolean()).optional() });

/** Liveness (the process answers) and readiness (its stores answer). */
export const healthRoutes =
  (checks: readonly ReadinessCheck[]): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/health',
      { schema: { tags: ['operations'], summary: 'The process is alive', response: { 200: statusSchema } } },
      async () => ({
        status: 'ok',
      }),
    );

    app.get(
      '/ready',
      {
        schema: {
          tags: ['operations'],
          summary: 'Every store the service needs answers',
          response: { 200: statusSchema },
        },
      },
      async (_request, reply) => {
        const results = await Promise.all(
          checks.map(async (c) => [c.name, await c.check().catch(() => false)] as const),
        );
        const state = Object.fromEntries(results);
        if (results.every(([, ok]) => ok)) return { status: 'ready', checks: state };
        return sendProblem(reply, problem(503, 'NOT_READY', 'A dependency does not answer', { checks: state }));
      },
    );
  };
