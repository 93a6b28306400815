import type { DomainEvent } from '../../decider.js';
import type { Fen } from '../../money.js';
import type {
  DecideReservePrice,
  DecideStartingPrice,
  DiscloseReservePrice,
  GroupMember,
  PriceProposal,
  ReservePriceTiming,
} from './schemas.js';

export type ReservePriceProposalSubmitted = DomainEvent<'ReservePriceProposalSubmitted', PriceProposal>;
/** Carries the sealed value and a commitment, never the plaintext (S4 §六). */
export type ReservePriceDecided = DomainEvent<
  'ReservePriceDecided',
  DecideReservePrice['data'] & { readonly policyVersion: string }
>;
export type StartingPriceDecided = DomainEvent<
  'StartingPriceDecided',
  DecideStartingPrice['data'] & { readonly decidedAt: string }
>;
/** S4 §九 成交后底价公示: the plaintext appears here and nowhere earlier. */
export type ReservePriceDisclosed = DomainEvent<
  'ReservePriceDisclosed',
  DiscloseReservePrice['data'] & { readonly disclosedAt: string; readonly reserveMet: boolean }
>;

// ---- what state keeps of them ----
type ReservePriceBase = {
  readonly decidedAt: string;
  readonly timing: ReservePriceTiming;
  readonly biddingStartsAt: string | null;
  readonly groupMembers: readonly GroupMember[];
  readonly proposalId: string;
  readonly commitment: string;
  readonly keyId: string;
};

/**
 * S4 §六, §九: no plaintext until disclosed after the deal. The ciphertext stays in the
 * event only; state keeps what disclosure needs (the commitment) and nothing else.
 */
export type ReservePrice =
  | (ReservePriceBase & { readonly status: 'SEALED' })
  | (ReservePriceBase & {
      readonly status: 'DISCLOSED';
      readonly valueFen: Fen;
      readonly disclosedAt: string;
      readonly reserveMet: boolean;
    });

export type StartingPrice = { readonly startingPriceFen: Fen; readonly decidedAt: string; readonly proposalId: string };
