/**
 * evolve for the parcel aggregate: applies an event to the state, ignoring events that do not
 * apply to the current status (never throws). Store event ids are kept as deadline anchors.
 */
import { EMPTY_MILESTONE, evolveGrant } from './evolve-grant.js';
import { evolveDeregistration, evolveIdle } from './evolve-idle.js';
import { evolveRecord } from './evolve-records.js';
import type { ParcelEvent } from './events.js';
import { isGranted } from './state.js';
import type { GrantedStatus, ParcelFacts, ParcelState } from './state.js';

type Change = (facts: ParcelFacts) => ParcelFacts;

/** Applies `change` when the status is one of `from`; moves to `to` when given. */
const whenIn = (state: ParcelState, from: readonly GrantedStatus[], change: Change, to?: GrantedStatus): ParcelState => {
  if (!isGranted(state) || !from.includes(state.status)) return state;
  return { status: to ?? state.status, facts: change(state.facts) } as ParcelState;
};

const LIVE: readonly GrantedStatus[] = ['GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED'];
const NOT_STARTED: readonly GrantedStatus[] = ['GRANTED', 'DELIVERED', 'CERTIFIED'];
const SUPERVISED: readonly GrantedStatus[] = [...LIVE, 'COMPLETED'];

export const evolve = (state: ParcelState, event: ParcelEvent): ParcelState => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'DealConfirmed': {
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
        },
      };
    }
    case 'SupplyAborted':
      if (state.status !== 'DEAL_CONCLUDED') return state;
      return { status: 'SUPPLY_ABORTED', deal: state.deal, abortedOn: event.data.abortedOn, abortEventId: id };
    case 'TransferContractSigned':
    case 'AllocationDecisionIssued':
      return evolveGrant(state, event);
    case 'PaymentReceived': {
      const { paymentId, instalmentNo, amountFen, paidOn } = event.data;
      return whenIn(state, SUPERVISED, (f) => ({
        ...f,
        payments: [...f.payments, { paymentId, instalmentNo, amountFen, paidOn, eventId: id, infoRecordedOn: null, infoRecordedEventId: null }],
      }));
    }
    case 'LatePaymentDamagesAssessed': {
      const { paymentId, instalmentNo, principalFen, ratePerDay, daysLate, damagesFen } = event.data;
      return whenIn(state, SUPERVISED, (f) => ({
        ...f,
        lateDamages: [...f.lateDamages, { paymentId, instalmentNo, principalFen, ratePerDay, daysLate, damagesFen, eventId: id }],
      }));
    }
    case 'PaymentDemandServed': {
      const { demandId, instalmentNo, servedOn } = event.data;
      return whenIn(state, SUPERVISED, (f) => ({
        ...f,
        paymentDemands: [...f.paymentDemands, { demandId, instalmentNo, servedOn, eventId: id }],
      }));
    }
    case 'ContractTerminated':
      return whenIn(state, LIVE, (f) => ({ ...f, terminatedOn: event.data.terminatedOn, terminationEventId: id }), 'TERMINATED');
    case 'GrantRevoked':
      return whenIn(state, LIVE, (f) => ({ ...f, revokedOn: event.data.revokedOn, revocationEventId: id }), 'REVOKED');
    case 'LandDeliveryConfirmed':
      return whenIn(state, ['GRANTED'], (f) => ({ ...f, deliveredOn: event.data.deliveredOn, deliveryEventId: id }), 'DELIVERED');
    case 'LandApprovalCertificateIssued':
      return whenIn(
        state,
        ['DELIVERED'],
        (f) => ({ ...f, certificateIssuedOn: event.data.issuedOn, certificateEventId: id }),
        'CERTIFIED',
      );
    case 'SitePublicityPosted':
      return whenIn(state, SUPERVISED, (f) => ({ ...f, sitePublicityPostedOn: event.data.postedOn, sitePublicityEventId: id }));
    case 'ConstructionStartDeclared':
      return whenIn(state, NOT_STARTED, (f) => ({
        ...f,
        start: { ...EMPTY_MILESTONE, declaredOn: event.data.declaredOn, declaredDate: event.data.claimedDate, declarationEventId: id },
      }));
    case 'ConstructionStartDeclarationRejected':
      return whenIn(state, NOT_STARTED, (f) => ({ ...f, start: EMPTY_MILESTONE }));
    case 'ConstructionStartVerified':
      return whenIn(
        state,
        NOT_STARTED,
        (f) => ({
          ...f,
          start: { ...f.start, verifiedOn: event.data.verifiedOn, verificationEventId: id, actualDate: event.data.actualDate },
          // A start request becomes moot once construction has started.
          pendingExtension: f.pendingExtension?.kind === 'START' ? null : f.pendingExtension,
        }),
        'STARTED',
      );
    case 'CompletionDeclared':
      return whenIn(state, ['STARTED'], (f) => ({
        ...f,
        completion: { ...EMPTY_MILESTONE, declaredOn: event.data.declaredOn, declaredDate: event.data.claimedDate, declarationEventId: id },
      }));
    case 'CompletionDeclarationRejected':
      return whenIn(state, ['STARTED'], (f) => ({ ...f, completion: EMPTY_MILESTONE }));
    case 'CompletionVerified':
      return whenIn(
        state,
        ['STARTED'],
        (f) => ({
          ...f,
          completion: { ...f.completion, verifiedOn: event.data.verifiedOn, verificationEventId: id, actualDate: event.data.actualDate },
          pendingExtension: null,
        }),
        'COMPLETED',
      );
    case 'SiteInspectionRecorded': {
      const { inspectionId, inspectedOn, kind } = event.data;
      return whenIn(state, SUPERVISED, (f) => ({
        ...f,
        inspections: [...f.inspections, { inspectionId, inspectedOn, kind, eventId: id, handedOverOn: null, handOverEventId: null }],
      }));
    }
    case 'ExtensionRequested': {
      const { requestId, kind, requestedDate, requestedOn } = event.data;
      return whenIn(state, LIVE, (f) =>
        f.pendingExtension === null ? { ...f, pendingExtension: { requestId, kind, requestedDate, requestedOn, eventId: id } } : f,
      );
    }
    case 'ExtensionRejected':
      return whenIn(state, LIVE, (f) =>
        f.pendingExtension?.requestId === event.data.requestId ? { ...f, pendingExtension: null } : f,
      );
    case 'ExtensionApproved': {
      const d = event.data;
      return whenIn(state, LIVE, (f) => {
        if (f.pendingExtension?.requestId !== d.requestId) return f;
        const change = {
          source: 'EXTENSION' as const,
          reference: d.requestId,
          kind: d.kind,
          changedOn: d.decidedOn,
          previousStart: d.previousStart,
          previousCompletion: d.previousCompletion,
          agreedStart: d.agreedStart,
          agreedCompletion: d.agreedCompletion,
          eventId: id,
        };
        return {
          ...f,
          pendingExtension: null,
          schedule: { ...f.schedule, agreedStart: d.agreedStart, agreedCompletion: d.agreedCompletion, changes: [...f.schedule.changes, change] },
        };
      });
    }
    case 'RightDeregistered':
      return evolveDeregistration(state, event);
    case 'IdleSuspected':
    case 'IdleInvestigationNoticeServed':
    case 'IdleMaterialsSubmitted':
    case 'GovernmentCauseAccepted':
    case 'IdleLandConfirmed':
    case 'IdleFeeDecisionIssued':
    case 'IdleFeePaid':
    case 'RecoveryDecisionIssued':
    case 'IdleCaseClosed':
      return whenIn(state, SUPERVISED, (f) => evolveIdle(f, event));
    case 'TrackingCardExtracted':
    case 'PatrolTaskAssigned':
    case 'SupplyRecordFiled':
    case 'PaymentInfoRecorded':
    case 'DeclarationUploaded':
    case 'InspectionRecordHandedOver':
    case 'IdleLandPublished':
    case 'TemporaryUseEnded':
      return whenIn(state, SUPERVISED, (f) => evolveRecord(f, event));
    case 'DeliveryDemandServed':
      return whenIn(state, ['GRANTED'], (f) => evolveRecord(f, event));
    case 'IdleLandPublicationWithdrawn':
      // A recovered parcel's case is disposed of by the deregistration; its publication is withdrawn after.
      return whenIn(state, [...SUPERVISED, 'RECOVERED'], (f) => evolveRecord(f, event));
    default: {
      const _never: never = event;
      return state;
    }
  }
};

