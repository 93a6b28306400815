/**
 * Firing a linkage area's T35/T36 timer: the area's RecordLinkageDeadlineMissed, keyed by the timer
 * id (a second firing appends nothing). A refusal (the month's progress or the acceptance filed
 * meanwhile, the area accepted) is a DomainError, which the poller records as an obsolete firing.
 * A system command: it goes through the decider directly, never through an HTTP route.
 */
import { calendarBookOf } from '../../calendar/book.js';
import { createLinkageDecider, linkageStream } from '../../domain/linkage/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { handleCommand } from '../../eventstore/command-handler.js';
import type { EventStore } from '../../eventstore/types.js';
import type { Clock } from '../clock.js';
import type { FireTimer } from '../poller.js';

export const fireLinkageTimer =
  (store: EventStore, clock: Clock): FireTimer =>
  async ({ timer }) => {
    // The owner is the area's stream name, `linkage-<linkageId>`.
    const linkageId = timer.owner.slice(STREAM_CATEGORIES.linkage.length);
    await handleCommand({
      store,
      stream: linkageStream(linkageId),
      decider: createLinkageDecider({ calendars: calendarBookOf(store) }),
      command: {
        type: 'RecordLinkageDeadlineMissed',
        data: { timerId: timer.timerId, rule: timer.rule, subject: timer.subject, dueDate: timer.dueDate },
        context: { now: clock.now().toISOString(), actor: { id: 'system:timers', role: 'SYSTEM' } },
      },
      envelope: { correlationId: timer.timerId, causationId: timer.anchorEventId ?? timer.timerId },
      idempotencyKey: timer.timerId,
      clock: () => clock.now(),
    });
  };
