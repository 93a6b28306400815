/** Every aggregate whose commands are served over HTTP. */
import type { AggregateCommands } from './aggregate.js';
import { creditCommands } from './credit-commands.js';
import { decisionCommands } from './decision-commands.js';
import { parcelCommands } from './parcel-commands.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list of aggregates
export const COMMAND_AGGREGATES: readonly AggregateCommands<any, any, any>[] = [
  parcelCommands,
  decisionCommands,
  creditCommands,
];
