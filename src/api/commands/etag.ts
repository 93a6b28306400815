/** ETag ↔ stream revision: `"<revision>"`; If-Match names the revision the caller decided on. */
import { HttpError } from '../http-error.js';

export const etagOf = (revision: number): string => `"${revision}"`;

/** If-Match: `"N"` → N; `*` → the stream must exist (any revision); absent → undefined. */
export const parseIfMatch = (header: string | string[] | undefined): number | '*' | undefined => {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(',') : header.trim();
  if (value === '*') return '*';
  const m = /^(?:W\/)?"(-1|0|[1-9]\d{0,15})"$/.exec(value);
  if (!m) {
    throw new HttpError(400, 'IF_MATCH_INVALID', 'If-Match must be one ETag "<revision>" as sent in a response', {
      field: 'headers.if-match',
      rule: 'etag',
    });
  }
  return Number(m[1]);
};

/** Idempotency-Key: 1–200 visible ASCII characters. */
export const parseIdempotencyKey = (header: string | string[] | undefined): string | undefined => {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && /^[\x21-\x7e]{1,200}$/.test(header)) return header;
  throw new HttpError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1–200 visible ASCII characters', {
    field: 'headers.idempotency-key',
    rule: 'idempotency-key',
  });
};
