/** Routes of the credit archive: `POST /land-users/{landUserId}/credit/{command}` (DOMAIN.md §7). */
import {
  CREDIT_COMMANDS,
  type CreditArchiveState,
  type CreditCommand,
  type CreditEvent,
} from '../../domain/credit/index.js';
import { handleCreditCommand } from '../../eventstore/aggregate-handlers.js';
import { HttpError } from '../http-error.js';
import type { AggregateCommands, GuardInput } from './aggregate.js';
import { CREDIT_ROLES } from './command-roles.js';
import { loadParcel, parcelJurisdictionOf } from './parcel-lookup.js';

/** The parcel whose breach the entry records: a credit entry is judged where that parcel lies. */
const evidenceParcel = ({ type, data, state }: GuardInput<CreditArchiveState>): string | null => {
  if (type === 'AddCreditEntry') return (data['evidenceRef'] as { parcelId: string }).parcelId;
  const entry = state.status === 'CLEAN' ? undefined : state.entries.find((e) => e.entryId === data['entryId']);
  return entry?.evidenceRef.parcelId ?? null;
};

export const creditCommands: AggregateCommands<CreditCommand, CreditEvent, CreditArchiveState> = {
  tag: 'credit archive commands',
  basePath: '/land-users/:landUserId/credit',
  idParam: 'landUserId',
  noun: 'credit archive',
  handler: handleCreditCommand,
  specs: CREDIT_COMMANDS,
  roles: CREDIT_ROLES,
  // An entry is judged where the parcel of its breach lies; that parcel must exist.
  jurisdictionOf: async (input) => {
    const parcelId = evidenceParcel(input);
    if (parcelId === null) return null;
    const parcel = await loadParcel(input.deps.store, parcelId);
    if (parcel.status === 'NEW') {
      throw new HttpError(
        422,
        'EVIDENCE_PARCEL_NOT_FOUND',
        `No parcel ${parcelId}: an entry cites the parcel of the breach`,
        {
          field: 'body.evidenceRef.parcelId',
          rule: '§7.1',
        },
      );
    }
    return parcelJurisdictionOf(parcel);
  },
  ownerOf: ({ id }) => id,
};
