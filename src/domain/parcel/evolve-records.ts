/**
 * evolve for the record-keeping events (T02, T03, T05, T09, T14, T15, T25, T26). Each sets its
 * fact once, with the store id of the event as the fact's anchor; a repeat or an event for an
 * unknown payment, inspection or case leaves the facts as they are.
 */
import type { EventOf } from './events.js';
import type { IdleCase, Milestone, ParcelFacts } from './state.js';

export type RecordEvent =
  | EventOf<'TrackingCardExtracted'>
  | EventOf<'PatrolTaskAssigned'>
  | EventOf<'SupplyRecordFiled'>
  | EventOf<'PaymentInfoRecorded'>
  | EventOf<'DeclarationUploaded'>
  | EventOf<'InspectionRecordHandedOver'>
  | EventOf<'DeliveryDemandServed'>
  | EventOf<'IdleLandPublished'>
  | EventOf<'IdleLandPublicationWithdrawn'>
  | EventOf<'TemporaryUseEnded'>;

/** Applies `change` to the case with this id, open or closed; `null` from `change` = no change. */
const updateCase = (facts: ParcelFacts, caseId: string, change: (c: IdleCase) => IdleCase | null): ParcelFacts => {
  const open = facts.idleCase;
  if (open?.caseId === caseId) {
    const next = change(open);
    return next === null ? facts : { ...facts, idleCase: next };
  }
  const index = facts.closedIdleCases.findIndex((c) => c.caseId === caseId);
  const closed = facts.closedIdleCases[index];
  if (closed === undefined) return facts;
  const next = change(closed);
  return next === null ? facts : { ...facts, closedIdleCases: facts.closedIdleCases.map((c, i) => (i === index ? next : c)) };
};

const upload = (milestone: Milestone, uploadedOn: string, id: string | null): Milestone =>
  milestone.verifiedOn === null || milestone.uploadedOn !== null ? milestone : { ...milestone, uploadedOn, uploadEventId: id };

export const evolveRecord = (facts: ParcelFacts, event: RecordEvent): ParcelFacts => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'TrackingCardExtracted':
      if (facts.trackingCardExtractedOn !== null) return facts;
      return { ...facts, trackingCardExtractedOn: event.data.extractedOn, trackingCardEventId: id };
    case 'PatrolTaskAssigned':
      if (facts.patrolTaskAssignedOn !== null) return facts;
      return { ...facts, patrolTaskAssignedOn: event.data.assignedOn, patrolTaskEventId: id };
    case 'SupplyRecordFiled':
      if (facts.supplyRecordFiledOn !== null) return facts;
      return { ...facts, supplyRecordFiledOn: event.data.filedOn, supplyRecordFilingRef: event.data.filingRef, supplyRecordEventId: id };
    case 'PaymentInfoRecorded': {
      const { paymentId, recordedOn } = event.data;
      return {
        ...facts,
        payments: facts.payments.map((p) =>
          p.paymentId === paymentId && p.infoRecordedOn === null ? { ...p, infoRecordedOn: recordedOn, infoRecordedEventId: id } : p,
        ),
      };
    }
    case 'DeclarationUploaded':
      return event.data.kind === 'START'
        ? { ...facts, start: upload(facts.start, event.data.uploadedOn, id) }
        : { ...facts, completion: upload(facts.completion, event.data.uploadedOn, id) };
    case 'InspectionRecordHandedOver': {
      const { inspectionId, handedOverOn } = event.data;
      return {
        ...facts,
        inspections: facts.inspections.map((i) =>
          i.inspectionId === inspectionId && i.handedOverOn === null ? { ...i, handedOverOn, handOverEventId: id } : i,
        ),
      };
    }
    case 'DeliveryDemandServed': {
      const { demandId, servedOn } = event.data;
      if (facts.deliveryDemands.some((d) => d.demandId === demandId)) return facts;
      return { ...facts, deliveryDemands: [...facts.deliveryDemands, { demandId, servedOn, eventId: id }] };
    }
    case 'IdleLandPublished':
      // Only the open case is published (a closed case's disposal is over).
      if (facts.idleCase?.caseId !== event.data.caseId) return facts;
      return updateCase(facts, event.data.caseId, (c) =>
        c.publishedOn === null ? { ...c, publishedOn: event.data.publishedOn, publicationEventId: id } : null,
      );
    case 'IdleLandPublicationWithdrawn':
      return updateCase(facts, event.data.caseId, (c) =>
        c.publishedOn !== null && c.publicationWithdrawnOn === null
          ? { ...c, publicationWithdrawnOn: event.data.withdrawnOn, publicationWithdrawalEventId: id }
          : null,
      );
    case 'TemporaryUseEnded':
      return updateCase(facts, event.data.caseId, (c) => {
        const cause = c.governmentCause;
        if (cause === null || cause.temporaryUseStartedOn === null || cause.temporaryUseEndedOn !== null) return null;
        return { ...c, governmentCause: { ...cause, temporaryUseEndedOn: event.data.endedOn, temporaryUseEndEventId: id } };
      });
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
