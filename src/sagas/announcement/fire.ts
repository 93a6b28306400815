/**
 * Firing an announcement's T32/T38 timer: RecordAnnouncementDeadlineMissed on
 * `announcement-<announcementId>` (fire-system-command.ts); refused, hence obsolete, when the results
 * were published or the abnormal deal reported meanwhile.
 */
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { handleAnnouncementCommand } from '../../eventstore/aggregate-handlers.js';
import { fireSystemCommand } from '../fire-system-command.js';

export const fireAnnouncementTimer = fireSystemCommand(
  handleAnnouncementCommand,
  STREAM_CATEGORIES.announcement,
  (timer) => ({
    type: 'RecordAnnouncementDeadlineMissed',
    data: { timerId: timer.timerId, rule: timer.rule, parcelId: timer.subject ?? '', dueDate: timer.dueDate },
  }),
);
