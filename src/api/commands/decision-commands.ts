/**
 * Routes of collective supply decisions: `POST /decisions/{decisionId}/{command}` (DOMAIN.md §10).
 * The reserve price travels in plain figures only inside this process: DecideReservePrice takes
 * `reservePriceFen` and the service seals it; DiscloseReservePrice names the parcel and the
 * publication instant, and the service unseals the stored value for the domain, which allows it
 * only after the deal (S4 §九).
 */
import { z } from 'zod';
import {
  DECISION_COMMANDS,
  type DecisionCommand,
  type DecisionEvent,
  type DecisionState,
  type SealedValue,
} from '../../domain/decision/index.js';
import { biddingStartRequired, decideReservePriceSchema } from '../../domain/decision/pricing/schemas.js';
import { commandSpec } from '../../domain/schema/command-spec.js';
import { id, instant, positiveFen } from '../../domain/schema/fields.js';
import { handleDecisionCommand } from '../../eventstore/aggregate-handlers.js';
import { HttpError } from '../http-error.js';
import { ownOrCreatingJurisdiction, type AggregateCommands, type BodyTransform } from './aggregate.js';
import { DECISION_ROLES } from './command-roles.js';

const decideSpec = DECISION_COMMANDS.DecideReservePrice;
const { sealed: _sealed, commitment: _commitment, ...decideExample } = decideSpec.example;

const { sealed: _s, commitment: _c, ...unsealedShape } = decideReservePriceSchema.shape;
const discloseExample = DECISION_COMMANDS.DiscloseReservePrice.example as { parcelId: string; disclosedAt: string };

const decideReservePrice: BodyTransform = {
  spec: commandSpec({
    // The domain's shape without what the service adds (zod keeps refined objects closed to omit()).
    schema: z
      .object({
        ...unsealedShape,
        reservePriceFen: positiveFen.describe(
          'The reserve price in fen; sealed by the service, never stored or shown in plain',
        ),
      })
      .refine(...biddingStartRequired),
    summary: decideSpec.summary,
    creates: false,
    example: { ...decideExample, reservePriceFen: DECISION_COMMANDS.DiscloseReservePrice.example.valueFen },
  }),
  toData: async ({ reservePriceFen, ...rest }, { deps }) => ({ ...rest, ...deps.sealer.seal(Number(reservePriceFen)) }),
};

const discloseReservePrice: BodyTransform = {
  spec: commandSpec({
    schema: z.object({ parcelId: id, disclosedAt: instant }),
    summary: DECISION_COMMANDS.DiscloseReservePrice.summary,
    creates: false,
    example: { parcelId: discloseExample.parcelId, disclosedAt: discloseExample.disclosedAt },
  }),
  toData: async ({ parcelId, disclosedAt }, { history, deps }) => {
    const decided = (await history()).findLast(
      (e) => e.type === 'ReservePriceDecided' && e.data['parcelId'] === parcelId,
    );
    if (decided === undefined) {
      throw new HttpError(409, 'RESERVE_PRICE_NOT_DECIDED', `No reserve price was decided for ${String(parcelId)}`, {
        field: 'body.parcelId',
        rule: 'T30',
      });
    }
    return { parcelId, disclosedAt, ...deps.sealer.unseal(decided.data['sealed'] as unknown as SealedValue) };
  },
};

export const decisionCommands: AggregateCommands<DecisionCommand, DecisionEvent, DecisionState> = {
  tag: 'collective decision commands',
  basePath: '/decisions/:decisionId',
  idParam: 'decisionId',
  noun: 'decision',
  handler: handleDecisionCommand,
  specs: DECISION_COMMANDS,
  roles: DECISION_ROLES,
  bodies: { DecideReservePrice: decideReservePrice, DiscloseReservePrice: discloseReservePrice },
  jurisdictionOf: ownOrCreatingJurisdiction,
  // No land user takes part in a collective decision.
  ownerOf: () => null,
};
