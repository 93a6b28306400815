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
