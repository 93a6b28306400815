import type { FastifyInstance } from 'fastify';
import type { AuditRouteContext } from './context.js';

export const registerIntegrityRoutes = async (_app: FastifyInstance, _context: AuditRouteContext): Promise<void> => {};
