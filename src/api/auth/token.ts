/**
 * Bearer JWTs (HS256, jose): who acts, in which role and where. Claims: `sub` (person or land
 * user id), `name`, `role` (§12), `jurisdiction` (division code prefix or 'CN'), `exp`.
 */
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { TOKEN_JURISDICTION } from './jurisdiction.js';
import { ROLES } from './roles.js';

const ALGORITHM = 'HS256';
const ISSUER = 'land-supply-ledger';

export const actorClaims = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  jurisdiction: z.string().regex(TOKEN_JURISDICTION, "must be 'CN' or a division code prefix such as '32' or '3201'"),
});

/** The authenticated caller, as it goes into every event's metadata. */
export type Actor = z.output<typeof actorClaims>;

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly code: 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED',
    message: string,
  ) {
    super(message);
  }
}

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
export const TTL = /^([1-9]\d{0,6})([smhdw])$/;

/** '8h' → 28800. */
export const ttlSeconds = (ttl: string): number => {
  const m = TTL.exec(ttl);
  if (!m) throw new RangeError(`ttl must be a number and a unit (s, m, h, d, w), e.g. 8h; got '${ttl}'`);
  return Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS];
};

/** A token valid from `now` for `ttl` ('8h', '30m', '2d'); `now` is the caller's clock. */
export const signToken = async (actor: Actor, secret: string, ttl = '8h', now = new Date()): Promise<string> => {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ name: actor.name, role: actor.role, jurisdiction: actor.jurisdiction })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(actor.sub)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds(ttl))
    .sign(keyOf(secret));
};

export const verifyToken = async (token: string, secret: string, now: Date): Promise<Actor> => {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      currentDate: now,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('TOKEN_EXPIRED', 'The token has expired');
    throw new AuthenticationError('TOKEN_INVALID', 'The token is not valid (signature, algorithm or claims)');
  }
  const claims = actorClaims.safeParse(payload);
  if (!claims.success) {
    const issue = claims.error.issues[0];
    throw new AuthenticationError('TOKEN_INVALID', `Token claim ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return claims.data;
};

/** The token of an `Authorization: Bearer …` header. */
export const bearerToken = (header: string | undefined): string => {
  const m =
    header === undefined ? null : /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!m) throw new AuthenticationError('TOKEN_MISSING', 'Send a bearer token: Authorization: Bearer <jwt>');
  return m[1] as string;
};
