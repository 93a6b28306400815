/**
 * Firing a linkage area's T35/T36 timer: RecordLinkageDeadlineMissed on `linkage-<linkageId>`
 * (fire-system-command.ts); refused, hence obsolete, when the month's progress or the acceptance
 * was filed meanwhile or the area accepted.
 */
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import { handleLinkageCommand } from '../../eventstore/aggregate-handlers.js';
import { fireSystemCommand } from '../fire-system-command.js';

export const fireLinkageTimer = fireSystemCommand(handleLinkageCommand, STREAM_CATEGORIES.linkage, (timer) => ({
  type: 'RecordLinkageDeadlineMissed',
  data: { timerId: timer.timerId, rule: timer.rule, subject: timer.subject, dueDate: timer.dueDate },
}));
