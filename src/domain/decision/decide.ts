/** Routes each command to its feature's decide. */
import { concludeDeal } from './deal/decide.js';
import { fail } from './errors.js';
import { holdMeeting, recordOpinion } from './meeting/decide.js';
import type { DecisionOptions } from './options.js';
import { approveSupplyPlan } from './plan/decide.js';
import { submitProposal } from './pricing/decide-proposal.js';
import { decideReservePrice, discloseReservePrice } from './pricing/decide-reserve-price.js';
import { decideStartingPrice } from './pricing/decide-starting-price.js';
import type { DecisionCommand, DecisionEvent, DecisionState } from './types.js';

export const makeDecide =
  (options: DecisionOptions) =>
  (command: DecisionCommand, state: DecisionState): readonly DecisionEvent[] => {
    switch (command.type) {
      case 'HoldMeeting':
        return holdMeeting(command, state, options);
      case 'RecordOpinion':
        return recordOpinion(command, state);
      case 'SubmitReservePriceProposal':
        return submitProposal(command, state);
      case 'ApproveSupplyPlan':
        return approveSupplyPlan(command, state, options);
      case 'DecideReservePrice':
        return decideReservePrice(command, state, options);
      case 'DecideStartingPrice':
        return decideStartingPrice(command, state);
      case 'ConcludeDeal':
        return concludeDeal(command, state);
      case 'DiscloseReservePrice':
        return discloseReservePrice(command, state);
      default: {
        const _never: never = command;
        return fail('UNKNOWN_COMMAND', `unknown command ${(_never as { type: string }).type}`);
      }
    }
  };
