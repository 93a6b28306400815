/**
 * The idle-land case inside the parcel facts (§3.4, §5). Each event applies only to the case
 * status it follows from; anything else leaves the facts unchanged.
 */
import type { EventOf } from '../events.js';
import { isLive } from '../state.js';
import type { IdleCase, IdleCaseStatus, ParcelFacts, ParcelState } from '../state.js';

export type IdleEvent =
  | EventOf<'IdleSuspected'>
  | EventOf<'IdleInvestigationNoticeServed'>
  | EventOf<'IdleMaterialsSubmitted'>
  | EventOf<'GovernmentCauseAccepted'>
  | EventOf<'IdleLandConfirmed'>
  | EventOf<'IdleFeeDecisionIssued'>
  | EventOf<'IdleFeePaid'>
  | EventOf<'RecoveryDecisionIssued'>
  | EventOf<'IdleCaseClosed'>;

const openCase = (event: EventOf<'IdleSuspected'>): IdleCase => ({
  caseId: event.data.caseId,
  status: 'SUSPECTED',
  type: event.data.type,
  suspectedOn: event.data.suspectedOn,
  suspectedEventId: event.id ?? null,
  thresholdDate: event.data.thresholdDate,
  haltedSince: event.data.evidence?.haltedSince ?? null,
  noticeServedOn: null,
  noticeEventId: null,
  materialsDueDate: null,
  materialsSubmittedOn: null,
  governmentCause: null,
  confirmedOn: null,
  idleSince: null,
  confirmationEventId: null,
  feeDecision: null,
  feePaidOn: null,
  recoveryDecision: null,
  deregisteredOn: null,
  deregistrationEventId: null,
  closedOn: null,
  closedEventId: null,
  publishedOn: null,
  publicationEventId: null,
  publicationWithdrawnOn: null,
  publicationWithdrawalEventId: null,
});

const update = (
  facts: ParcelFacts,
  caseId: string,
  from: readonly IdleCaseStatus[],
  change: (c: IdleCase) => IdleCase,
): ParcelFacts => {
  const current = facts.idleCase;
  if (current === null || current.caseId !== caseId || !from.includes(current.status)) return facts;
  return { ...facts, idleCase: change(current) };
};

export const evolveIdle = (facts: ParcelFacts, event: IdleEvent): ParcelFacts => {
  switch (event.type) {
    case 'IdleSuspected':
      return facts.idleCase === null ? { ...facts, idleCase: openCase(event) } : facts;
    case 'IdleInvestigationNoticeServed':
      return update(facts, event.data.caseId, ['SUSPECTED'], (c) => ({
        ...c,
        status: 'UNDER_INVESTIGATION',
        noticeServedOn: event.data.servedOn,
        noticeEventId: event.id ?? null,
        materialsDueDate: event.data.materialsDueDate,
      }));
    case 'IdleMaterialsSubmitted':
      return update(facts, event.data.caseId, ['UNDER_INVESTIGATION'], (c) => ({
        ...c,
        materialsSubmittedOn: event.data.submittedOn,
      }));
    case 'GovernmentCauseAccepted': {
      const next = update(facts, event.data.caseId, ['UNDER_INVESTIGATION'], (c) => ({
        ...c,
        status: 'GOV_CAUSED',
        governmentCause: {
          cause: event.data.cause,
          disposal: event.data.disposal,
          acceptedOn: event.data.acceptedOn,
          temporaryUseStartedOn: event.data.temporaryUseStartedOn,
          temporaryUseEndsBy: event.data.temporaryUseEndsBy,
          temporaryUseEndedOn: null,
          temporaryUseEndEventId: null,
          eventId: event.id ?? null,
        },
      }));
      const { agreedStart, agreedCompletion } = event.data;
      if (next === facts || agreedStart === null || agreedCompletion === null) return next;
      // The start clock re-runs from the re-agreed dates (§5.3); history keeps the old ones.
      const schedule = next.schedule;
      return {
        ...next,
        schedule: {
          ...schedule,
          agreedStart,
          agreedCompletion,
          changes: [
            ...schedule.changes,
            {
              source: 'GOVERNMENT_CAUSE',
              reference: event.data.caseId,
              kind: 'START',
              changedOn: event.data.acceptedOn,
              previousStart: schedule.agreedStart,
              previousCompletion: schedule.agreedCompletion,
              agreedStart,
              agreedCompletion,
              eventId: event.id ?? null,
            },
          ],
        },
      };
    }
    case 'IdleLandConfirmed':
      return update(facts, event.data.caseId, ['UNDER_INVESTIGATION'], (c) => ({
        ...c,
        status: 'CONFIRMED',
        confirmedOn: event.data.confirmedOn,
        idleSince: event.data.idleSince,
        confirmationEventId: event.id ?? null,
      }));
    case 'IdleFeeDecisionIssued':
      return update(facts, event.data.caseId, ['CONFIRMED'], (c) => ({
        ...c,
        status: 'FEE_LEVIED',
        feeDecision: {
          feeFen: event.data.feeFen,
          servedOn: event.data.servedOn,
          payBy: event.data.payBy,
          eventId: event.id ?? null,
        },
      }));
    case 'IdleFeePaid':
      return update(facts, event.data.caseId, ['FEE_LEVIED'], (c) => ({
        ...c,
        status: 'FEE_PAID',
        feePaidOn: event.data.paidOn,
      }));
    case 'RecoveryDecisionIssued':
      return update(facts, event.data.caseId, ['CONFIRMED', 'FEE_LEVIED', 'FEE_PAID'], (c) => ({
        ...c,
        status: 'RECOVERY_DECIDED',
        recoveryDecision: {
          servedOn: event.data.servedOn,
          deregisterBy: event.data.deregisterBy,
          eventId: event.id ?? null,
        },
      }));
    case 'IdleCaseClosed': {
      const closable: readonly IdleCaseStatus[] = ['SUSPECTED', 'UNDER_INVESTIGATION', 'GOV_CAUSED', 'FEE_PAID'];
      const next = update(facts, event.data.caseId, closable, (c) => ({
        ...c,
        status: 'CLOSED',
        closedOn: event.data.closedOn,
        closedEventId: event.id ?? null,
      }));
      if (next === facts || next.idleCase === null) return facts;
      return { ...next, idleCase: null, closedIdleCases: [...next.closedIdleCases, next.idleCase] };
    }
    default: {
      const _never: never = event;
      return facts;
    }
  }
};

/** T24: deregistration after a recovery decision ends the parcel (RECOVERED) and completes the disposal. */
export const evolveDeregistration = (state: ParcelState, event: EventOf<'RightDeregistered'>): ParcelState => {
  if (!isLive(state)) return state;
  const idle = state.facts.idleCase;
  if (idle?.caseId !== event.data.caseId || idle.status !== 'RECOVERY_DECIDED') return state;
  const id = event.id ?? null;
  const { deregisteredOn } = event.data;
  return {
    status: 'RECOVERED',
    facts: {
      ...state.facts,
      idleCase: {
        ...idle,
        status: 'DEREGISTERED',
        deregisteredOn,
        deregistrationEventId: id,
        closedOn: deregisteredOn,
        closedEventId: id,
      },
    },
  };
};
