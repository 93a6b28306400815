/**
 * The audit page (issue 9): plain HTML and ES modules under ./page, served as they are at /audit/
 * (no build step, nothing fetched from elsewhere). The page holds no data of its own: it calls the
 * audit routes with the bearer token the reader pastes, so every read it makes is authorised and
 * recorded like any other client's. /audit redirects to /audit/; the files stay out of /docs.
 */
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AuditRouteContext } from './context.js';

export const AUDIT_PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

/** Only this origin's scripts, styles and API; no inline script, no framing, no plugins. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const registerAuditPage = async (app: FastifyInstance, _context: AuditRouteContext): Promise<void> => {
  // In a child context: the reply decorator (sendFile) stays out of the rest of the app.
  await app.register(async (child) => {
    await child.register(fastifyStatic, {
      root: AUDIT_PAGE_ROOT,
      // Without the trailing slash, so that /audit answers 301 to /audit/ (the page's relative URLs need it).
      prefix: '/audit',
      redirect: true,
      schemaHide: true,
      decorateReply: false,
      dotfiles: 'ignore',
      // The page changes with the service: revalidate rather than cache.
      cacheControl: false,
      setHeaders: (reply) => {
        reply.header('cache-control', 'no-cache');
        reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('referrer-policy', 'no-referrer');
      },
    });
  });
};
