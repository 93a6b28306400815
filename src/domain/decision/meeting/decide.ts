/** §10.1: the meeting is recorded once, with its participants and agenda; opinions follow it. */
import { instantMillis } from '../../instant.js';
import { DEPARTMENTS } from '../departments.js';
import { fail } from '../errors.js';
import { documentInstant, isBlank, requireMeeting, requireNotBefore } from '../guards.js';
import type { DecisionOptions } from '../options.js';
import type { DecisionEvent, DecisionState } from '../types.js';
import { STANCES, type HoldMeeting, type RecordOpinion } from './schemas.js';

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

export const holdMeeting = (
  command: HoldMeeting,
  state: DecisionState,
  options: DecisionOptions,
): readonly DecisionEvent[] => {
  const { data, context } = command;
  if (state.status !== 'NONE') fail('MEETING_ALREADY_HELD', 'this decision already has its meeting', { rule: '§10.1' });
  if (isBlank(data.decisionId)) fail('DECISION_ID_REQUIRED', 'decisionId is required', { field: 'decisionId' });
  const policy = options.policyFor(data.jurisdiction); // an unknown jurisdiction fails now, not at approval
  if (instantMillis(data.heldAt, 'heldAt') > instantMillis(context.now, 'context.now')) {
    fail('HELD_AT_IN_FUTURE', 'a meeting is recorded after it was held', { field: 'heldAt' });
  }
  data.participants.forEach((participant, i) => {
    if (!Object.hasOwn(DEPARTMENTS, participant.department)) {
      fail('UNKNOWN_DEPARTMENT', `unknown department '${participant.department}'`, {
        field: `participants[${i}].department`,
        rule: '§10.1',
      });
    }
    if (isBlank(participant.person) || isBlank(participant.role)) {
      fail('PARTICIPANT_INCOMPLETE', 'each participant needs a person and a role', {
        field: `participants[${i}]`,
        rule: '§10.1',
      });
    }
  });
  for (const department of options.requiredDepartments ?? policy.requiredDecisionDepartments) {
    if (!data.participants.some((participant) => participant.department === department)) {
      fail('REQUIRED_DEPARTMENT_ABSENT', `the meeting must include ${DEPARTMENTS[department]} (${department})`, {
        field: 'participants',
        rule: '§10.1',
        department,
        policyVersion: policy.version,
      });
    }
  }
  const agenda = { parcelIds: unique(data.agenda.parcelIds), supplyPlanIds: unique(data.agenda.supplyPlanIds) };
  if (agenda.parcelIds.length === 0 && agenda.supplyPlanIds.length === 0) {
    fail('AGENDA_EMPTY', 'the agenda must name at least one parcel or supply plan', { field: 'agenda', rule: '§10.1' });
  }
  if (isBlank(data.minutesNo)) {
    fail('MINUTES_NO_REQUIRED', 'the minutes (会议纪要) number is required', { field: 'minutesNo', rule: 'S4 §七' });
  }
  return [
    {
      type: 'CollectiveDecisionMeetingHeld',
      data: {
        decisionId: data.decisionId,
        jurisdiction: data.jurisdiction,
        heldAt: data.heldAt,
        participants: data.participants,
        agenda,
        attachments: data.attachments ?? [],
        minutesNo: data.minutesNo,
      },
    },
  ];
};

export const recordOpinion = (command: RecordOpinion, state: DecisionState): readonly DecisionEvent[] => {
  const { data, context } = command;
  const meeting = requireMeeting(state);
  const recordedAt = documentInstant(
    data.recordedAt,
    'recordedAt',
    context.now,
    'RECORDED_AT_IN_FUTURE',
    'an opinion is entered after it was voiced',
  );
  requireNotBefore(
    recordedAt,
    meeting.heldAt,
    'recordedAt',
    'RECORDED_AT_BEFORE_MEETING',
    'an opinion is voiced at or after the meeting',
    '§10.1',
  );
  if (!meeting.participants.some((p) => p.person === data.person && p.department === data.department)) {
    fail('NOT_A_PARTICIPANT', `${data.person} (${data.department}) did not take part in the meeting`, {
      field: 'person',
      rule: '§10.1',
    });
  }
  const onAgenda =
    data.item.kind === 'PARCEL'
      ? meeting.agenda.parcelIds.includes(data.item.id)
      : meeting.agenda.supplyPlanIds.includes(data.item.id);
  if (!onAgenda) {
    fail('NOT_ON_AGENDA', `${data.item.kind} '${data.item.id}' is not on the agenda`, { field: 'item', rule: '§10.1' });
  }
  if (!(STANCES as readonly string[]).includes(data.stance)) {
    fail('UNKNOWN_STANCE', `stance must be one of ${STANCES.join(', ')}`, { field: 'stance' });
  }
  if (isBlank(data.text))
    fail('OPINION_TEXT_REQUIRED', 'the opinion text is required', { field: 'text', rule: '§10.1' });
  return [
    {
      type: 'OpinionRecorded',
      data: {
        person: data.person,
        department: data.department,
        item: data.item,
        stance: data.stance,
        text: data.text,
        recordedAt: data.recordedAt,
      },
    },
  ];
};
