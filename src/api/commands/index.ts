/**
 * Every aggregate whose commands are served over HTTP, seen through what is the same for all of
 * them (paths, command tables, roles), with each one's typed route registration closed over.
 */
import type { FastifyInstance } from 'fastify';
import type { Command, DomainEvent } from '../../domain/decider.js';
import type { CommandSpec } from '../../domain/schema/command-spec.js';
import type { Role } from '../auth/roles.js';
import type { AggregateCommands, BodyTransform } from './aggregate.js';
import { registerCommandRoutes, type CommandRouteOptions } from './command-route.js';
import { announcementCommands } from './announcement-commands.js';
import { calendarCommands } from './calendar-commands.js';
import { creditCommands } from './credit-commands.js';
import { decisionCommands } from './decision-commands.js';
import { linkageCommands } from './linkage-commands.js';
import { commandRoute } from './kebab.js';
import { parcelCommands } from './parcel-commands.js';
import { reportObligationCommands } from './report-commands.js';

export interface ServedAggregate {
  readonly tag: string;
  readonly idParam: string;
  readonly specs: Readonly<Record<string, CommandSpec>>;
  readonly roles: Readonly<Record<string, readonly Role[]>>;
  readonly bodies: Readonly<Record<string, BodyTransform | undefined>>;
  /** The URL of one command for one target id. */
  path(type: string, id: string): string;
  register(app: FastifyInstance, options: CommandRouteOptions): void;
}

const served = <C extends Command, E extends DomainEvent, S>(
  aggregate: AggregateCommands<C, E, S>,
): ServedAggregate => ({
  tag: aggregate.tag,
  idParam: aggregate.idParam,
  specs: aggregate.specs,
  roles: aggregate.roles,
  bodies: aggregate.bodies ?? {},
  path: (type, id) => commandRoute(aggregate.basePath, type).replace(`:${aggregate.idParam}`, id),
  register: (app, options) => registerCommandRoutes(app, aggregate, options),
});

export const COMMAND_AGGREGATES: readonly ServedAggregate[] = [
  served(parcelCommands),
  served(decisionCommands),
  served(creditCommands),
  served(calendarCommands),
  served(linkageCommands),
  served(announcementCommands),
  served(reportObligationCommands),
];
