import type { CalendarSource } from '../calendar/index.js';
import type { Decider } from '../decider.js';
import { SEED_CALENDARS } from '../working-calendar/seed-calendar.js';
import { makeDecide } from './decide.js';
import { evolve, initialState } from './evolve.js';
import type { AnnouncementDeciderCommand, AnnouncementEvent, AnnouncementState } from './types.js';

export * from './types.js';
export { ANNOUNCEMENT_COMMANDS } from './commands.js';
export { ANNOUNCEMENT_ERRORS, type AnnouncementErrorCode } from './errors.js';
export {
  ABNORMAL_REPORT_WORKING_DAYS,
  LISTING_MIN_DAYS,
  RESULTS_PUBLICATION_WORKING_DAYS,
  abnormalReportDueOn,
  announcementPolicy,
  resultsDueOn,
} from './decide.js';
export {
  announcementObligations,
  type AnnouncementObligation,
  type AnnouncementObligationKind,
} from './obligations.js';
export { premiumOf, premiumOver50Percent, premiumPercent } from './premium.js';

/** Stream `announcement-<id>`. */
export { announcementStream } from '../streams.js';

/** Decides the HTTP commands (AnnouncementCommand) and the system's (RecordAnnouncementDeadlineMissed). */
export type AnnouncementDecider = Decider<AnnouncementDeciderCommand, AnnouncementEvent, AnnouncementState>;

/** `calendars`: the log's working calendars (the service's book); defaults to the seed calendar alone. */
export const createAnnouncementDecider = (
  options: { readonly calendars?: CalendarSource } = {},
): AnnouncementDecider => ({
  decide: makeDecide(options.calendars ?? SEED_CALENDARS),
  evolve,
  initialState,
});

export const announcementDecider: AnnouncementDecider = createAnnouncementDecider();
