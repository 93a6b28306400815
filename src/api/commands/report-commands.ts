/**
 * Routes of report obligations: `POST /report-obligations/{obligationId}/submit-report` (DOMAIN.md
 * §13). The obligation id is `<type>-<jurisdiction>-<period>` (`S1-CN-JS-2026Q3`); the system
 * opens it (src/sagas/reporting/opener.ts), so the route never starts a stream (404 until then).
 * Within the obligation's jurisdiction: a province's report is submitted by PROVINCE_REVIEWER, a
 * city's or county's by GRANTOR_ADMIN.
 */
import {
  levelOf,
  REPORT_OBLIGATION_COMMANDS,
  type ReportEvent,
  type ReportState,
  type SubmitReport,
} from '../../domain/reporting/index.js';
import { handleReportCommand } from '../../eventstore/aggregate-handlers.js';
import { HttpError } from '../http-error.js';
import type { AggregateCommands } from './aggregate.js';
import { REPORT_OBLIGATION_ROLES } from './command-roles.js';

export const reportObligationCommands: AggregateCommands<SubmitReport, ReportEvent, ReportState> = {
  tag: 'report obligation commands',
  basePath: '/report-obligations/:obligationId',
  idParam: 'obligationId',
  noun: 'report obligation',
  handler: handleReportCommand,
  specs: REPORT_OBLIGATION_COMMANDS,
  roles: REPORT_OBLIGATION_ROLES,
  jurisdictionOf: ({ state }) => (state.status === 'NONE' ? null : state.jurisdiction),
  ownerOf: () => null,
  crossCheck: async ({ state, actor }) => {
    if (state.status === 'NONE') return;
    const needed = levelOf(state.jurisdiction) === 'PROVINCE' ? 'PROVINCE_REVIEWER' : 'GRANTOR_ADMIN';
    if (actor.role !== needed) {
      throw new HttpError(
        403,
        'ROLE_NOT_ALLOWED',
        `The ${state.type} report of ${state.jurisdiction} is submitted by ${needed}, not ${actor.role}`,
        { rule: '§12', jurisdiction: state.jurisdiction },
      );
    }
    await Promise.resolve();
  },
};
