/**
 * Verified tokens, remembered by their exact text until they expire: a client sends the same
 * token with every command, and checking its HMAC each time cost about a twentieth of a
 * command's CPU. The same text always verifies the same way, so only expiry is judged again,
 * against the server's clock, on every use.
 */
import { decodeJwt } from 'jose';
import { AuthenticationError, verifyToken, type Actor } from './token.js';

const MAX_ENTRIES = 10_000;

export type TokenVerifier = (token: string, now: Date) => Promise<Actor>;

export const createTokenVerifier = (secret: string): TokenVerifier => {
  const verified = new Map<string, { readonly actor: Actor; readonly expiresAtMs: number }>();
  return async (token: string, now: Date): Promise<Actor> => {
    const known = verified.get(token);
    if (known !== undefined) {
      if (now.getTime() < known.expiresAtMs) return known.actor;
      verified.delete(token);
      throw new AuthenticationError('TOKEN_EXPIRED', 'The token has expired');
    }
    const actor = await verifyToken(token, secret, now);
    // Oldest first out: a Map iterates in insertion order.
    if (verified.size >= MAX_ENTRIES) verified.delete(verified.keys().next().value as string);
    verified.set(token, { actor, expiresAtMs: (decodeJwt(token).exp as number) * 1000 });
    return actor;
  };
};
