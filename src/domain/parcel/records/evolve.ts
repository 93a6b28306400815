/**
 * evolve for the record-keeping events (T02, T03, T05, T14, T15). Each sets its fact once, with
 * the store id of the event as the fact's anchor; a repeat or an event for an unknown payment
 * or inspection leaves the facts as they are.
 */
import type { EventOf } from '../events.js';
import type { Milestone, ParcelFacts } from '../state.js';

export type RecordEvent =
  | EventOf<'TrackingCardExtracted'>
  | EventOf<'PatrolTaskAssigned'>
  | EventOf<'SupplyRecordPrepared'>
  | EventOf<'SupplyRecordFiled'>
  | EventOf<'PaymentInfoRecorded'>
  | EventOf<'DeclarationUploaded'>
  | EventOf<'InspectionRecordHandedOver'>;

const upload = (milestone: Milestone, uploadedOn: string, id: string | null): Milestone =>
  milestone.verifiedOn === null || milestone.uploadedOn !== null
    ? milestone
    : { ...milestone, uploadedOn, uploadEventId: id };

export const evolveRecord = (facts: ParcelFacts, event: RecordEvent): ParcelFacts => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'TrackingCardExtracted':
      if (facts.trackingCardExtractedOn !== null) return facts;
      return { ...facts, trackingCardExtractedOn: event.data.extractedOn, trackingCardEventId: id };
    case 'PatrolTaskAssigned':
      if (facts.patrolTaskAssignedOn !== null) return facts;
      return { ...facts, patrolTaskAssignedOn: event.data.assignedOn, patrolTaskEventId: id };
    case 'SupplyRecordPrepared':
      // A correction replaces the draft; once filed, the record is what was filed.
      if (facts.supplyRecordFiledOn !== null) return facts;
      return { ...facts, supplyRecordDraft: event.data, supplyRecordDraftEventId: id };
    case 'SupplyRecordFiled':
      if (facts.supplyRecordFiledOn !== null) return facts;
      return {
        ...facts,
        supplyRecordFiledOn: event.data.filedOn,
        supplyRecordFilingRef: event.data.filingRef,
        supplyRecordEventId: id,
      };
    case 'PaymentInfoRecorded': {
      const { paymentId, recordedOn } = event.data;
      return {
        ...facts,
        payments: facts.payments.map((p) =>
          p.paymentId === paymentId && p.infoRecordedOn === null
            ? { ...p, infoRecordedOn: recordedOn, infoRecordedEventId: id }
            : p,
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
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
