/**
 * The audit page (issue 9): plain HTML and ES modules under ./page, served as they are at /audit/
 * by servePage (src/api/pages: no build step, nothing fetched from elsewhere; the sign-in, the API
 * calls and the common styles come from /pages/). The page holds no data of its own: it calls the
 * audit routes with the bearer token the reader pastes, so every read it makes is authorised and
 * recorded like any other client's. /audit redirects to /audit/; the files stay out of /docs.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { servePage } from '../pages/serve-page.js';
import type { AuditRouteContext } from './context.js';

export const AUDIT_PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

export const registerAuditPage = async (app: FastifyInstance, _context: AuditRouteContext): Promise<void> =>
  servePage(app, { root: AUDIT_PAGE_ROOT, prefix: '/audit' });
