/**
 * The supply announcement's command handler (stream `announcement-<id>`, DOMAIN.md §4 T31, T32,
 * T38): like the linkage area's, it decides on the log's calendars (refreshed at most once a
 * second), so due dates follow the notices entered; its `decider` (for folding) is the plain one.
 */
import {
  announcementDecider,
  createAnnouncementDecider,
  type AnnouncementCommand,
  type AnnouncementEvent,
  type AnnouncementState,
} from '../domain/announcement/index.js';
import { announcementStream } from '../domain/streams.js';
import { calendarBookOf } from '../calendar/book.js';
import type { BoundCommandHandler, BoundOptions } from './aggregate-handlers.js';
import { handleCommand } from './command-handler.js';

export const handleAnnouncementCommand: BoundCommandHandler<AnnouncementCommand, AnnouncementEvent, AnnouncementState> =
  Object.assign(
    async ({ id, ...options }: BoundOptions<AnnouncementCommand, AnnouncementEvent, AnnouncementState>) => {
      const calendars = calendarBookOf(options.store);
      await calendars.refresh([], { maxAgeMs: 1000 });
      return handleCommand({
        ...options,
        decider: createAnnouncementDecider({ calendars }),
        stream: announcementStream(id),
      });
    },
    { decider: announcementDecider, stream: announcementStream },
  );
