/** §7.1, E6, Q9: list a breach once, with its evidence and the controlling shareholders it reaches. */
import { instantMillis } from '../../instant.js';
import { creditEntryId } from '../entry-id.js';
import { fail } from '../errors.js';
import { entriesOf, isBlank } from '../guards.js';
import { CREDIT_TRIGGERS, CREDIT_TRIGGER_LABELS, type CreditArchiveState, type CreditEvent } from '../types.js';
import type { AddCreditEntry } from './schemas.js';

export const addEntry = (command: AddCreditEntry, state: CreditArchiveState): readonly CreditEvent[] => {
  const { data, context } = command;
  instantMillis(context.now, 'context.now');
  if (isBlank(data.landUserId))
    fail('LAND_USER_REQUIRED', 'landUserId is required', { field: 'landUserId', rule: '§7' });
  if (state.landUserId !== null && state.landUserId !== data.landUserId) {
    fail('LAND_USER_MISMATCH', `this archive belongs to '${state.landUserId}', not '${data.landUserId}'`, {
      field: 'landUserId',
      rule: '§7',
    });
  }
  if (!(CREDIT_TRIGGERS as readonly string[]).includes(data.trigger)) {
    fail('UNKNOWN_CREDIT_TRIGGER', `trigger must be one of ${CREDIT_TRIGGERS.join(', ')}`, {
      field: 'trigger',
      rule: '§7.1',
    });
  }
  const evidenceRef = {
    parcelId: data.evidenceRef.parcelId,
    eventId: isBlank(data.evidenceRef.eventId) ? null : (data.evidenceRef.eventId ?? null),
    caseId: isBlank(data.evidenceRef.caseId) ? null : (data.evidenceRef.caseId ?? null),
  };
  if (isBlank(evidenceRef.parcelId) || (evidenceRef.eventId === null && evidenceRef.caseId === null)) {
    fail('EVIDENCE_REQUIRED', 'a credit entry needs the source parcel and the breach event or case', {
      field: 'evidenceRef',
      rule: '§7.1',
    });
  }
  const expiresAt = data.expiresAt ?? null;
  if (expiresAt !== null && instantMillis(expiresAt, 'expiresAt') <= instantMillis(context.now, 'context.now')) {
    fail('EXPIRY_NOT_AFTER_ENTRY', 'expiresAt must be after the entry is added', { field: 'expiresAt', rule: 'Q9' });
  }
  const entryId = creditEntryId(data.trigger, evidenceRef);
  // The same breach reported twice (saga re-delivery, two officers) is one entry.
  if (entriesOf(state).some((entry) => entry.entryId === entryId)) return [];
  return [
    {
      type: 'CreditEntryAdded',
      data: {
        landUserId: data.landUserId,
        entryId,
        trigger: data.trigger,
        evidenceRef,
        controllingShareholderIds: [...new Set(data.controllingShareholderIds)],
        reason: isBlank(data.reason) ? CREDIT_TRIGGER_LABELS[data.trigger].zh : data.reason,
        addedAt: context.now,
        expiresAt,
      },
    },
  ];
};
