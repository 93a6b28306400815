/**
 * What every query route does before its query: the caller's scope from the token (jurisdiction
 * prefix; a land user only sees their own), the day flags are judged on, and read-your-writes
 * (`minPosition` waits ≤ 2 s for the read models; the answer's `X-Read-Position` header names
 * the position it reflects).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { shanghaiDate } from '../../domain/calendar/index.js';
import { InvalidEventError } from '../../eventstore/errors.js';
import type { ReadScope } from '../../projections/parcels/queries.js';
import { actorOf } from '../auth/authenticate.js';
import { HttpError } from '../http-error.js';
import type { QueryDependencies } from './dependencies.js';

export const READ_POSITION_HEADER = 'x-read-position';

export const positionQuery = {
  minPosition: z
    .string()
    .max(200)
    .optional()
    .describe("A command's `position`: wait (≤ 2 s) until the read model has applied it (read-your-writes)"),
};

export const divisionPrefix = z
  .string()
  .regex(/^\d{2}(?:\d{2}){0,5}$/, 'must be an administrative-division code prefix: 2 to 12 digits, pairs')
  .describe("Division-code prefix, e.g. '32' (province), '3201' (city), '320115' (county)");

export const day = z.iso.date().describe('YYYY-MM-DD');

/** Every list's answer: a keyset page and the log position it reflects. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), position: z.string().nullable() });

/** The caller's scope; a `jurisdiction` filter outside the token's is refused, not silently narrowed. */
export const scopeOf = (request: FastifyRequest, jurisdiction?: string): ReadScope => {
  const actor = actorOf(request);
  const own = actor.jurisdiction === 'CN' ? null : actor.jurisdiction;
  if (jurisdiction !== undefined && own !== null && !jurisdiction.startsWith(own) && !own.startsWith(jurisdiction)) {
    throw new HttpError(
      403,
      'JURISDICTION_FORBIDDEN',
      `The token's jurisdiction ${own} does not cover ${jurisdiction}`,
      {
        field: 'query.jurisdiction',
        rule: '§12',
      },
    );
  }
  return { divisionPrefix: own, ...(actor.role === 'LAND_USER' ? { landUserId: actor.sub } : {}) };
};

export const today = (clock: () => Date): string => shanghaiDate(clock().toISOString());

/** Waits for `minPosition` if given and sets X-Read-Position; 503 when the read models stay behind. */
export const awaitReadModels = async (
  deps: QueryDependencies,
  reply: FastifyReply,
  projections: readonly string[],
  minPosition: string | undefined,
): Promise<void> => {
  let result;
  try {
    result = await deps.readSide.position(projections, minPosition);
  } catch (error) {
    if (error instanceof InvalidEventError) {
      throw new HttpError(400, 'POSITION_INVALID', 'minPosition is not a position this service issued', {
        field: 'query.minPosition',
        rule: 'position',
      });
    }
    throw error;
  }
  if (result.position !== null) reply.header(READ_POSITION_HEADER, result.position);
  if (!result.reached) {
    reply.header('retry-after', '1');
    throw new HttpError(503, 'READ_MODEL_BEHIND', 'The read model has not reached minPosition yet; retry shortly', {
      position: result.position,
      minPosition,
    });
  }
};
