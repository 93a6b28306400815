/**
 * Firing a report obligation's overdue timer: the obligation's MarkReportOverdue, keyed by the
 * timer id (a second firing appends nothing). A refusal (submitted meanwhile) is a DomainError,
 * which the poller records as an obsolete firing.
 */
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { handleReportCommand } from '../../eventstore/aggregate-handlers.js';
import type { EventStore } from '../../eventstore/types.js';
import type { Clock } from '../clock.js';
import type { FireTimer } from '../poller.js';

export const fireReportTimer =
  (store: EventStore, clock: Clock): FireTimer =>
  async ({ timer }) => {
    // The owner is the obligation's stream name, `report-<obligationId>`.
    const obligationId = timer.owner.slice(STREAM_CATEGORIES.report.length);
    await handleReportCommand({
      store,
      id: obligationId,
      command: {
        type: 'MarkReportOverdue',
        data: { timerId: timer.timerId },
        context: { now: clock.now().toISOString(), actor: { id: 'system:timers', role: 'SYSTEM' } },
      },
      envelope: { correlationId: timer.timerId, causationId: timer.anchorEventId ?? timer.timerId },
      idempotencyKey: timer.timerId,
      clock: () => clock.now(),
    });
  };
