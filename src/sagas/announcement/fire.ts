/**
 * Firing an announcement's T32/T38 timer: the announcement's RecordAnnouncementDeadlineMissed,
 * keyed by the timer id (a second firing appends nothing). A refusal (the results published or the
 * abnormal deal reported meanwhile) is a DomainError, which the poller records as an obsolete
 * firing. A system command: it goes through the decider directly, never through an HTTP route.
 */
import { calendarBookOf } from '../../calendar/book.js';
import { announcementStream, createAnnouncementDecider } from '../../domain/announcement/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { handleCommand } from '../../eventstore/command-handler.js';
import type { EventStore } from '../../eventstore/types.js';
import type { Clock } from '../clock.js';
import type { FireTimer } from '../poller.js';

export const fireAnnouncementTimer =
  (store: EventStore, clock: Clock): FireTimer =>
  async ({ timer }) => {
    // The owner is the announcement's stream name, `announcement-<announcementId>`.
    const announcementId = timer.owner.slice(STREAM_CATEGORIES.announcement.length);
    await handleCommand({
      store,
      stream: announcementStream(announcementId),
      decider: createAnnouncementDecider({ calendars: calendarBookOf(store) }),
      command: {
        type: 'RecordAnnouncementDeadlineMissed',
        data: { timerId: timer.timerId, rule: timer.rule, parcelId: timer.subject ?? '', dueDate: timer.dueDate },
        context: { now: clock.now().toISOString(), actor: { id: 'system:timers', role: 'SYSTEM' } },
      },
      envelope: { correlationId: timer.timerId, causationId: timer.anchorEventId ?? timer.timerId },
      idempotencyKey: timer.timerId,
      clock: () => clock.now(),
    });
  };
