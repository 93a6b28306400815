/** §10.1, S4 §二/§七: the collective review meeting and the opinions voiced at it. */
import { z } from 'zod';
import { id, instant, jurisdiction, text } from '../../schema/fields.js';
import type { Command } from '../../decider.js';
import { department } from '../departments.js';

export const participantSchema = z.object({
  department,
  person: text,
  /** The person's role at the meeting, e.g. '主持', '分管副市长', '列席'. */
  role: text,
});

export const agendaSchema = z
  .object({ parcelIds: z.array(id).readonly(), supplyPlanIds: z.array(id).readonly() })
  .refine((agenda) => agenda.parcelIds.length > 0 || agenda.supplyPlanIds.length > 0, {
    message: 'the agenda names at least one parcel or supply plan',
  });

export const attachmentSchema = z.object({ documentNo: text, title: text });

export const holdMeetingSchema = z.object({
  decisionId: id,
  /** Selects the policy (§0.3), e.g. 'CN-JS-3201'. */
  jurisdiction,
  heldAt: instant,
  participants: z.array(participantSchema).min(1).readonly(),
  agenda: agendaSchema,
  /** Absent = none. */
  attachments: z.array(attachmentSchema).readonly().optional(),
  minutesNo: text,
});

export const STANCES = ['AGREE', 'DISAGREE', 'ABSTAIN', 'CONDITIONAL'] as const;

export const agendaItemSchema = z.object({ kind: z.enum(['PARCEL', 'SUPPLY_PLAN']), id });

export const recordOpinionSchema = z.object({
  person: text,
  department,
  item: agendaItemSchema,
  stance: z.enum(STANCES),
  text,
  /** When the opinion was voiced (the minutes' time), not when it is entered: at or after the meeting. */
  recordedAt: instant,
});

export type Participant = z.output<typeof participantSchema>;
export type Agenda = z.output<typeof agendaSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type AgendaItem = z.output<typeof agendaItemSchema>;
export type Stance = (typeof STANCES)[number];

export type HoldMeeting = Command<'HoldMeeting', z.output<typeof holdMeetingSchema>>;
export type RecordOpinion = Command<'RecordOpinion', z.output<typeof recordOpinionSchema>>;
