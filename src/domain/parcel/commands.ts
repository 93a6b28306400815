/**
 * Commands of the parcel aggregate (names from DOMAIN.md §15): one zod schema per command, in
 * its feature folder, collected here into `PARCEL_COMMANDS` (shaped like every aggregate's
 * table, see ../schema/command-spec.ts). `ParcelCommand` is derived from the table, so a
 * command is added in one place and the decider's exhaustive switch then demands its rule.
 *
 * Dates in `data` are ISO dates: the date written on the document, which may be entered days
 * later. `context.now` is the instant the command is recorded and gives "today" in
 * Asia/Shanghai for not-in-the-future and threshold checks.
 */
import type { CommandSpecs, DataOf } from '../schema/command-spec.js';
import type { Command } from '../decider.js';
import { CALENDAR_REVIEW_COMMANDS } from './calendar/commands.js';
import type { ReconcileCalendar } from './calendar/commands.js';
import { CONSTRUCTION_COMMANDS } from './construction/commands.js';
import { DELIVERY_COMMANDS } from './delivery/commands.js';
import { EXTENSION_COMMANDS } from './extension/commands.js';
import { GRANT_COMMANDS } from './grant/commands.js';
import { IDLE_COMMANDS } from './idle/command-specs.js';
import { PAYMENT_COMMANDS } from './payment/commands.js';
import { RECORD_COMMANDS } from './records/commands.js';
import { MARKET_COMMANDS } from './market/commands.js';
import type { FireTimer, FireTimers } from './supervision/commands.js';

export const PARCEL_COMMANDS = {
  ...GRANT_COMMANDS,
  ...PAYMENT_COMMANDS,
  ...DELIVERY_COMMANDS,
  ...CONSTRUCTION_COMMANDS,
  ...EXTENSION_COMMANDS,
  ...IDLE_COMMANDS,
  ...RECORD_COMMANDS,
  ...MARKET_COMMANDS,
  ...CALENDAR_REVIEW_COMMANDS,
} satisfies CommandSpecs;

type Specs = typeof PARCEL_COMMANDS;

export type ParcelCommandType = keyof Specs;

/** The commands of the API table (one route each). */
export type RoutedParcelCommand = { [K in ParcelCommandType]: Command<K, DataOf<Specs, K>> }[ParcelCommandType];

/**
 * Every command the decider takes: the routed ones plus the system's own (no route): the timer
 * poller's FireTimer and FireTimers, and the calendar reconciler's ReconcileCalendar.
 */
export type ParcelCommand = RoutedParcelCommand | FireTimer | FireTimers | ReconcileCalendar;

export type CommandOf<T extends ParcelCommandType> = Extract<ParcelCommand, { type: T }>;

export type { CommonGrantData } from './grant/commands.js';
