/**
 * Every read of the audit record is itself recorded (issue 9; DOMAIN.md §10.2 "record every access
 * attempt"): an `onSend` hook on each audit route appends `AuditRecordAccessed` (who, what, when,
 * outcome) before the answer leaves, so no answer goes out unrecorded; if the record cannot be
 * written, the reader gets an error instead of the data. Refusals (403) are recorded too.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import {
  accessLogDecider,
  accessStream,
  type AccessOutcome,
  type RecordAccess,
} from '../../domain/access-log/index.js';
import { handleCommand } from '../../eventstore/command-handler.js';
import type { EventStore } from '../../eventstore/types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by an audit route's handler: what was read (default: the route's first path parameter). */
    auditTarget: { readonly id: string; readonly jurisdiction: string | null } | null;
  }
}

const outcomeOf = (status: number): AccessOutcome =>
  status < 400 ? 'GRANTED' : status === 401 || status === 403 ? 'REFUSED' : status === 404 ? 'NOT_FOUND' : 'FAILED';

export interface AccessLogOptions {
  readonly store: EventStore;
  readonly clock: () => Date;
}

/** Route option: `onSend: recordAccess(options, 'parcel-history')`. */
export const recordAccess =
  ({ store, clock }: AccessLogOptions, resource: string) =>
  async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const actor = request.actor;
    // No valid token: nobody to name (401s are in the request log, not the audit record).
    if (actor === null) return payload;
    const params = (request.params ?? {}) as Record<string, string>;
    const target = request.auditTarget ?? { id: Object.values(params)[0] ?? '', jurisdiction: null };
    const now = DateTime.fromJSDate(clock()).setZone('Asia/Shanghai');
    const command: RecordAccess = {
      type: 'RecordAccess',
      data: {
        resource,
        target: target.id,
        targetJurisdiction: target.jurisdiction,
        outcome: outcomeOf(reply.statusCode),
        status: reply.statusCode,
        method: request.method,
        url: request.url,
        requestId: request.id,
      },
      context: {
        now: now.toISO({ includeOffset: true }) as string,
        actor: { id: actor.sub, role: actor.role, name: actor.name, jurisdiction: actor.jurisdiction },
      },
    };
    await handleCommand({
      store,
      stream: accessStream(now.toISODate() as string, actor.sub),
      decider: accessLogDecider,
      command,
      envelope: { correlationId: request.id },
      clock,
    });
    return payload;
  };
