import { InvalidCursorError } from '../projections/paging.js';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type ErrorCategory } from '../domain/errors.js';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  IdempotencyKeyReusedError,
  InvalidEventError,
  StoreClosedError,
  StoreIntegrityError,
  StreamDeletedError,
} from '../eventstore/errors.js';
import { AuthenticationError } from './auth/token.js';
import { HttpError } from './http-error.js';

/** RFC 9457 problem details; `code` is stable for clients, `errors` names fields and rules. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly rule: string; readonly message: string }>;
  readonly [extension: string]: unknown;
}

const TYPE_BASE = 'https://land-ledger.example/problems/';

/** Extension members never replace the core members (a detail named `status` cannot turn the status into text). */
export const problem = (status: number, code: string, title: string, extra: Partial<Problem> = {}): Problem => ({
  ...extra,
  type: `${TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`,
  title,
  status,
  code,
});

/** The one place where a domain error's category becomes an HTTP status. */
export const STATUS_OF_CATEGORY: Readonly<Record<ErrorCategory, { readonly status: number; readonly title: string }>> =
  {
    input: { status: 400, title: 'The command data is not valid' },
    not_found: { status: 404, title: 'The command names something that does not exist' },
    state: { status: 409, title: 'The command does not apply in the current state' },
    rule: { status: 422, title: 'A business rule forbids this command' },
  };

const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'CONTENT_LENGTH_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BODY_EMPTY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BODY_NOT_JSON',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
  FST_ERR_BAD_URL: 'URL_INVALID',
};

const fieldOf = (context: string, instancePath: string): string =>
  [context, ...instancePath.split('/').filter((part) => part !== '')].join('.');

const validationProblem = (error: FastifyError, instance: string): Problem => {
  const context = error.validationContext ?? 'body';
  const errors = (error.validation ?? []).flatMap((v) => {
    const keys = (v.params as { keys?: unknown }).keys;
    // An unknown key is reported at the key itself, so the field names what to remove.
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({
        field: fieldOf(context, `${v.instancePath}/${String(key)}`),
        rule: 'unrecognized_keys',
        message: 'is not a field of this command',
      }));
    }
    return [{ field: fieldOf(context, v.instancePath), rule: v.keyword, message: v.message ?? 'invalid' }];
  });
  const first = errors[0];
  return problem(400, 'VALIDATION_FAILED', 'The request is not valid', {
    detail: first ? `${first.field}: ${first.message}` : error.message,
    instance,
    errors,
  });
};

/** The one place that turns errors into HTTP answers. */
export const toProblem = (error: unknown, request: FastifyRequest): Problem => {
  const instance = request.url;
  if (error instanceof DomainError) {
    const { field, rule, errors: listed, ...rest } = error.details;
    const { status, title } = STATUS_OF_CATEGORY[error.category];
    // A rule that checks a whole document (the supply record's V1–V14) lists every failure.
    const many = Array.isArray(listed) ? (listed as { field: string; rule: string; message: string }[]) : null;
    return problem(status, error.code, title, {
      detail: error.message,
      instance,
      // The rule's own facts (limits, current status, dates), kept apart from the problem's members.
      ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
      category: error.category,
      rule: rule ?? error.code,
      // errors[] names a field only where the rule concerns one.
      ...(many !== null
        ? { errors: many.map((e) => ({ field: e.field, rule: e.rule, message: e.message })) }
        : field === undefined
          ? {}
          : { errors: [{ field: `body.${field}`, rule: rule ?? error.code, message: error.message }] }),
    });
  }
  if (error instanceof HttpError) {
    const { field, rule, ...rest } = error.extra;
    return problem(error.status, error.code, error.message, {
      instance,
      ...rest,
      ...(rule === undefined ? {} : { rule }),
      ...(field === undefined ? {} : { errors: [{ field, rule: rule ?? error.code, message: error.message }] }),
    });
  }
  if (error instanceof InvalidCursorError) {
    return problem(400, error.code, 'Invalid cursor', {
      detail: error.message,
      instance,
      errors: [{ field: 'query.cursor', rule: 'cursor', message: error.message }],
    });
  }
  if (error instanceof AuthenticationError) return problem(401, error.code, error.message, { instance });
  if (error instanceof ConcurrencyError) {
    const ifMatch = request.headers['if-match'] !== undefined;
    return problem(
      ifMatch ? 412 : 409,
      error.code,
      ifMatch ? 'The resource changed since the given ETag' : 'Concurrent change, try again',
      {
        detail: error.message,
        instance,
        expected: error.expected,
        actual: error.actual,
      },
    );
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return problem(422, error.code, 'The Idempotency-Key was used for a different request', {
      detail: error.message,
      instance,
      errors: [{ field: 'headers.idempotency-key', rule: 'idempotency-key', message: error.message }],
    });
  }
  if (error instanceof InvalidEventError) {
    return problem(400, error.code, 'Invalid event', {
      detail: error.message,
      instance,
      errors: [{ field: error.field, rule: 'event', message: error.message }],
    });
  }
  if (error instanceof DuplicateEventIdError)
    return problem(409, error.code, 'Event ids already used', { detail: error.message, instance });
  // The ledger never deletes; a stream deleted behind its back (EventStoreDB) is gone, not missing.
  if (error instanceof StreamDeletedError) {
    return problem(410, error.code, 'The stream was deleted in the event store', { detail: error.message, instance });
  }
  if (error instanceof StoreClosedError) return problem(503, error.code, 'The service is shutting down', { instance });
  if (error instanceof StoreIntegrityError)
    return problem(503, error.code, 'Event store integrity check failed', { detail: error.message, instance });
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return validationProblem(fastifyError, instance);
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = FASTIFY_CODES[fastifyError.code] ?? fastifyError.code ?? 'BAD_REQUEST';
    return problem(fastifyError.statusCode, code, fastifyError.message, { instance });
  }
  return problem(500, 'INTERNAL', 'Internal error', { instance });
};

export const sendProblem = (reply: FastifyReply, p: Problem): FastifyReply => {
  // A failed If-Match answers with the current ETag, so the client can re-read and decide again.
  if (p.status === 412 && typeof p['actual'] === 'number') reply.header('etag', `"${p['actual']}"`);
  return reply.status(p.status).type('application/problem+json').send(p);
};

/** The problem+json shape, for the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable error code'),
    rule: z.string().optional().describe('The DOMAIN.md rule (T17, §10.1 …) or check that refused the request'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional(),
  })
  .loose();

const described = (text: string) => problemSchema.describe(text);

/** The error responses every command route can give. */
export const problemResponses = {
  400: described(
    'VALIDATION_FAILED (errors[].field names the path), IF_MATCH_INVALID, IDEMPOTENCY_KEY_INVALID, ID_MISMATCH, BODY_NOT_JSON; domain input codes',
  ),
  401: described('TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED'),
  403: described('ROLE_NOT_ALLOWED (role not in x-roles), JURISDICTION_FORBIDDEN, NOT_OWNER'),
  404: described('<AGGREGATE>_NOT_FOUND; domain not_found codes (e.g. PAYMENT_NOT_FOUND)'),
  409: described('CONCURRENCY_CONFLICT after bounded retries; domain state codes (INVALID_STATE …)'),
  412: described('CONCURRENCY_CONFLICT: If-Match did not match; the ETag header has the current revision'),
  413: described('BODY_TOO_LARGE'),
  415: described('UNSUPPORTED_MEDIA_TYPE: send application/json'),
  422: described(
    'A domain rule code (rule names the DOMAIN.md rule), IDEMPOTENCY_KEY_REUSED, DECISION_NOT_FOUND, DECISION_DOES_NOT_COVER_PARCEL',
  ),
} as const;

/** The error responses every query route can give. */
export const queryProblemResponses = {
  400: described('VALIDATION_FAILED (errors[].field names the query parameter), INVALID_CURSOR, POSITION_INVALID'),
  401: described('TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED'),
  403: described('ROLE_NOT_ALLOWED, JURISDICTION_FORBIDDEN (a jurisdiction filter outside the token), NOT_OWNER'),
  404: described('PARCEL_NOT_FOUND, DECISION_NOT_FOUND: none within your jurisdiction'),
  503: described('READ_MODEL_BEHIND: minPosition not reached within 2 s (Retry-After)'),
} as const;
