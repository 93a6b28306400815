/**
 * The command handler bound to each aggregate: its decider and its stream naming, so that a
 * caller (the API's route factory, later the sagas and timers) says only which aggregate id and
 * which command: `handleParcelCommand({ store, id, command, envelope, clock })`.
 */
import { creditDecider } from '../domain/credit/index.js';
import type { Command, Decider, DomainEvent } from '../domain/decider.js';
import { decisionDecider } from '../domain/decision/index.js';
import { createParcelDecider, parcelDecider } from '../domain/parcel/index.js';
import type { ParcelCommand, ParcelEvent, ParcelState } from '../domain/parcel/index.js';
import { calendarBookOf, type CalendarBook } from '../calendar/book.js';
import { announcementDecider, createAnnouncementDecider } from '../domain/announcement/index.js';
import { createLinkageDecider, linkageDecider } from '../domain/linkage/index.js';
import {
  announcementStream,
  calendarStream,
  creditStream,
  decisionStream,
  linkageStream,
  parcelStream,
  reportStream,
  timersStream,
} from '../domain/streams.js';
import { reportDecider } from '../domain/reporting/index.js';
import { workingCalendarDecider } from '../domain/working-calendar/index.js';
import type { CalendarCommand, WorkingCalendarEvent, WorkingCalendarState } from '../domain/working-calendar/index.js';
import { ensureCalendarSeeded } from '../calendar/seed.js';
import { timersDecider } from '../domain/timers/index.js';
import { handleCommand, type HandleCommandOptions, type HandleCommandResult } from './command-handler.js';

export type BoundOptions<C extends Command, E extends DomainEvent, S> = Omit<
  HandleCommandOptions<C, E, S>,
  'stream' | 'decider'
> & { readonly id: string };

export interface BoundCommandHandler<C extends Command, E extends DomainEvent, S> {
  readonly decider: Decider<C, E, S>;
  readonly stream: (id: string) => string;
  (options: BoundOptions<C, E, S>): Promise<HandleCommandResult<S>>;
}

export const bindCommandHandler = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  stream: (id: string) => string,
): BoundCommandHandler<C, E, S> =>
  Object.assign(
    ({ id, ...options }: BoundOptions<C, E, S>) => handleCommand({ ...options, decider, stream: stream(id) }),
    { decider, stream },
  );

/**
 * A handler that decides on the calendars of the log (refreshed first, so `current` is the newest
 * a jurisdiction has); its `decider` (for folding) is the plain one: evolve needs no calendar.
 * Parcels, linkage areas (T36) and announcements (T32, T38) count working days this way.
 */
export const bindCalendarCommandHandler = <C extends Command, E extends DomainEvent, S>(
  deciderOn: (options: { readonly calendars: CalendarBook }) => Decider<C, E, S>,
  decider: Decider<C, E, S>,
  stream: (id: string) => string,
): BoundCommandHandler<C, E, S> =>
  Object.assign(
    async ({ id, ...options }: BoundOptions<C, E, S>) => {
      const calendars = calendarBookOf(options.store);
      // A notice entered in another process reaches this one within a second; this one's own at once.
      await calendars.refresh([], { maxAgeMs: 1000 });
      return handleCommand({ ...options, decider: deciderOn({ calendars }), stream: stream(id) });
    },
    { decider, stream },
  );

export const handleParcelCommand: BoundCommandHandler<ParcelCommand, ParcelEvent, ParcelState> =
  bindCalendarCommandHandler(createParcelDecider, parcelDecider, parcelStream);
/** Linkage areas and announcements: their HTTP commands and the timers' system commands. */
export const handleLinkageCommand = bindCalendarCommandHandler(createLinkageDecider, linkageDecider, linkageStream);
export const handleAnnouncementCommand = bindCalendarCommandHandler(
  createAnnouncementDecider,
  announcementDecider,
  announcementStream,
);
export const handleDecisionCommand = bindCommandHandler(decisionDecider, decisionStream);
export const handleCreditCommand = bindCommandHandler(creditDecider, creditStream);
export const handleTimersCommand = bindCommandHandler(timersDecider, timersStream);
/** A periodic report obligation (DOMAIN.md §13), stream `report-<obligationId>`. */
export const handleReportCommand = bindCommandHandler(reportDecider, reportStream);

/**
 * The working calendar's handler: the national stream starts with the seed (written here if the
 * migration has not), and the process's calendar book reads the new notice at once.
 */
export const handleCalendarCommand: BoundCommandHandler<CalendarCommand, WorkingCalendarEvent, WorkingCalendarState> =
  Object.assign(
    async ({ id, ...options }: BoundOptions<CalendarCommand, WorkingCalendarEvent, WorkingCalendarState>) => {
      if (id === 'CN') await ensureCalendarSeeded(options.store, options.clock);
      const result = await handleCommand({ ...options, decider: workingCalendarDecider, stream: calendarStream(id) });
      await calendarBookOf(options.store).refresh([id]);
      return result;
    },
    { decider: workingCalendarDecider, stream: calendarStream },
  );
