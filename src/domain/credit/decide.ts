import { fail } from '../errors.js';
import { creditEntryId } from './entry-id.js';
import { instantMillis } from '../instant.js';
import {
  CREDIT_TRIGGERS,
  CREDIT_TRIGGER_LABELS,
  PROVINCE_REVIEWER,
  type AddCreditEntry,
  type CreditArchiveState,
  type CreditCommand,
  type CreditEntry,
  type CreditEvent,
  type LiftCreditEntry,
  type RequestCreditEntryLift,
  type VerifyRectification,
} from './types.js';

const isBlank = (text: string | null | undefined): boolean => text === null || text === undefined || text.trim() === '';

const entriesOf = (state: CreditArchiveState): readonly CreditEntry[] =>
  state.status === 'CLEAN' ? [] : state.entries;

/** The entry and the archive's owner (an archive with an entry always knows its owner). */
const findEntry = (state: CreditArchiveState, entryId: string): { entry: CreditEntry; landUserId: string } => {
  const entry = state.status === 'CLEAN' ? undefined : state.entries.find((candidate) => candidate.entryId === entryId);
  if (entry === undefined || state.status === 'CLEAN') {
    return fail('CREDIT_ENTRY_NOT_FOUND', `no credit entry '${entryId}' in this archive`, {
      field: 'entryId',
      rule: '§7.3',
    });
  }
  return { entry, landUserId: state.landUserId };
};

const alreadyLifted = (entryId: string): never =>
  fail('CREDIT_ENTRY_ALREADY_LIFTED', `credit entry '${entryId}' is already lifted`, {
    field: 'entryId',
    rule: '§7.3',
  });

const addEntry = (command: AddCreditEntry, state: CreditArchiveState): readonly CreditEvent[] => {
  const { data, context } = command;
  instantMillis(context.now, 'context.now');
  if (isBlank(data.landUserId)) fail('LAND_USER_REQUIRED', 'landUserId is required', { field: 'landUserId', rule: '§7' });
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

const requestLift = (command: RequestCreditEntryLift, state: CreditArchiveState): readonly CreditEvent[] => {
  const { data, context } = command;
  instantMillis(context.now, 'context.now');
  const { entry, landUserId } = findEntry(state, data.entryId);
  if (entry.status === 'LIFTED') return alreadyLifted(entry.entryId);
  if (entry.status !== 'ACTIVE') {
    fail('LIFT_ALREADY_REQUESTED', `lifting of '${entry.entryId}' is already requested`, {
      field: 'entryId',
      rule: 'E7',
    });
  }
  if (isBlank(data.rectification)) {
    fail('RECTIFICATION_REQUIRED', 'describe the rectification the lift rests on', {
      field: 'rectification',
      rule: 'E7',
    });
  }
  return [
    {
      type: 'CreditEntryLiftRequested',
      data: {
        landUserId,
        entryId: entry.entryId,
        requestedAt: context.now,
        requestedBy: context.actor.id,
        rectification: data.rectification,
      },
    },
  ];
};

const verify = (command: VerifyRectification, state: CreditArchiveState): readonly CreditEvent[] => {
  const { data, context } = command;
  instantMillis(context.now, 'context.now');
  if (context.actor.role !== PROVINCE_REVIEWER) {
    fail('ROLE_NOT_ALLOWED', 'only the provincial department verifies rectification', {
      field: 'context.actor.role',
      rule: 'E7',
    });
  }
  const { entry, landUserId } = findEntry(state, data.entryId);
  switch (entry.status) {
    case 'ACTIVE':
      return fail('LIFT_NOT_REQUESTED', `no lift was requested for '${entry.entryId}'`, {
        field: 'entryId',
        rule: 'E7',
      });
    case 'RECTIFICATION_VERIFIED':
      return fail('RECTIFICATION_ALREADY_VERIFIED', `rectification of '${entry.entryId}' is already verified`, {
        field: 'entryId',
        rule: 'E7',
      });
    case 'LIFTED':
      return alreadyLifted(entry.entryId);
    case 'LIFT_REQUESTED':
      break;
    default: {
      const _never: never = entry;
      return _never;
    }
  }
  if (isBlank(data.documentNo)) {
    fail('DOCUMENT_NO_REQUIRED', 'the verification document number is required', { field: 'documentNo', rule: 'E7' });
  }
  return [
    {
      type: 'RectificationVerified',
      data: {
        landUserId,
        entryId: entry.entryId,
        verifiedAt: context.now,
        verifiedBy: context.actor.id,
        documentNo: data.documentNo,
      },
    },
  ];
};

const lift = (command: LiftCreditEntry, state: CreditArchiveState): readonly CreditEvent[] => {
  const { data, context } = command;
  instantMillis(context.now, 'context.now');
  const { entry, landUserId } = findEntry(state, data.entryId);
  if (entry.status === 'LIFTED') return alreadyLifted(entry.entryId);
  if (entry.status !== 'RECTIFICATION_VERIFIED') {
    fail('RECTIFICATION_NOT_VERIFIED', `the province has not verified rectification of '${entry.entryId}'`, {
      field: 'entryId',
      rule: 'E7',
    });
  }
  if (isBlank(data.announcementRef)) {
    fail('ANNOUNCEMENT_REF_REQUIRED', 'the MLR announcement reference is required to lift', {
      field: 'announcementRef',
      rule: 'E7',
    });
  }
  return [
    {
      type: 'CreditEntryLifted',
      data: {
        landUserId,
        entryId: entry.entryId,
        liftedAt: context.now,
        liftedBy: context.actor.id,
        announcementRef: data.announcementRef,
      },
    },
  ];
};

export const decide = (command: CreditCommand, state: CreditArchiveState): readonly CreditEvent[] => {
  switch (command.type) {
    case 'AddCreditEntry':
      return addEntry(command, state);
    case 'RequestCreditEntryLift':
      return requestLift(command, state);
    case 'VerifyRectification':
      return verify(command, state);
    case 'LiftCreditEntry':
      return lift(command, state);
    default: {
      const _never: never = command;
      return fail('UNKNOWN_COMMAND', `unknown command ${(_never as { type: string }).type}`);
    }
  }
};
