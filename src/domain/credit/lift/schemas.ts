/** §7.3, E7: request → provincial verification → MLR announcement → lifted. */
import { z } from 'zod';
import { id, text } from '../../schema/fields.js';
import type { Command } from '../../decider.js';

export const requestCreditEntryLiftSchema = z.object({ entryId: id, rectification: text });
export const verifyRectificationSchema = z.object({ entryId: id, documentNo: text });
export const liftCreditEntrySchema = z.object({ entryId: id, announcementRef: text });

export type RequestCreditEntryLift = Command<'RequestCreditEntryLift', z.output<typeof requestCreditEntryLiftSchema>>;
export type VerifyRectification = Command<'VerifyRectification', z.output<typeof verifyRectificationSchema>>;
export type LiftCreditEntry = Command<'LiftCreditEntry', z.output<typeof liftCreditEntrySchema>>;
