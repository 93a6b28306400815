import type { FastifyInstance } from 'fastify';
import type { AuditRouteContext } from './context.js';

export const registerHistoryRoutes = async (_app: FastifyInstance, _context: AuditRouteContext): Promise<void> => {};
