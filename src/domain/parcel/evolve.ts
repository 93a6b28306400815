/**
 * evolve for the parcel aggregate: applies an event to the state, ignoring events that do not
 * apply to the current status (never throws). This file owns the status moves and says in
 * which statuses each event applies; each slice's evolve changes the facts it owns. Store event
 * ids are kept as deadline anchors.
 */
import { evolveConstruction } from './construction/evolve.js';
import { evolveDelivery } from './delivery/evolve.js';
import type { ParcelEvent } from './events.js';
import { evolveExtension } from './extension/evolve.js';
import { evolveDeal, evolveGrant } from './grant/evolve.js';
import { evolveDeregistration, evolveIdle } from './idle/evolve.js';
import { evolvePublication } from './idle/evolve-publication.js';
import { evolvePayment } from './payment/evolve.js';
import { evolveRecord } from './records/evolve.js';
import { evolveMarket } from './market/evolve.js';
import { isGranted, parcelCalendarOf, withParcelCalendar } from './state.js';
import { evolveCalendar, stampCalendar } from './calendar/evolve.js';
import { withAlert } from './supervision/evolve.js';
import type { GrantedStatus, ParcelFacts, ParcelState } from './state.js';

type Change = (facts: ParcelFacts) => ParcelFacts;

/** Applies `change` when the status is one of `from`; moves to `to` when given. */
const whenIn = (
  state: ParcelState,
  from: readonly GrantedStatus[],
  change: Change,
  to?: GrantedStatus,
): ParcelState => {
  if (!isGranted(state) || !from.includes(state.status)) return state;
  return { status: to ?? state.status, facts: change(state.facts) };
};

const LIVE: readonly GrantedStatus[] = ['GRANTED', 'DELIVERED', 'CERTIFIED', 'STARTED'];
const NOT_STARTED: readonly GrantedStatus[] = ['GRANTED', 'DELIVERED', 'CERTIFIED'];
const SUPERVISED: readonly GrantedStatus[] = [...LIVE, 'COMPLETED'];
/** A right that ended: its land may go back into the reserve (T27). */
const ENDED: readonly GrantedStatus[] = ['TERMINATED', 'REVOKED', 'RECOVERED'];

export const evolve = (state: ParcelState, event: ParcelEvent): ParcelState => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'DealConfirmed':
    case 'SupplyAborted':
      return stampCalendar(evolveDeal(state, event), event);
    case 'TransferContractSigned':
    case 'AllocationDecisionIssued': {
      // A grant after a deal keeps following the deal's calendar; a direct grant takes its stamp.
      const deal = parcelCalendarOf(state);
      const granted = evolveGrant(state, event);
      return deal === null ? stampCalendar(granted, event) : withParcelCalendar(granted, () => deal);
    }
    case 'CalendarReconciled':
    case 'DeadlineReviewResolved':
      return evolveCalendar(state, event);
    case 'GrantRevoked':
      return whenIn(state, LIVE, (f) => ({ ...f, revokedOn: event.data.revokedOn, revocationEventId: id }), 'REVOKED');
    case 'PaymentReceived':
    case 'LatePaymentDamagesAssessed':
    case 'PaymentDemandServed':
      return whenIn(state, SUPERVISED, (f) => evolvePayment(f, event));
    case 'ContractTerminated':
      return whenIn(
        state,
        LIVE,
        (f) => ({ ...f, terminatedOn: event.data.terminatedOn, terminationEventId: id }),
        'TERMINATED',
      );
    case 'LandDeliveryConfirmed':
      return whenIn(state, ['GRANTED'], (f) => evolveDelivery(f, event), 'DELIVERED');
    case 'DeliveryDemandServed':
      return whenIn(state, ['GRANTED'], (f) => evolveDelivery(f, event));
    case 'LandApprovalCertificateIssued':
      return whenIn(state, ['DELIVERED'], (f) => evolveDelivery(f, event), 'CERTIFIED');
    case 'SitePublicityPosted':
      return whenIn(state, SUPERVISED, (f) => evolveDelivery(f, event));
    case 'ConstructionStartDeclared':
    case 'ConstructionStartDeclarationRejected':
      return whenIn(state, NOT_STARTED, (f) => evolveConstruction(f, event));
    case 'ConstructionStartVerified':
      return whenIn(state, NOT_STARTED, (f) => evolveConstruction(f, event), 'STARTED');
    case 'CompletionDeclared':
    case 'CompletionDeclarationRejected':
      return whenIn(state, ['STARTED'], (f) => evolveConstruction(f, event));
    case 'CompletionVerified':
      return whenIn(state, ['STARTED'], (f) => evolveConstruction(f, event), 'COMPLETED');
    case 'SiteInspectionRecorded':
      return whenIn(state, SUPERVISED, (f) => evolveConstruction(f, event));
    case 'ExtensionRequested':
    case 'ExtensionRejected':
    case 'ExtensionApproved':
      return whenIn(state, LIVE, (f) => evolveExtension(f, event));
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
    case 'IdleLandPublished':
    case 'TemporaryUseEnded':
      return whenIn(state, SUPERVISED, (f) => evolvePublication(f, event));
    case 'IdleLandPublicationWithdrawn':
      // A recovered parcel's case is disposed of by the deregistration; its publication is withdrawn after.
      return whenIn(state, [...SUPERVISED, 'RECOVERED'], (f) => evolvePublication(f, event));
    case 'MarketTransactionOccurred':
    case 'MarketTransactionInfoEntered':
      return whenIn(state, SUPERVISED, (f) => evolveMarket(f, event));
    case 'LandTakenIntoReserve':
    case 'ReserveInfoEntered':
      return whenIn(state, ENDED, (f) => evolveMarket(f, event));
    case 'TrackingCardExtracted':
    case 'PatrolTaskAssigned':
    case 'SupplyRecordPrepared':
    case 'SupplyRecordFiled':
    case 'PaymentInfoRecorded':
    case 'DeclarationUploaded':
    case 'InspectionRecordHandedOver':
      return whenIn(state, SUPERVISED, (f) => evolveRecord(f, event));
    case 'SigningDeadlinePassed':
      if (state.status !== 'DEAL_CONCLUDED') return state;
      return { ...state, deal: withAlert(state.deal, event.type, event.data, id) };
    case 'SlaBreached':
    case 'PaymentReminderIssued':
    case 'PaymentOverdue':
    case 'TerminationEligible':
    case 'DeadlinePassed':
    case 'StartReminderIssued':
    case 'CompletionReminderIssued':
    case 'InspectionDue':
    case 'ExtensionWindowClosing':
    case 'IdleMaterialsDeadlinePassed':
    case 'DeclarationMissing':
    case 'RenewalWindowOpened':
      if (!isGranted(state)) return state;
      return { status: state.status, facts: withAlert(state.facts, event.type, event.data, id) };
    default: {
      const _never: never = event;
      return state;
    }
  }
};
