/**
 * The report page (issue 10, DOMAIN.md §13): plain HTML and an ES module under ./page, served as
 * they are at /reports/ beside the audit page (no build step, nothing fetched from elsewhere). It
 * holds no data: it calls GET /reports/supply with the bearer token the reader pastes.
 *
 * Only the page's own files get routes (wildcard off): /reports/, /reports/index.html,
 * /reports/report.js, /reports/report.css, and /reports answering 301 to /reports/. Nothing catches
 * /reports/*, so GET /reports/supply and any later /reports/<name> API route stay the API's (a page
 * file named like an API route would fail at start-up as a duplicate route, not shadow it).
 */
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export const REPORT_PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

/** Only this origin's scripts, styles and API; no inline script, no framing, no plugins. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Registered with `app.register` (its own context: the reply decorator stays out of the rest of the app). */
export const supplyReportPage: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: REPORT_PAGE_ROOT,
    prefix: '/reports',
    // One route per file of the page (and /reports/ for index.html), none for /reports/*.
    wildcard: false,
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
};
