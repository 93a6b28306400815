/**
 * Delivery, the grantee's delivery demands, the approval certificate and its site publicity in
 * the facts. The status moves (GRANTED → DELIVERED → CERTIFIED) are the root evolve's.
 */
import type { EventOf } from '../events.js';
import type { ParcelFacts } from '../state.js';

export type DeliveryEvent =
  | EventOf<'LandDeliveryConfirmed'>
  | EventOf<'DeliveryDemandServed'>
  | EventOf<'LandApprovalCertificateIssued'>
  | EventOf<'SitePublicityPosted'>;

export const evolveDelivery = (facts: ParcelFacts, event: DeliveryEvent): ParcelFacts => {
  const id = event.id ?? null;
  switch (event.type) {
    case 'LandDeliveryConfirmed':
      return { ...facts, deliveredOn: event.data.deliveredOn, deliveryEventId: id };
    case 'DeliveryDemandServed': {
      const { demandId, servedOn } = event.data;
      if (facts.deliveryDemands.some((d) => d.demandId === demandId)) return facts;
      return { ...facts, deliveryDemands: [...facts.deliveryDemands, { demandId, servedOn, eventId: id }] };
    }
    case 'LandApprovalCertificateIssued':
      return { ...facts, certificateIssuedOn: event.data.issuedOn, certificateEventId: id };
    case 'SitePublicityPosted':
      return { ...facts, sitePublicityPostedOn: event.data.postedOn, sitePublicityEventId: id };
    default: {
      const _never: never = event;
      return facts;
    }
  }
};
