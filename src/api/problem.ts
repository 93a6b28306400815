import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { ConcurrencyError, DuplicateEventIdError, InvalidEventError, StoreIntegrityError } from '../eventstore/errors.js';

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

export const problem = (status: number, code: string, title: string, extra: Partial<Problem> = {}): Problem => ({
  type: `${TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`,
  title,
  status,
  code,
  ...extra,
});

/** The one place that turns errors into HTTP answers. */
export const toProblem = (error: unknown, request: FastifyRequest): Problem => {
  const instance = request.url;
  if (error instanceof DomainError) {
    const { field, rule, ...rest } = error.details;
    return problem(422, error.code, 'A business rule forbids this command', {
      detail: error.message, instance, ...rest,
      errors: [{ field: field ?? '', rule: rule ?? error.code, message: error.message }],
    });
  }
  if (error instanceof ConcurrencyError) {
    const ifMatch = request.headers['if-match'] !== undefined;
    return problem(ifMatch ? 412 : 409, error.code, ifMatch ? 'The resource changed since the given ETag' : 'Concurrent change, try again', {
      detail: error.message, instance, expected: error.expected, actual: error.actual,
    });
  }
  if (error instanceof InvalidEventError) {
    return problem(400, error.code, 'Invalid event', { detail: error.message, instance, errors: [{ field: error.field, rule: 'event', message: error.message }] });
  }
  if (error instanceof DuplicateEventIdError) return problem(409, error.code, 'Event ids already used', { detail: error.message, instance });
  if (error instanceof StoreIntegrityError) return problem(503, error.code, 'Event store integrity check failed', { detail: error.message, instance });
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return problem(400, 'VALIDATION_FAILED', 'The request is not valid', {
      detail: fastifyError.message, instance,
      errors: fastifyError.validation.map((v) => ({
        field: `${fastifyError.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        rule: v.keyword,
        message: v.message ?? 'invalid',
      })),
    });
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return problem(fastifyError.statusCode, fastifyError.code ?? 'BAD_REQUEST', fastifyError.message, { instance });
  }
  return problem(500, 'INTERNAL', 'Internal error', { instance });
};

export const sendProblem = (reply: FastifyReply, p: Problem): FastifyReply =>
  reply.status(p.status).type('application/problem+json').send(p);
