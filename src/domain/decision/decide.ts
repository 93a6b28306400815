import { fail } from '../errors.js';
import { approveSupplyPlan } from './approve-plan.js';
import { holdMeeting, recordOpinion, submitProposal } from './decide-meeting.js';
import { concludeDeal, decideStartingPrice } from './decide-deal.js';
import { decideReservePrice, discloseReservePrice } from './decide-reserve-price.js';
import type { DecisionOptions } from './options.js';
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
