/**
 * Start and completion declarations, their verification or rejection, and site inspections in
 * the facts. The status moves (→ STARTED, → COMPLETED) are the root evolve's.
 */
import type { EventOf } from '../events.js';
import type { Milestone, ParcelFacts } from '../state.js';

/** A milestone with nothing declared yet (also after a rejected declaration). */
export const EMPTY_MILESTONE: Milestone = {
  declaredOn: null,
  declaredDate: null,
  declarationEventId: null,
  verifiedOn: null,
  verificationEventId: null,
  actualDate: null,
  uploadedOn: null,
  uploadEventId: null,
};

export type ConstructionEvent =
  | EventOf<'ConstructionStartDeclared'>
  | EventOf<'ConstructionStartDeclarationRejected'>
  | EventOf<'ConstructionStartVerified'>
  | EventOf<'CompletionDeclared'>
  | EventOf<'CompletionDeclarationRejected'>
  | EventOf<'CompletionVerified'>
  | EventOf<'SiteInspectionRecorded'>;

export const evolveConstruction = (facts: ParcelFacts, event: ConstructionEvent): ParcelFacts => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'ConstructionStartDeclared':
      return {
        ...facts,
        start: {
          ...EMPTY_MILESTONE,
          declaredOn: event.data.declaredOn,
          declaredDate: event.data.claimedDate,
          declarationEventId: id,
        },
      };
    case 'ConstructionStartDeclarationRejected':
      return { ...facts, start: EMPTY_MILESTONE };
    case 'ConstructionStartVerified':
      return {
        ...facts,
        start: {
          ...facts.start,
          verifiedOn: event.data.verifiedOn,
          verificationEventId: id,
          actualDate: event.data.actualDate,
        },
        // A start request becomes moot once construction has started.
        pendingExtension: facts.pendingExtension?.kind === 'START' ? null : facts.pendingExtension,
      };
    case 'CompletionDeclared':
      return {
        ...facts,
        completion: {
          ...EMPTY_MILESTONE,
          declaredOn: event.data.declaredOn,
          declaredDate: event.data.claimedDate,
          declarationEventId: id,
        },
      };
    case 'CompletionDeclarationRejected':
      return { ...facts, completion: EMPTY_MILESTONE };
    case 'CompletionVerified':
      return {
        ...facts,
        completion: {
          ...facts.completion,
          verifiedOn: event.data.verifiedOn,
          verificationEventId: id,
          actualDate: event.data.actualDate,
        },
        pendingExtension: null,
      };
    case 'SiteInspectionRecorded': {
      const { inspectionId, inspectedOn, kind } = event.data;
      return {
        ...facts,
        inspections: [
          ...facts.inspections,
          { inspectionId, inspectedOn, kind, eventId: id, handedOverOn: null, handOverEventId: null },
        ],
      };
    }
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
