/** evolve for market transactions (T28): each recorded once, its entry once, with the store ids as anchors. */
import type { EventOf } from '../events.js';
import type { ParcelFacts } from '../state.js';

export type MarketEvent =
  | EventOf<'MarketTransactionOccurred'>
  | EventOf<'MarketTransactionInfoEntered'>
  | EventOf<'LandTakenIntoReserve'>
  | EventOf<'ReserveInfoEntered'>;

export const evolveMarket = (facts: ParcelFacts, event: MarketEvent): ParcelFacts => {
  const id = event.id ?? null;
  // Parcel states stored before market transactions were kept have none.
  const known = facts.marketTransactions ?? [];
  switch (event.type) {
    case 'MarketTransactionOccurred': {
      if (known.some((m) => m.transactionId === event.data.transactionId)) return facts;
      const { transactionId, kind, occurredOn, documentNo, counterparty, amountFen } = event.data;
      return {
        ...facts,
        marketTransactions: [
          ...known,
          {
            transactionId,
            kind,
            occurredOn,
            documentNo,
            counterparty,
            amountFen,
            eventId: id,
            infoEnteredOn: null,
            infoEnteredEventId: null,
          },
        ],
      };
    }
    case 'MarketTransactionInfoEntered':
      return {
        ...facts,
        marketTransactions: known.map((m) =>
          m.transactionId === event.data.transactionId && m.infoEnteredOn === null
            ? { ...m, infoEnteredOn: event.data.enteredOn, infoEnteredEventId: id }
            : m,
        ),
      };
    case 'LandTakenIntoReserve':
      if ((facts.reserve ?? null) !== null) return facts;
      return { ...facts, reserve: { ...event.data, eventId: id, infoEnteredOn: null, infoEnteredEventId: null } };
    case 'ReserveInfoEntered': {
      const reserve = facts.reserve ?? null;
      if (reserve === null || reserve.infoEnteredOn !== null) return facts;
      return { ...facts, reserve: { ...reserve, infoEnteredOn: event.data.enteredOn, infoEnteredEventId: id } };
    }
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
