/** A fired timer's effect is remembered in `alerts` (the parcel read model shows them). */
import type { DealFacts, ParcelFacts } from '../state.js';
import type { SupervisionAlertData } from './events.js';

export const withAlert = <F extends ParcelFacts | DealFacts>(
  facts: F,
  type: string,
  data: SupervisionAlertData,
  eventId: string | null,
): F => ({
  ...facts,
  alerts: [
    ...facts.alerts,
    {
      timerId: data.timerId,
      rule: data.rule,
      subject: data.subject,
      dueDate: data.dueDate,
      firedOn: data.firedOn,
      eventType: type,
      eventId,
    },
  ],
});
