/**
 * Idle-land publication (T26: E1 Art 10, S0 §二(七)) and the end of a government temporary use
 * (T25: E1 Art 12(3)). Both may concern a case already closed, so they name the case.
 */
import { fail } from '../errors.js';
import type { CommandOf } from '../commands.js';
import type { ParcelEvent } from '../events.js';
import { LIVE, notBefore, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import { requireCase } from './require-case.js';
import type { IdleCase, ParcelFacts, ParcelState } from '../state.js';

/** The open case or a closed one with this id. */
const findCase = (facts: ParcelFacts, caseId: unknown, rule: string): IdleCase => {
  const found = [...facts.closedIdleCases, ...(facts.idleCase === null ? [] : [facts.idleCase])].find(
    (c) => c.caseId === caseId,
  );
  return found ?? fail('IDLE_CASE_NOT_FOUND', `No idle case ${String(caseId)}`, { field: 'caseId', rule });
};

const channelList = (value: unknown): string[] => {
  if (!Array.isArray(value) || value.length === 0)
    return fail('FIELD_REQUIRED', 'Name at least one publication channel', { field: 'channels', rule: 'T26' });
  return value.map((channel, i) => requireText(channel, `channels[${i}]`, 'FIELD_INVALID'));
};

/** T26: a confirmed case is published while its disposal runs. */
export const decidePublishIdleLand = (
  command: CommandOf<'PublishIdleLand'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, [...LIVE, 'COMPLETED']);
  const idle = requireCase(facts, command.type, ['CONFIRMED', 'FEE_LEVIED', 'FEE_PAID', 'RECOVERY_DECIDED']);
  if (idle.publishedOn !== null)
    fail('IDLE_LAND_ALREADY_PUBLISHED', `Idle case ${idle.caseId} was published on ${idle.publishedOn}`, {
      rule: 'T26',
    });
  const confirmedOn = idle.confirmedOn ?? idle.suspectedOn;
  const publishedOn = notBefore(
    pastDate(command.data.publishedOn, 'publishedOn', ctx.today),
    confirmedOn,
    'publishedOn',
    'the confirmation',
    'T26',
  );
  return [
    {
      type: 'IdleLandPublished',
      data: { caseId: idle.caseId, publishedOn, channels: channelList(command.data.channels) },
    },
  ];
};

/** T26: withdrawn once the disposal is completed (case closed, or the right deregistered). */
export const decideWithdrawIdleLandPublication = (
  command: CommandOf<'WithdrawIdleLandPublication'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, [...LIVE, 'COMPLETED', 'RECOVERED']);
  const idle = findCase(facts, command.data.caseId, 'T26');
  const completedOn = idle.closedOn;
  if (completedOn === null) {
    return fail('DISPOSAL_NOT_COMPLETED', `Idle case ${idle.caseId} is still being disposed of`, {
      field: 'caseId',
      rule: 'T26',
      caseStatus: idle.status,
    });
  }
  if (idle.publishedOn === null)
    return fail('IDLE_LAND_NOT_PUBLISHED', `Idle case ${idle.caseId} was never published`, {
      field: 'caseId',
      rule: 'T26',
    });
  if (idle.publicationWithdrawnOn !== null) {
    fail('PUBLICATION_ALREADY_WITHDRAWN', `The publication was withdrawn on ${idle.publicationWithdrawnOn}`, {
      field: 'caseId',
      rule: 'T26',
    });
  }
  const withdrawnOn = notBefore(
    pastDate(command.data.withdrawnOn, 'withdrawnOn', ctx.today),
    completedOn,
    'withdrawnOn',
    'the end of the disposal',
    'T26',
  );
  return [
    {
      type: 'IdleLandPublicationWithdrawn',
      data: { caseId: idle.caseId, withdrawnOn, disposalCompletedOn: completedOn },
    },
  ];
};

/** T25: the government hands the land back; a use beyond the 2-year limit is flagged. */
export const decideEndTemporaryUse = (
  command: CommandOf<'EndTemporaryUse'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, LIVE);
  const idle = findCase(facts, command.data.caseId, 'T25');
  const cause = idle.governmentCause;
  if (
    cause?.disposal !== 'TEMPORARY_USE' ||
    cause.temporaryUseStartedOn === null ||
    cause.temporaryUseEndsBy === null
  ) {
    return fail('NO_TEMPORARY_USE', `Idle case ${idle.caseId} has no temporary use`, { field: 'caseId', rule: 'T25' });
  }
  if (cause.temporaryUseEndedOn !== null) {
    fail('TEMPORARY_USE_ALREADY_ENDED', `The temporary use ended on ${cause.temporaryUseEndedOn}`, {
      field: 'caseId',
      rule: 'T25',
    });
  }
  const endedOn = notBefore(
    pastDate(command.data.endedOn, 'endedOn', ctx.today),
    cause.temporaryUseStartedOn,
    'endedOn',
    'the start of the temporary use',
    'T25',
  );
  const endsBy = cause.temporaryUseEndsBy;
  return [{ type: 'TemporaryUseEnded', data: { caseId: idle.caseId, endedOn, endsBy, late: endedOn > endsBy } }];
};
