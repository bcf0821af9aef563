import { TRANSACTIONS } from '../peppol/index.js';
import { participantId, type DocumentRouting } from '../ubl/routing.js';
import type { OrderModel } from './order-model.js';

/** An order goes from the buyer (C1) to the seller (C4): the reverse of the cart it came from. */
export function orderRouting(order: OrderModel): DocumentRouting {
  const country = order.buyer.postalAddress?.countryCode;
  return {
    senderId: participantId(order.buyer.endpoint),
    receiverId: participantId(order.seller.endpoint),
    documentTypeId: TRANSACTIONS.order.documentTypeId,
    processId: order.profileId,
    ...(country ? { countryC1: country } : {}),
  };
}
