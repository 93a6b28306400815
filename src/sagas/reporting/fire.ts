/**
 * Firing a report obligation's overdue timer: MarkReportOverdue on `report-<obligationId>`
 * (fire-system-command.ts); refused, hence obsolete, once the report was submitted.
 */
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { handleReportCommand } from '../../eventstore/aggregate-handlers.js';
import { fireSystemCommand } from '../fire-system-command.js';

export const fireReportTimer = fireSystemCommand(handleReportCommand, STREAM_CATEGORIES.report, (timer) => ({
  type: 'MarkReportOverdue',
  data: { timerId: timer.timerId },
}));
