import type { FastifyInstance } from 'fastify';
import type { AuditRouteContext } from './context.js';

export const registerTrailRoutes = async (_app: FastifyInstance, _context: AuditRouteContext): Promise<void> => {};
