/**
 * T28: a market transaction is recorded when it takes effect (not before the grant, not in the
 * future, one record per id) and its information entered once, stamped with the 7-wd SLA; a late
 * entry is recorded and flagged, never refused (as the other SLA acts, ../records/decide.ts).
 */
import { fail } from '../errors.js';
import type { CommandOf } from '../commands.js';
import type { ParcelEvent } from '../events.js';
import { LIVE, notBefore, pastDate, requireStatus, requireText, type DecideContext } from '../guards.js';
import { PARCEL_DATES } from '../rules/dates.js';
import type { ParcelState } from '../state.js';
import { actDone, type SlaRule } from '../records/decide.js';

const SUPERVISED = [...LIVE, 'COMPLETED'] as const;
const T28: SlaRule = { rule: 'T28', after: 'the transaction', due: PARCEL_DATES.marketInfoDue };

export const decideRecordMarketTransaction = (
  command: CommandOf<'RecordMarketTransaction'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  const { data } = command;
  if (facts.marketTransactions.some((m) => m.transactionId === data.transactionId)) {
    fail('MARKET_TRANSACTION_EXISTS', `Transaction ${data.transactionId} is already recorded`, {
      field: 'transactionId',
      rule: 'T28',
    });
  }
  const occurredOn = notBefore(
    pastDate(data.occurredOn, 'occurredOn', ctx.today),
    facts.grantedOn,
    'occurredOn',
    'the grant',
    'T28',
  );
  return [
    {
      type: 'MarketTransactionOccurred',
      data: {
        transactionId: data.transactionId,
        kind: data.kind,
        occurredOn,
        documentNo: requireText(data.documentNo, 'documentNo'),
        counterparty: requireText(data.counterparty, 'counterparty'),
        amountFen: data.amountFen ?? null,
        areaHa: data.areaHa ?? null,
      },
    },
  ];
};

export const decideEnterMarketTransactionInfo = (
  command: CommandOf<'EnterMarketTransactionInfo'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, SUPERVISED);
  const transaction = facts.marketTransactions.find((m) => m.transactionId === command.data.transactionId);
  if (transaction === undefined) {
    return fail('MARKET_TRANSACTION_NOT_FOUND', `No market transaction ${command.data.transactionId}`, {
      field: 'transactionId',
      rule: 'T28',
    });
  }
  if (transaction.infoEnteredOn !== null) {
    fail(
      'MARKET_TRANSACTION_ALREADY_ENTERED',
      `Transaction ${transaction.transactionId} was entered on ${transaction.infoEnteredOn}`,
      {
        field: 'transactionId',
        rule: 'T28',
      },
    );
  }
  const { on: enteredOn, stamp } = actDone(
    T28,
    transaction.occurredOn,
    command.data.enteredOn,
    'enteredOn',
    facts.jurisdiction,
    ctx,
  );
  return [
    { type: 'MarketTransactionInfoEntered', data: { ...stamp, transactionId: transaction.transactionId, enteredOn } },
  ];
};

const ENDED = ['TERMINATED', 'REVOKED', 'RECOVERED'] as const;
const T27: SlaRule = { rule: 'T27', after: 'the intake', due: PARCEL_DATES.reserveInfoDue };

/** T27: the land of an ended right goes into the reserve once, not before the right ended. */
export const decideTakeIntoReserve = (
  command: CommandOf<'TakeIntoReserve'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ENDED);
  if ((facts.reserve ?? null) !== null) {
    fail('RESERVE_ALREADY_TAKEN', `The land was taken into the reserve on ${facts.reserve?.takenOn ?? ''}`, {
      rule: 'T27',
    });
  }
  // A recovery's deregistration date lives in the idle case; the grant is the floor for every ended right.
  const ended = facts.terminatedOn ?? facts.revokedOn ?? facts.grantedOn;
  const takenOn = notBefore(
    pastDate(command.data.takenOn, 'takenOn', ctx.today),
    ended,
    'takenOn',
    'the right ended',
    'T27',
  );
  return [
    {
      type: 'LandTakenIntoReserve',
      data: {
        reserveNo: requireText(command.data.reserveNo, 'reserveNo'),
        takenOn,
        reserveAgency: requireText(command.data.reserveAgency, 'reserveAgency'),
      },
    },
  ];
};

export const decideEnterReserveInfo = (
  command: CommandOf<'EnterReserveInfo'>,
  state: ParcelState,
  ctx: DecideContext,
): ParcelEvent[] => {
  const { facts } = requireStatus(state, command.type, ENDED);
  const reserve = facts.reserve ?? null;
  if (reserve === null) {
    return fail('RESERVE_NOT_TAKEN', 'The land has not been taken into the reserve', { rule: 'T27' });
  }
  if (reserve.infoEnteredOn !== null) {
    fail('RESERVE_INFO_ALREADY_ENTERED', `The reserve intake was entered on ${reserve.infoEnteredOn}`, { rule: 'T27' });
  }
  const { on: enteredOn, stamp } = actDone(
    T27,
    reserve.takenOn,
    command.data.enteredOn,
    'enteredOn',
    facts.jurisdiction,
    ctx,
  );
  return [{ type: 'ReserveInfoEntered', data: { ...stamp, enteredOn } }];
};
