/**
 * The pending extension request and, on approval, the new agreed dates with the change kept in
 * the schedule's history (T18 measures from the original dates, S0 §二(四) monitors the new ones).
 */
import type { EventOf } from '../events.js';
import type { ParcelFacts } from '../state.js';

export type ExtensionEvent =
  EventOf<'ExtensionRequested'> | EventOf<'ExtensionRejected'> | EventOf<'ExtensionApproved'>;

export const evolveExtension = (facts: ParcelFacts, event: ExtensionEvent): ParcelFacts => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'ExtensionRequested': {
      const { requestId, kind, requestedDate, requestedOn } = event.data;
      return facts.pendingExtension === null
        ? { ...facts, pendingExtension: { requestId, kind, requestedDate, requestedOn, eventId: id } }
        : facts;
    }
    case 'ExtensionRejected':
      return facts.pendingExtension?.requestId === event.data.requestId ? { ...facts, pendingExtension: null } : facts;
    case 'ExtensionApproved': {
      const d = event.data;
      if (facts.pendingExtension?.requestId !== d.requestId) return facts;
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
      const schedule = {
        ...facts.schedule,
        agreedStart: d.agreedStart,
        agreedCompletion: d.agreedCompletion,
        changes: [...facts.schedule.changes, change],
      };
      return { ...facts, pendingExtension: null, schedule };
    }
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
