/**
 * The report obligation (DOMAIN.md §13, T33, T34, T37): one stream per report owed,
 * `report-<type>-<jurisdiction>-<period>`: ReportDue → ReportSubmitted | ReportOverdue.
 */
import type { Decider } from '../decider.js';
import { decide, evolve, initialState } from './decide.js';
import type { ReportCommand, ReportEvent, ReportState } from './types.js';

export * from './types.js';
export * from './schedule.js';
export { REPORTING_ERRORS, type ReportingErrorCode } from './errors.js';
export { REPORT_OBLIGATION_COMMANDS } from './commands.js';
export { reportDueOf } from './decide.js';
export { reportStream } from '../streams.js';

export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = { decide, evolve, initialState };
