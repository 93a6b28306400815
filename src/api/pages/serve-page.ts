/**
 * One way to serve a page of plain HTML and ES modules (no build step, nothing fetched from
 * elsewhere), used by the audit page (/audit/) and the report page (/reports/), and the assets the
 * pages share (./assets, at /pages/). See README.md.
 *
 * Only the page's own files get routes (wildcard off): <prefix>/, <prefix>/index.html, one route
 * per file, and <prefix> answering 301 to <prefix>/ (the page's relative URLs need the slash).
 * Nothing catches <prefix>/*, so an API route under the same prefix stays the API's (a page file
 * named like one would fail at start-up as a duplicate route, not shadow it). The files stay out
 * of /docs.
 */
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The shared stylesheet and module: /pages/page.css, /pages/session.js. */
export const SHARED_ASSETS_ROOT = fileURLToPath(new URL('./assets/', import.meta.url));
export const SHARED_ASSETS_PREFIX = '/pages';

export interface PageOptions {
  /** The folder whose files are served as they are. */
  readonly root: string;
  /** Where, without the trailing slash: '/audit'. */
  readonly prefix: string;
  /** The sources images may come from (CSP img-src); 'blob:' for a page that saves downloads. */
  readonly imgSrc?: readonly string[];
}

/** Only this origin's scripts, styles and API; no inline script, no framing, no plugins. */
const contentSecurityPolicy = (imgSrc: readonly string[]): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${imgSrc.join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

const DEFAULT_IMG_SRC = ["'self'", 'data:'] as const;

const serveFolder = async (app: FastifyInstance, { root, prefix, imgSrc = DEFAULT_IMG_SRC }: PageOptions) => {
  const csp = contentSecurityPolicy(imgSrc);
  // In a child context: the reply decorator (sendFile) stays out of the rest of the app.
  await app.register(async (child) => {
    await child.register(fastifyStatic, {
      root,
      prefix,
      // One route per file of the folder (and <prefix>/ for index.html), none for <prefix>/*.
      wildcard: false,
      redirect: true,
      schemaHide: true,
      decorateReply: false,
      dotfiles: 'ignore',
      // The pages change with the service: revalidate rather than cache.
      cacheControl: false,
      setHeaders: (reply) => {
        reply.header('cache-control', 'no-cache');
        reply.header('content-security-policy', csp);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('referrer-policy', 'no-referrer');
      },
    });
  });
};

/** The apps (by their one HTTP server, the same in every context) that already serve /pages/. */
const sharing = new WeakSet<object>();

/**
 * Serves the shared assets at /pages/, once per app however many pages call it (the routes are
 * the app's, whichever context registers them; a second registration would be a duplicate route).
 */
export const serveSharedAssets = async (app: FastifyInstance): Promise<void> => {
  if (sharing.has(app.server)) return;
  sharing.add(app.server);
  await serveFolder(app, { root: SHARED_ASSETS_ROOT, prefix: SHARED_ASSETS_PREFIX });
};

/** Serves a page's folder at `prefix`/, and the shared assets it loads from /pages/. */
export const servePage = async (app: FastifyInstance, page: PageOptions): Promise<void> => {
  await serveSharedAssets(app);
  await serveFolder(app, page);
};
