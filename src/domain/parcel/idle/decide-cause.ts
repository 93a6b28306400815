/**
 * Government-caused idleness (E1 Art 8 causes, Art 12 disposal options; §5.2, §5.3): no fee,
 * no recovery; the case is disposed of, possibly with re-agreed start/completion dates.
 */
import { addCalendarDays } from '../../calendar/index.js';
import type { DateResult, IsoDate } from '../../calendar/index.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { CommandOf } from '../commands.js';
import { versionsOf } from '../stamp.js';
import type { ParcelEvent } from '../events.js';
import {
  days,
  LIVE,
  NOT_STARTED,
  notBefore,
  oneOf,
  optionalDate,
  pastDate,
  requireDate,
  requireStatus,
  requireText,
  type DecideContext,
} from '../guards.js';
import { requireCase } from './require-case.js';
import { GOVERNMENT_CAUSE_DISPOSALS, GOVERNMENT_CAUSES } from '../state.js';
import type { ParcelFacts, ParcelState } from '../state.js';

interface NewDates {
  readonly agreedStart: IsoDate | null;
  readonly agreedCompletion: IsoDate | null;
  /** The completion when it was computed (shifted with the start), for the event's stamp. */
  readonly computed: DateResult | null;
}

/**
 * Re-agreed dates. E1 Art 12(1) limits an extension to one year; read here as: the new start
 * is at most `govCauseExtensionMax` after the supplementary agreement (the old start already
 * lies more than a year in the past when a case is opened). Completion shifts with the start
 * when not given (E3).
 */
const newDates = (
  command: CommandOf<'AcceptGovernmentCause'>,
  facts: ParcelFacts,
  started: boolean,
  limit: IsoDate,
): NewDates => {
  const { data } = command;
  const start = optionalDate(data.newAgreedStart, 'newAgreedStart');
  const completion = optionalDate(data.newAgreedCompletion, 'newAgreedCompletion');
  const forbidden = data.disposal === 'PAID_RECOVERY' || started;
  if (forbidden && (start !== null || completion !== null)) {
    fail('FIELD_NOT_ALLOWED', 'New start dates do not apply to this disposal', {
      field: 'newAgreedStart',
      rule: 'E1 Art 12',
    });
  }
  if (start === null) {
    if (data.disposal === 'EXTEND_START')
      fail('FIELD_REQUIRED', 'An extension needs the new agreed start', {
        field: 'newAgreedStart',
        rule: 'E1 Art 12(1)',
      });
    if (completion !== null)
      fail('FIELD_NOT_ALLOWED', 'A new completion needs a new start', { field: 'newAgreedCompletion' });
    return { agreedStart: null, agreedCompletion: null, computed: null };
  }
  const { agreedStart, agreedCompletion } = facts.schedule;
  if (start <= agreedStart)
    fail('EXTENSION_NOT_LATER', `The new start must be after ${agreedStart}`, { field: 'newAgreedStart' });
  if (data.disposal === 'EXTEND_START' && start > limit) {
    fail('GOV_CAUSE_EXTENSION_TOO_LONG', `The new start may not be later than ${limit}`, {
      field: 'newAgreedStart',
      rule: 'E1 Art 12(1)',
      limit,
    });
  }
  const computed = completion === null ? addCalendarDays(agreedCompletion, days(agreedStart, start)) : null;
  const end = completion ?? computed?.date ?? agreedCompletion;
  if (end < start)
    fail('COMPLETION_BEFORE_START', 'The new completion is before the new start', {
      field: 'newAgreedCompletion',
      rule: 'V13',
    });
  return { agreedStart: start, agreedCompletion: end, computed };
};

export const decideAcceptGovernmentCause = (
  command: CommandOf<'AcceptGovernmentCause'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const granted = requireStatus(state, command.type, LIVE);
  const { facts } = granted;
  const idle = requireCase(facts, command.type, ['UNDER_INVESTIGATION']);
  // §5.2: the holder has to put the cause forward in its materials.
  if (idle.materialsSubmittedOn === null)
    return fail('MATERIALS_NOT_SUBMITTED', 'The holder has not submitted cause materials', { rule: '§5.2' });
  const { data } = command;
  const policy = ctx.policyFor(facts.jurisdiction);
  const acceptedOn = notBefore(
    pastDate(data.acceptedOn, 'acceptedOn', ctx.today),
    idle.materialsSubmittedOn,
    'acceptedOn',
    'the materials',
  );
  const cause = oneOf(data.cause, GOVERNMENT_CAUSES, 'cause', 'GOVERNMENT_CAUSE_INVALID', 'E1 Art 8');
  const disposal = oneOf(data.disposal, GOVERNMENT_CAUSE_DISPOSALS, 'disposal', 'DISPOSAL_INVALID', 'E1 Art 12');
  const started = !(NOT_STARTED as readonly string[]).includes(granted.status);
  const limit = dateBy(PARCEL_DATES.govCauseExtensionLimit, acceptedOn, policy).date;
  const dates = newDates(command, facts, started, limit);
  let temporaryUseStartedOn: IsoDate | null = null;
  let temporaryUseEnd: DateResult | null = null;
  if (disposal === 'TEMPORARY_USE') {
    temporaryUseStartedOn = requireDate(data.temporaryUseStartedOn, 'temporaryUseStartedOn');
    temporaryUseEnd = dateBy(PARCEL_DATES.temporaryUseEndsBy, temporaryUseStartedOn, policy);
  } else if (data.temporaryUseStartedOn !== undefined) {
    fail('FIELD_NOT_ALLOWED', 'Only temporary use has a temporary-use start', { field: 'temporaryUseStartedOn' });
  }
  return [
    {
      type: 'GovernmentCauseAccepted',
      data: {
        ...versionsOf(policy, dates.computed, temporaryUseEnd),
        caseId: idle.caseId,
        acceptedOn,
        cause,
        disposal,
        agreementRef: requireText(data.agreementRef, 'agreementRef'),
        previousStart: facts.schedule.agreedStart,
        previousCompletion: facts.schedule.agreedCompletion,
        agreedStart: dates.agreedStart,
        agreedCompletion: dates.agreedCompletion,
        temporaryUseStartedOn,
        temporaryUseEndsBy: temporaryUseEnd?.date ?? null,
      },
    },
  ];
};
