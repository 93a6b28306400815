import type { Decider } from '../decider.js';
import { decide } from './decide.js';
import { evolve, initialState } from './evolve.js';
import type { CreditArchiveState, CreditCommand, CreditEvent } from './types.js';

export * from './types.js';
export { CREDIT_COMMANDS } from './commands.js';
export { addCreditEntrySchema } from './entries/schemas.js';
export { requestCreditEntryLiftSchema, verifyRectificationSchema, liftCreditEntrySchema } from './lift/schemas.js';
export { CREDIT_ERRORS, type CreditErrorCode } from './errors.js';
export { creditEntryId } from './entry-id.js';
export { canBid, activeEntries, isEntryActiveAt } from './can-bid.js';
export type { BlockingEntry, BlockingReason, CanBidResult } from './can-bid.js';

/** Stream `credit-<landUserId>` (DOMAIN.md §7). */
export { creditStream } from '../streams.js';

export const creditDecider: Decider<CreditCommand, CreditEvent, CreditArchiveState> = {
  decide,
  evolve,
  initialState,
};
