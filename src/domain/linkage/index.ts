import type { CalendarSource } from '../calendar/index.js';
import type { Decider } from '../decider.js';
import { SEED_CALENDARS } from '../working-calendar/seed-calendar.js';
import { makeDecide } from './decide.js';
import { evolve, initialState } from './evolve.js';
import type { LinkageDeciderCommand, LinkageEvent, LinkageState } from './types.js';

export * from './types.js';
export { LINKAGE_COMMANDS } from './commands.js';
export { LINKAGE_ERRORS, type LinkageErrorCode } from './errors.js';
export { linkageVariantFor } from './variant.js';
export { plotEligibility, type EligibilityFailure } from './eligibility.js';
export { ACCEPTANCE_FILING_WORKING_DAYS, acceptanceFilingDue, applyPlotChange, modifierOf } from './decide.js';

/** Stream `linkage-<id>` (DOMAIN.md §9). */
export { linkageStream } from '../streams.js';

export { nextMonthOf, progressDueDate } from './deadlines.js';

/** Decides the HTTP commands (LinkageCommand) and the system's (RecordLinkageDeadlineMissed). */
export type LinkageDecider = Decider<LinkageDeciderCommand, LinkageEvent, LinkageState>;

/** `calendars`: the log's working calendars (the service's book); defaults to the seed calendar alone. */
export const createLinkageDecider = (options: { readonly calendars?: CalendarSource } = {}): LinkageDecider => ({
  decide: makeDecide(options.calendars ?? SEED_CALENDARS),
  evolve,
  initialState,
});

export const linkageDecider: LinkageDecider = createLinkageDecider();
