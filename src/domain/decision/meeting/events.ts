import type { DomainEvent } from '../../decider.js';
import type { Attachment, HoldMeeting, RecordOpinion } from './schemas.js';

/** The meeting as minuted: the command's data, with the attachments always present. */
export type MeetingMinutes = Omit<HoldMeeting['data'], 'attachments'> & { readonly attachments: readonly Attachment[] };

export type Opinion = RecordOpinion['data'] & { readonly recordedAt: string };

export type CollectiveDecisionMeetingHeld = DomainEvent<'CollectiveDecisionMeetingHeld', MeetingMinutes>;
export type OpinionRecorded = DomainEvent<'OpinionRecorded', Opinion>;
