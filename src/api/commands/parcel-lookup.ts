/** Facts about a parcel that other aggregates' routes need at command time (jurisdiction, owner). */
import { parcelDecider, type ParcelState } from '../../domain/parcel/index.js';
import { parcelStream } from '../../domain/streams.js';
import { foldStream } from '../../eventstore/fold-stream.js';
import type { EventStore } from '../../eventstore/types.js';

export const parcelJurisdictionOf = (state: ParcelState): string | null =>
  'facts' in state ? state.facts.jurisdiction : 'deal' in state ? state.deal.jurisdiction : null;

export const parcelOwnerOf = (state: ParcelState): string | null =>
  'facts' in state ? state.facts.terms.landUserId : 'deal' in state ? state.deal.winnerId : null;

export const loadParcel = async (store: EventStore, parcelId: string): Promise<ParcelState> =>
  foldStream(parcelDecider, await store.readStream(parcelStream(parcelId)));
