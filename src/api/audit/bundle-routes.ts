import type { FastifyInstance } from 'fastify';
import type { AuditRouteContext } from './context.js';

export const registerBundleRoutes = async (_app: FastifyInstance, _context: AuditRouteContext): Promise<void> => {};
