/**
 * The shapes audit answers share: an event exactly as the log holds it (type, data and the whole
 * metadata envelope, hashes included), the hash-chain verdict of a stream, and an event summary.
 */
import { z } from 'zod';
import type { ChainVerdict } from '../eventstore/hash-chain.js';
import type { RecordedEvent } from '../eventstore/types.js';

export const actorView = z.looseObject({
  id: z.string(),
  role: z.string(),
  name: z.string().optional(),
  jurisdiction: z.string().optional(),
});

export const metadataView = z
  .looseObject({
    actor: actorView,
    occurredAt: z.string().describe('Business time of the fact'),
    recordedAt: z.string().describe('When the command handler recorded it'),
    correlationId: z.string(),
    causationId: z.string().describe('The event, request or timer that caused it'),
    reason: z.string().optional(),
    documentNo: z.string().optional(),
    decisionId: z.string().optional(),
    policyVersion: z.string().optional(),
    calendarVersion: z.string().optional(),
    idempotencyKey: z.string().optional(),
    requestHash: z.string().optional(),
    prevHash: z.string().optional(),
    hash: z.string().optional(),
  })
  .describe('The whole metadata envelope as stored');

export const eventView = z.object({
  eventId: z.string(),
  stream: z.string(),
  revision: z.number().int(),
  position: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  metadata: metadataView,
});
export type EventView = z.infer<typeof eventView>;

export const eventViewOf = (event: RecordedEvent): EventView => ({
  eventId: event.id,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  type: event.type,
  data: event.data,
  metadata: event.metadata as unknown as EventView['metadata'],
});

export const chainView = z
  .object({
    status: z.enum(['ok', 'broken']),
    events: z.number().int().describe('Events in the stream'),
    lastHash: z.string().nullable().describe('Hash of the last event when the chain holds'),
    brokenAt: z
      .object({
        revision: z.number().int(),
        eventId: z.string(),
        reason: z.enum(['missing-hash', 'prev-hash-mismatch', 'hash-mismatch', 'revision-gap']),
      })
      .nullable()
      .describe('The first event where the chain breaks'),
  })
  .describe('The hash chain verified over the whole stream');
export type ChainView = z.infer<typeof chainView>;

export const chainViewOf = (verdict: ChainVerdict): ChainView =>
  verdict.intact
    ? { status: 'ok', events: verdict.events, lastHash: verdict.lastHash, brokenAt: null }
    : { status: 'broken', events: verdict.events, lastHash: null, brokenAt: verdict.brokenAt };

export const eventSummaryView = z.object({
  eventId: z.string(),
  stream: z.string(),
  revision: z.number().int(),
  type: z.string(),
  occurredAt: z.string(),
  actor: actorView,
});
export type EventSummaryView = z.infer<typeof eventSummaryView>;

export const eventSummaryOf = (event: RecordedEvent): EventSummaryView => ({
  eventId: event.id,
  stream: event.stream,
  revision: event.revision,
  type: event.type,
  occurredAt: event.metadata.occurredAt,
  actor: { ...event.metadata.actor },
});
