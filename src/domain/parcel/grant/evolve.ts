/**
 * The deal (成交确认书), its abort, and the facts of a freshly granted parcel built from its
 * grant event.
 */
import type { EventOf } from '../events.js';
import { EMPTY_MILESTONE } from '../construction/evolve.js';
import type { DealFacts, ParcelFacts, ParcelState } from '../state.js';

export const grantFacts = (
  event: EventOf<'TransferContractSigned'> | EventOf<'AllocationDecisionIssued'>,
  deal: DealFacts | null,
): ParcelFacts => {
  const { data } = event;
  return {
    parcelId: data.parcelId,
    jurisdiction: data.jurisdiction,
    policyVersion: data.policyVersion,
    grantKind: event.type === 'TransferContractSigned' ? 'TRANSFER' : 'ALLOCATION',
    dealConfirmedOn: deal?.dealConfirmedOn ?? data.dealConfirmedOn,
    dealEventId: deal?.dealEventId ?? null,
    grantedOn: data.grantedOn,
    grantEventId: event.id ?? null,
    supervisionNo: data.supervisionNo,
    alerts: [],
    trackingCardExtractedOn: null,
    trackingCardEventId: null,
    patrolTaskAssignedOn: null,
    patrolTaskEventId: null,
    supplyRecordFiledOn: null,
    supplyRecordFilingRef: null,
    supplyRecordEventId: null,
    supplyRecordDraft: null,
    supplyRecordDraftEventId: null,
    marketTransactions: [],
    reserve: null,
    terms: data.terms,
    instalments: event.type === 'TransferContractSigned' ? event.data.instalments : [],
    payments: [],
    lateDamages: [],
    paymentDemands: [],
    deliveryDemands: [],
    deliveredOn: null,
    deliveryEventId: null,
    certificateIssuedOn: null,
    certificateEventId: null,
    sitePublicityPostedOn: null,
    sitePublicityEventId: null,
    start: EMPTY_MILESTONE,
    completion: EMPTY_MILESTONE,
    inspections: [],
    schedule: {
      originalStart: data.agreedStart,
      originalCompletion: data.agreedCompletion,
      agreedStart: data.agreedStart,
      agreedCompletion: data.agreedCompletion,
      changes: [],
    },
    pendingExtension: null,
    idleCase: null,
    closedIdleCases: [],
    terminatedOn: null,
    terminationEventId: null,
    revokedOn: null,
    revocationEventId: null,
  };
};

/** A grant applies to a new parcel (协议出让, 划拨) or to a concluded deal (招拍挂). */
export const evolveGrant = (
  state: ParcelState,
  event: EventOf<'TransferContractSigned'> | EventOf<'AllocationDecisionIssued'>,
): ParcelState => {
  if (state.status === 'NEW') return { status: 'GRANTED', facts: grantFacts(event, null) };
  if (state.status === 'DEAL_CONCLUDED' && event.type === 'TransferContractSigned') {
    return { status: 'GRANTED', facts: grantFacts(event, state.deal) };
  }
  return state;
};

/** The deal concludes a new parcel; an abort ends a concluded deal (T01, E5). */
export const evolveDeal = (
  state: ParcelState,
  event: EventOf<'DealConfirmed'> | EventOf<'SupplyAborted'>,
): ParcelState => {
  const id = event.id ?? null;
  if (event.type === 'SupplyAborted') {
    if (state.status !== 'DEAL_CONCLUDED') return state;
    return { status: 'SUPPLY_ABORTED', deal: state.deal, abortedOn: event.data.abortedOn, abortEventId: id };
  }
  if (state.status !== 'NEW') return state;
  const { data } = event;
  return {
    status: 'DEAL_CONCLUDED',
    deal: {
      parcelId: data.parcelId,
      jurisdiction: data.jurisdiction,
      policyVersion: data.policyVersion,
      winnerId: data.winnerId,
      dealConfirmedOn: data.confirmedOn,
      signingDeadline: data.signingDeadline,
      dealEventId: id,
      alerts: [],
    },
  };
};
