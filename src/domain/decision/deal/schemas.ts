/** S4 §九: the deal (成交) of a parcel of an approved plan. */
import { z } from 'zod';
import { id, instant, positiveFen, text } from '../../schema/fields.js';
import type { Command } from '../../decider.js';

export const winnerSchema = z.object({ landUserId: id, name: text });

export const concludeDealSchema = z.object({
  parcelId: id,
  winner: winnerSchema,
  dealPriceFen: positiveFen,
  /** The deal confirmation (成交确认书) or award notice number. */
  confirmationNo: text,
  /** The instant of the deal confirmation (成交确认书), not when it is entered. */
  concludedAt: instant,
});

export type Winner = z.output<typeof winnerSchema>;
export type ConcludeDeal = Command<'ConcludeDeal', z.output<typeof concludeDealSchema>>;
