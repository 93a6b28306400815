/**
 * Payments, their late-payment damages and payment demands, added to the facts; a repeat of
 * an id is not filtered here because decide refuses duplicates before they are stored.
 */
import type { EventOf } from '../events.js';
import type { ParcelFacts } from '../state.js';

export type PaymentEvent =
  EventOf<'PaymentReceived'> | EventOf<'LatePaymentDamagesAssessed'> | EventOf<'PaymentDemandServed'>;

export const evolvePayment = (facts: ParcelFacts, event: PaymentEvent): ParcelFacts => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'PaymentReceived': {
      const { paymentId, instalmentNo, amountFen, paidOn } = event.data;
      return {
        ...facts,
        payments: [
          ...facts.payments,
          { paymentId, instalmentNo, amountFen, paidOn, eventId: id, infoRecordedOn: null, infoRecordedEventId: null },
        ],
      };
    }
    case 'LatePaymentDamagesAssessed': {
      const { paymentId, instalmentNo, principalFen, ratePerDay, daysLate, damagesFen } = event.data;
      return {
        ...facts,
        lateDamages: [
          ...facts.lateDamages,
          { paymentId, instalmentNo, principalFen, ratePerDay, daysLate, damagesFen, eventId: id },
        ],
      };
    }
    case 'PaymentDemandServed': {
      const { demandId, instalmentNo, servedOn } = event.data;
      return { ...facts, paymentDemands: [...facts.paymentDemands, { demandId, instalmentNo, servedOn, eventId: id }] };
    }
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
