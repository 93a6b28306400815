import type { AuthOptions } from '../auth/authenticate.js';
import type { QueryDependencies } from '../queries/dependencies.js';
import type { AccessLogOptions } from './access-log.js';

/** What every audit route module receives. */
export interface AuditRouteContext {
  readonly deps: QueryDependencies;
  readonly auth: AuthOptions;
  /** For `recordAccess(context.access, resource)`. */
  readonly access: AccessLogOptions;
}

export const AUDIT_TAG = 'audit';
