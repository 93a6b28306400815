/**
 * The grantor's delivery (T09, §3.2, §6): the delivery confirmation with the grantor's late-
 * delivery damages, the grantee's delivery demand, and whether the grantee may terminate.
 */
import type { DateResult, IsoDate } from '../../calendar/index.js';
import { fail } from '../errors.js';
import { dateBy, PARCEL_DATES } from '../rules/dates.js';
import type { Policy } from '../../policy/index.js';
import type { CommandOf } from '../commands.js';
import { contractDamages, paidByFen } from '../contract-damages.js';
import type { ParcelEvent } from '../events.js';
import { days, notBefore, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import { versionsOf } from '../stamp.js';
import type { ParcelFacts, ParcelState } from '../state.js';

export const decideConfirmLandDelivery = (
  command: CommandOf<'ConfirmLandDelivery'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['GRANTED']);
  const deliveredOn = notBefore(
    pastDate(command.data.deliveredOn, 'deliveredOn', ctx.today),
    facts.grantedOn,
    'deliveredOn',
    'the grant',
  );
  const contractDeliveryDate = facts.terms.deliveryDate;
  // §6: from the day after the contract delivery date through the actual delivery.
  const daysLate = Math.max(0, days(contractDeliveryDate, deliveredOn));
  const base = facts.grantKind === 'TRANSFER' ? paidByFen(facts, deliveredOn) : null;
  return [
    {
      type: 'LandDeliveryConfirmed',
      data: {
        deliveredOn,
        confirmationNo: requireText(command.data.confirmationNo, 'confirmationNo'),
        contractDeliveryDate,
        daysLate,
        ...contractDamages(base, facts.terms.rates.grantorLateDeliveryRatePerDay, daysLate),
      },
    },
  ];
};

/** T09: the last day the grantee may not yet terminate; the right exists strictly after it. */
export const deliveryTerminationThreshold = (facts: ParcelFacts, policy: Policy): DateResult =>
  dateBy(PARCEL_DATES.deliveryTerminationThreshold, facts.terms.deliveryDate, policy);

export const decideServeDeliveryDemand = (
  command: CommandOf<'ServeDeliveryDemand'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ['GRANTED']);
  if (facts.grantKind !== 'TRANSFER') {
    fail('NOT_A_TRANSFER', 'Only a transfer contract gives the grantee a delivery demand', {
      grantKind: facts.grantKind,
      rule: 'T09',
    });
  }
  const { data } = command;
  const demandId = requireText(data.demandId, 'demandId');
  if (facts.deliveryDemands.some((d) => d.demandId === demandId)) {
    fail('DUPLICATE_DEMAND', `Demand ${demandId} is already recorded`, { field: 'demandId' });
  }
  const servedOn = notBefore(pastDate(data.servedOn, 'servedOn', ctx.today), facts.grantedOn, 'servedOn', 'the grant');
  const contractDeliveryDate = facts.terms.deliveryDate;
  if (servedOn <= contractDeliveryDate) {
    fail('NOT_OVERDUE', `The land is not late until after ${contractDeliveryDate}`, { field: 'servedOn', rule: 'T09' });
  }
  const policy = ctx.policyFor(facts.jurisdiction);
  const threshold = deliveryTerminationThreshold(facts, policy);
  return [
    {
      type: 'DeliveryDemandServed',
      data: {
        ...versionsOf(policy, threshold),
        demandId,
        servedOn,
        contractDeliveryDate,
        daysLate: days(contractDeliveryDate, servedOn),
        terminationThresholdDate: threshold.date,
      },
    },
  ];
};

export interface DeliveryTerminationRight {
  readonly allowed: boolean;
  /** Delivery date + 60 cd: the right exists only after this day. */
  readonly thresholdDate: IsoDate;
  /** The first demand served on or before `on`, if any. */
  readonly demandId: string | null;
}

/**
 * T09 (E3 [E~]): on `on`, may the grantee terminate because the land is still not delivered?
 * Needs a transfer contract, no delivery yet, more than 60 cd past the contract delivery date
 * and a delivery demand served. The grantor then returns double the deposit and the rest of the
 * price paid (§6).
 */
export const deliveryTerminationRight = (
  state: ParcelState,
  policy: Policy,
  on: IsoDate,
): DeliveryTerminationRight | null => {
  if (state.status !== 'GRANTED' || state.facts.grantKind !== 'TRANSFER') return null;
  const { facts } = state;
  const thresholdDate = deliveryTerminationThreshold(facts, policy).date;
  const demand = facts.deliveryDemands.find((d) => d.servedOn <= on);
  return { allowed: on > thresholdDate && demand !== undefined, thresholdDate, demandId: demand?.demandId ?? null };
};
