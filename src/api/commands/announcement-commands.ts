/**
 * Routes of supply announcements: `POST /announcements/{announcementId}/{command}` (DOMAIN.md §4
 * T31, T32, T38). The announcement's jurisdiction (a city or county) is set when it is published;
 * the city's or county's department publishes and records within it.
 */
import {
  ANNOUNCEMENT_COMMANDS,
  type AnnouncementCommand,
  type AnnouncementEvent,
  type AnnouncementState,
} from '../../domain/announcement/index.js';
import { handleAnnouncementCommand } from '../../eventstore/aggregate-handlers.js';
import { ownOrCreatingJurisdiction, type AggregateCommands } from './aggregate.js';
import { ANNOUNCEMENT_ROLES } from './command-roles.js';

export const announcementCommands: AggregateCommands<AnnouncementCommand, AnnouncementEvent, AnnouncementState> = {
  tag: 'supply announcement commands',
  basePath: '/announcements/:announcementId',
  idParam: 'announcementId',
  noun: 'announcement',
  handler: handleAnnouncementCommand,
  specs: ANNOUNCEMENT_COMMANDS,
  roles: ANNOUNCEMENT_ROLES,
  jurisdictionOf: ownOrCreatingJurisdiction,
  // The winner is named in a result but does not act on the announcement.
  ownerOf: () => null,
};
