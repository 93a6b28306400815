/**
 * The report page (issue 10, DOMAIN.md §13): plain HTML and an ES module under ./page, served as
 * they are at /reports/ by servePage, as the audit page is (src/api/pages: no build step, nothing
 * fetched from elsewhere; the sign-in, the API calls and the common styles come from /pages/). It
 * holds no data: it calls GET /reports/supply with the bearer token the reader pastes.
 *
 * Only the page's own files get routes (wildcard off): /reports/, /reports/index.html,
 * /reports/report.js, /reports/report.css, and /reports answering 301 to /reports/. Nothing catches
 * /reports/*, so GET /reports/supply and any later /reports/<name> API route stay the API's (a page
 * file named like an API route would fail at start-up as a duplicate route, not shadow it).
 */
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { servePage } from '../pages/serve-page.js';

export const REPORT_PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

/** Registered with `app.register`. Images from blob: too (the downloads are saved from blob URLs). */
export const supplyReportPage: FastifyPluginAsync = async (app) =>
  servePage(app, { root: REPORT_PAGE_ROOT, prefix: '/reports', imgSrc: ["'self'", 'data:', 'blob:'] });
