/**
 * The auditors' and reviewers' routes (issue 9): history and time travel, event links, decision
 * trails, integrity (chain verification, log digests, audit bundles), the access log, and the
 * audit page at /audit/. Each module registers its own routes; every one checks the read with
 * `authorizeAuditRead` (access.ts) and records it with `recordAccess` (access-log.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AuthOptions } from '../auth/authenticate.js';
import type { QueryDependencies } from '../queries/dependencies.js';
import { registerAccessLogRoutes } from './access-log-routes.js';
import { registerAuditPage } from './audit-page.js';
import { registerBundleRoutes } from './bundle-routes.js';
import type { AuditRouteContext } from './context.js';
import { registerEventRoutes } from './event-routes.js';
import { registerHistoryRoutes } from './history-routes.js';
import { registerIntegrityRoutes } from './integrity-routes.js';
import { registerTrailRoutes } from './trail-routes.js';

export const registerAuditRoutes = async (
  app: FastifyInstance,
  deps: QueryDependencies,
  auth: AuthOptions,
): Promise<void> => {
  const context: AuditRouteContext = { deps, auth, access: { store: deps.store, clock: auth.clock } };
  await registerHistoryRoutes(app, context);
  await registerEventRoutes(app, context);
  await registerTrailRoutes(app, context);
  await registerIntegrityRoutes(app, context);
  await registerBundleRoutes(app, context);
  await registerAccessLogRoutes(app, context);
  await registerAuditPage(app, context);
};
