/**
 * The bearer-token check as a fastify onRequest hook factory: it runs before the body is read,
 * so a caller without a valid token, or in a role the route does not allow, is refused early
 * (401 / 403) and nothing it sent is looked at.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.js';
import type { Role } from './roles.js';
import type { TokenVerifier } from './token-cache.js';
import { bearerToken, type Actor } from './token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` on routes that need a token. */
    actor: Actor | null;
  }
}

export interface AuthOptions {
  /** Checks a token (src/api/auth/token-cache.ts): one per app, shared by every route. */
  readonly verify: TokenVerifier;
  readonly clock: () => Date;
}

/** onRequest hook: a valid token, whose role is in `roles` (when given). */
export const authenticate =
  ({ verify, clock }: AuthOptions, roles?: readonly Role[]) =>
  async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const actor = await verify(bearerToken(request.headers.authorization), clock());
    // Known before the role check, so that a refusal is recorded with who was refused (audit routes).
    request.actor = actor;
    if (roles !== undefined && !roles.includes(actor.role)) {
      throw new HttpError(403, 'ROLE_NOT_ALLOWED', `The role ${actor.role} may not send this command`, {
        rule: '§12',
        allowedRoles: roles,
      });
    }
  };

/** The actor of a request that passed `authenticate`. */
export const actorOf = (request: FastifyRequest): Actor => {
  if (request.actor === null) throw new Error('route has no authenticate hook');
  return request.actor;
};
