/** Routes of the parcel lifecycle: `POST /parcels/{parcelId}/{command}` (DOMAIN.md §3–§6). */
import { authorisesParcel, decisionDecider } from '../../domain/decision/index.js';
import {
  PARCEL_COMMANDS,
  type RoutedParcelCommand,
  type ParcelEvent,
  type ParcelState,
} from '../../domain/parcel/index.js';
import { decisionStream } from '../../domain/streams.js';
import { handleParcelCommand } from '../../eventstore/aggregate-handlers.js';
import { foldStream } from '../../eventstore/fold-stream.js';
import { HttpError } from '../http-error.js';
import type { AggregateCommands } from './aggregate.js';
import { PARCEL_ROLES } from './command-roles.js';
import { parcelJurisdictionOf, parcelOwnerOf } from './parcel-lookup.js';

const GRANTS: readonly string[] = ['SignTransferContract', 'IssueAllocationDecision'];

export const parcelCommands: AggregateCommands<RoutedParcelCommand, ParcelEvent, ParcelState> = {
  tag: 'parcel commands',
  basePath: '/parcels/:parcelId',
  idParam: 'parcelId',
  noun: 'parcel',
  handler: handleParcelCommand,
  specs: PARCEL_COMMANDS,
  roles: PARCEL_ROLES,
  // A new parcel is judged by the jurisdiction its creating command names.
  jurisdictionOf: ({ state, data }) =>
    parcelJurisdictionOf(state) ?? (typeof data['jurisdiction'] === 'string' ? data['jurisdiction'] : null),
  ownerOf: ({ state }) => parcelOwnerOf(state),
  // §10.1: a grant cites the collective decision whose approved supply plan covers the parcel.
  crossCheck: async ({ type, id, data, deps }) => {
    if (!GRANTS.includes(type)) return;
    const decisionId = String(data['decisionId']);
    const decision = foldStream(decisionDecider, await deps.store.readStream(decisionStream(decisionId)));
    if (decision.status === 'NONE') {
      throw new HttpError(422, 'DECISION_NOT_FOUND', `No collective decision ${decisionId}`, {
        field: 'body.decisionId',
        rule: '§10.1',
      });
    }
    if (!authorisesParcel(decision, id)) {
      throw new HttpError(
        422,
        'DECISION_DOES_NOT_COVER_PARCEL',
        `No approved supply plan of decision ${decisionId} lists parcel ${id}`,
        {
          field: 'body.decisionId',
          rule: '§10.1',
        },
      );
    }
  },
};
