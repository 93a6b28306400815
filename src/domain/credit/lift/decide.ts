/** §7.3, E7: an entry is lifted in three recorded steps, never deleted. */
import { instantMillis } from '../../instant.js';
import { fail } from '../errors.js';
import { findEntry, isBlank } from '../guards.js';
import { PROVINCE_REVIEWER, type CreditArchiveState, type CreditEvent } from '../types.js';
import type { LiftCreditEntry, RequestCreditEntryLift, VerifyRectification } from './schemas.js';

const alreadyLifted = (entryId: string): never =>
  fail('CREDIT_ENTRY_ALREADY_LIFTED', `credit entry '${entryId}' is already lifted`, {
    field: 'entryId',
    rule: '§7.3',
  });

export const requestLift = (command: RequestCreditEntryLift, state: CreditArchiveState): readonly CreditEvent[] => {
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

export const verify = (command: VerifyRectification, state: CreditArchiveState): readonly CreditEvent[] => {
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

export const lift = (command: LiftCreditEntry, state: CreditArchiveState): readonly CreditEvent[] => {
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
