/**
 * The credit archive saga (DOMAIN.md §7.1): each breach C1–C5 on a parcel lists its land user in
 * `credit-<landUserId>` with the event that proves it, and the bidding ban follows (canBid).
 * Lifting is never automatic: it stays the explicit, verified LiftCreditEntry path (§7.3).
 *
 * - C1 failed to sign in time: SupplyAborted (allowed only after the T01 deadline), the deal's winner.
 * - C2 no start/completion declaration by the agreed date: DeclarationMissing (timer C2).
 * - C3 did not start/complete as agreed: ConstructionStartVerified / CompletionVerified with
 *   `daysLate` > 0 (after the effective agreed date, net of approved extensions).
 * - C4 did not pay in time: PaymentOverdue (timer T07, first overdue day of an instalment).
 * - C5 holds idle land: IdleLandConfirmed (not for a government cause, which never confirms).
 *
 * Pure: the state is who the parcel's land user (or deal winner) is and its controlling shareholders.
 */
import { applyPeriod, shanghaiDate } from '../../domain/calendar/index.js';
import type { Period, Policy } from '../../domain/policy/index.js';
import { startOfShanghaiDay } from '../../domain/timers/index.js';
import type { CreditTrigger } from '../../domain/credit/index.js';
import { policyFor } from '../../domain/policy/index.js';
import { STREAM_CATEGORIES } from '../../domain/streams.js';
import type { RecordedEvent } from '../../eventstore/types.js';
import { noReaction, type Reaction, type Saga, type SagaCommand } from '../saga.js';

export interface CreditArchiveSagaState {
  readonly parcelId: string;
  readonly jurisdiction: string | null;
  readonly winnerId: string | null;
  readonly landUserId: string | null;
  readonly controllingShareholderIds: readonly string[];
}

const EVENT_TYPES = [
  'DealConfirmed',
  'TransferContractSigned',
  'AllocationDecisionIssued',
  'SupplyAborted',
  'DeclarationMissing',
  'ConstructionStartVerified',
  'CompletionVerified',
  'PaymentOverdue',
  'IdleLandConfirmed',
] as const;

const text = (data: Record<string, unknown>, key: string): string | null =>
  typeof data[key] === 'string' ? data[key] : null;

/** The trigger an event proves, if any, and the enforcement case it belongs to. */
const triggerOf = (event: RecordedEvent): { trigger: CreditTrigger; caseId: string | null } | null => {
  const { data } = event;
  switch (event.type) {
    case 'SupplyAborted':
      return { trigger: 'C1', caseId: null };
    case 'DeclarationMissing':
      return { trigger: 'C2', caseId: null };
    case 'ConstructionStartVerified':
    case 'CompletionVerified':
      return typeof data['daysLate'] === 'number' && data['daysLate'] > 0 ? { trigger: 'C3', caseId: null } : null;
    case 'PaymentOverdue':
      return { trigger: 'C4', caseId: null };
    case 'IdleLandConfirmed':
      return { trigger: 'C5', caseId: text(data, 'caseId') };
    default:
      return null;
  }
};

/**
 * A fixed-term ban (Q9, where a jurisdiction sets one) ends that long after the breach's day. The
 * terms are months or years (calendar arithmetic, no rolling), so the calendar is never consulted.
 */
const expiryOf = (event: RecordedEvent, term: Period, policy: Policy): string =>
  startOfShanghaiDay(applyPeriod(policy.calendar, shanghaiDate(event.metadata.occurredAt), term, 'after').date);

const entryCommand = (
  state: CreditArchiveSagaState,
  event: RecordedEvent,
  trigger: CreditTrigger,
  caseId: string | null,
): SagaCommand | null => {
  const landUserId = trigger === 'C1' ? state.winnerId : state.landUserId;
  if (landUserId === null) return null;
  const policy = state.jurisdiction === null ? null : policyFor(state.jurisdiction);
  const term = policy?.creditBanTerm ?? null;
  return {
    aggregate: 'credit',
    id: landUserId,
    command: {
      type: 'AddCreditEntry',
      data: {
        landUserId,
        trigger,
        evidenceRef: { parcelId: state.parcelId, eventId: event.id, caseId },
        controllingShareholderIds: trigger === 'C1' ? [] : [...state.controllingShareholderIds],
        reason: '',
        expiresAt: term === null || policy === null ? null : expiryOf(event, term, policy),
      },
    },
    idempotencyKey: `credit-archive:${event.id}`,
    causationId: event.id,
  };
};

const react = (state: CreditArchiveSagaState, event: RecordedEvent): Reaction<CreditArchiveSagaState> => {
  const { data } = event;
  switch (event.type) {
    case 'DealConfirmed':
      return noReaction({ ...state, winnerId: text(data, 'winnerId'), jurisdiction: text(data, 'jurisdiction') });
    case 'TransferContractSigned':
    case 'AllocationDecisionIssued': {
      const terms = (data['terms'] ?? {}) as Record<string, unknown>;
      const shareholders = Array.isArray(terms['controllingShareholderIds'])
        ? (terms['controllingShareholderIds'] as string[])
        : [];
      return noReaction({
        ...state,
        jurisdiction: text(data, 'jurisdiction'),
        landUserId: text(terms, 'landUserId'),
        controllingShareholderIds: shareholders,
      });
    }
    default: {
      const found = triggerOf(event);
      const command = found === null ? null : entryCommand(state, event, found.trigger, found.caseId);
      return command === null ? noReaction(state) : { state, timers: [], commands: [command] };
    }
  }
};

export const creditArchiveSaga: Saga<CreditArchiveSagaState> = {
  name: 'credit-archive',
  version: 1,
  eventTypes: EVENT_TYPES,
  keyOf: (event) =>
    event.stream.startsWith(STREAM_CATEGORIES.parcel) ? event.stream.slice(STREAM_CATEGORIES.parcel.length) : null,
  initialState: (parcelId) => ({
    parcelId,
    jurisdiction: null,
    winnerId: null,
    landUserId: null,
    controllingShareholderIds: [],
  }),
  react,
};
