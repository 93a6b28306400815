/**
 * FireTimer: the timer poller's command (system only, not an API route). Its data is the stamp
 * the saga scheduled; the decider checks the timer is still wanted before it records the effect.
 */
import { z } from 'zod';
import { isoDate } from '../../schema/fields.js';
import type { Command } from '../../decider.js';

export const timerStampSchema = z.object({
  timerId: z.string().min(1).max(300),
  owner: z.string().min(1).max(200),
  rule: z.string().min(1).max(10),
  subject: z.string().max(200).nullable(),
  kind: z.string().max(20),
  description: z.string().max(500),
  dueDate: isoDate,
  fireOn: isoDate,
  dueAt: z.string(),
  anchorEventId: z.string().nullable(),
  anchorDate: isoDate,
  unit: z.string().max(10),
  policyVersion: z.string().max(50),
  calendarVersion: z.string().max(50),
  provisional: z.boolean(),
});

export const fireTimerSchema = z.object({ timer: timerStampSchema });

export type FireTimer = Command<'FireTimer', z.output<typeof fireTimerSchema>>;

/** Several due timers of one parcel at once (a backlog): one read, one append. */
export const fireTimersSchema = z.object({ timers: z.array(timerStampSchema).min(1).max(500) });

export type FireTimers = Command<'FireTimers', z.output<typeof fireTimersSchema>>;
