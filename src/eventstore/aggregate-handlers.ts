/**
 * The command handler bound to each aggregate: its decider and its stream naming, so that a
 * caller (the API's route factory, later the sagas and timers) says only which aggregate id and
 * which command: `handleParcelCommand({ store, id, command, envelope, clock })`.
 */
import { creditDecider } from '../domain/credit/index.js';
import type { Command, Decider, DomainEvent } from '../domain/decider.js';
import { decisionDecider } from '../domain/decision/index.js';
import { parcelDecider } from '../domain/parcel/index.js';
import { creditStream, decisionStream, parcelStream, timersStream } from '../domain/streams.js';
import { timersDecider } from '../domain/timers/index.js';
import { handleCommand, type HandleCommandOptions, type HandleCommandResult } from './command-handler.js';

export type BoundOptions<C extends Command, E extends DomainEvent, S> = Omit<
  HandleCommandOptions<C, E, S>,
  'stream' | 'decider'
> & { readonly id: string };

export interface BoundCommandHandler<C extends Command, E extends DomainEvent, S> {
  readonly decider: Decider<C, E, S>;
  readonly stream: (id: string) => string;
  (options: BoundOptions<C, E, S>): Promise<HandleCommandResult<S>>;
}

export const bindCommandHandler = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  stream: (id: string) => string,
): BoundCommandHandler<C, E, S> =>
  Object.assign(
    ({ id, ...options }: BoundOptions<C, E, S>) => handleCommand({ ...options, decider, stream: stream(id) }),
    { decider, stream },
  );

export const handleParcelCommand = bindCommandHandler(parcelDecider, parcelStream);
export const handleDecisionCommand = bindCommandHandler(decisionDecider, decisionStream);
export const handleCreditCommand = bindCommandHandler(creditDecider, creditStream);
export const handleTimersCommand = bindCommandHandler(timersDecider, timersStream);
