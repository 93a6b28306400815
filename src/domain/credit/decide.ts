/** Routes each command to its feature's decide. */
import { addEntry } from './entries/decide.js';
import { fail } from './errors.js';
import { lift, requestLift, verify } from './lift/decide.js';
import type { CreditArchiveState, CreditCommand, CreditEvent } from './types.js';

export const decide = (command: CreditCommand, state: CreditArchiveState): readonly CreditEvent[] => {
  switch (command.type) {
    case 'AddCreditEntry':
      return addEntry(command, state);
    case 'RequestCreditEntryLift':
      return requestLift(command, state);
    case 'VerifyRectification':
      return verify(command, state);
    case 'LiftCreditEntry':
      return lift(command, state);
    default: {
      const _never: never = command;
      return fail('UNKNOWN_COMMAND', `unknown command ${(_never as { type: string }).type}`);
    }
  }
};
