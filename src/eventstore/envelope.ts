import type { CommandContext, DomainEvent } from '../domain/decider.js';
import type { EventMetadata, JsonObject, JsonValue } from './types.js';

/** Facts about a command that the domain does not decide on but the audit trail must keep. */
export interface CommandEnvelope {
  readonly correlationId: string;
  /** The request, command or event that caused this command; defaults to the correlation id. */
  readonly causationId?: string;
  readonly reason?: string;
  readonly documentNo?: string;
  readonly decisionId?: string;
  /** With an idempotency key: the key and a hash of the request, to tell a retry from a reuse. */
  readonly idempotencyKey?: string;
  readonly requestHash?: string;
}

/** Builds the metadata of one new event (without the hash chain, which is added last). */
export const metadataFor = (
  event: DomainEvent,
  context: CommandContext,
  envelope: CommandEnvelope,
  recordedAt: string,
): EventMetadata => {
  const { data } = event;
  const optional = {
    reason: envelope.reason,
    documentNo: envelope.documentNo ?? stringField(data, 'documentNo'),
    decisionId: envelope.decisionId ?? stringField(data, 'decisionId'),
    // A deadline computed by the domain carries the versions it was computed with.
    policyVersion: stringField(data, 'policyVersion'),
    calendarVersion: stringField(data, 'calendarVersion'),
    idempotencyKey: envelope.idempotencyKey,
    requestHash: envelope.requestHash,
  };
  return {
    actor: withoutUndefined(context.actor) as unknown as EventMetadata['actor'],
    occurredAt: context.now,
    recordedAt,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId ?? envelope.correlationId,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
};

const stringField = (data: Record<string, unknown>, key: string): string | undefined =>
  typeof data[key] === 'string' ? data[key] : undefined;

/**
 * Domain events use optional properties freely; the store refuses `undefined` (it is not JSON),
 * so absent values are dropped here. Anything else that is not JSON is left for the store's
 * validator to refuse loudly.
 */
export const withoutUndefined = (value: unknown): JsonValue => {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
    return out;
  }
  return value as JsonValue;
};
