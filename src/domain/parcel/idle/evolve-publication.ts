/**
 * The idle-land publication (T26) and the end of a government temporary use (T25). Both may
 * concern a case already closed, so they find the case by id among the open and closed ones.
 */
import type { EventOf } from '../events.js';
import type { IdleCase, ParcelFacts } from '../state.js';

export type PublicationEvent =
  EventOf<'IdleLandPublished'> | EventOf<'IdleLandPublicationWithdrawn'> | EventOf<'TemporaryUseEnded'>;

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
  return next === null
    ? facts
    : { ...facts, closedIdleCases: facts.closedIdleCases.map((c, i) => (i === index ? next : c)) };
};

export const evolvePublication = (facts: ParcelFacts, event: PublicationEvent): ParcelFacts => {
  const id = event.id ?? null;
  switch (event.type) {
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
        return {
          ...c,
          governmentCause: { ...cause, temporaryUseEndedOn: event.data.endedOn, temporaryUseEndEventId: id },
        };
      });
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
