/**
 * Routes of linkage project areas: `POST /linkage-areas/{linkageId}/{command}` (DOMAIN.md §9). The
 * area's jurisdiction (a city or county) is set at its overall approval: the province's reviewers,
 * the city's or county's department and the ministry act within it.
 */
import {
  LINKAGE_COMMANDS,
  type LinkageCommand,
  type LinkageEvent,
  type LinkageState,
} from '../../domain/linkage/index.js';
import { handleLinkageCommand } from '../../eventstore/aggregate-handlers.js';
import { ownOrCreatingJurisdiction, type AggregateCommands } from './aggregate.js';
import { LINKAGE_ROLES } from './command-roles.js';

export const linkageCommands: AggregateCommands<LinkageCommand, LinkageEvent, LinkageState> = {
  tag: 'linkage project area commands',
  basePath: '/linkage-areas/:linkageId',
  idParam: 'linkageId',
  noun: 'linkage area',
  handler: handleLinkageCommand,
  specs: LINKAGE_COMMANDS,
  roles: LINKAGE_ROLES,
  jurisdictionOf: ownOrCreatingJurisdiction,
  // No land user takes part in a linkage area's filing.
  ownerOf: () => null,
};
