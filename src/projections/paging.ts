/**
 * Keyset pagination shared by every list query: `{ items, nextCursor }`, where the cursor is the
 * sort key of the last item, opaque to clients (base64url JSON). A stable sort always ends with a
 * unique column, so pages never skip or repeat a row while rows are added.
 */
import { z } from 'zod';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe('Page size (1–500)'),
  cursor: z
    .string()
    .max(2048)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor returned by a previous page')
    .optional()
    .describe('nextCursor of the previous page'),
};

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export type CursorKey = readonly (string | number | null)[];

export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR';
  readonly field = 'cursor';
}

/** The sort key a cursor carries; `arity` values of string, number or null, else InvalidCursorError. */
export const decodeCursor = (cursor: string, arity: number): CursorKey => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not one this service issued');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== arity ||
    !parsed.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
  ) {
    throw new InvalidCursorError('cursor is not one this service issued');
  }
  return parsed as CursorKey;
};

/**
 * Cuts a list fetched with `limit + 1` rows into a page: the extra row only says there is more;
 * the cursor is the key of the last row served.
 */
export const toPage = <R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
  map: (row: R) => T,
): Page<T> => {
  const served = rows.slice(0, limit);
  const last = served.at(-1);
  return {
    items: served.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
};
