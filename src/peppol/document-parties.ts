import { TRANSACTIONS } from './transactions.js';

/**
 * Who sends a business document to whom, as the document itself says: the party (a UBL path from
 * the root) whose `cbc:EndpointID` is the sender (C1) and the one that is the receiver (C4), per
 * transaction. Keyed by transaction id; MLS has none (it is addressed to service providers).
 */
export interface DocumentParties {
  readonly sender: string;
  readonly receiver: string;
}

const BUYER = 'cac:BuyerCustomerParty/cac:Party';
const SELLER = 'cac:SellerSupplierParty/cac:Party';

export const DOCUMENT_PARTIES: Readonly<Record<string, DocumentParties>> = {
  // Punch Out and Catalogue: the seller's catalogue to the buyer.
  [TRANSACTIONS.punchOut.id]: { sender: 'cac:ProviderParty', receiver: 'cac:ReceiverParty' },
  [TRANSACTIONS.catalogue.id]: { sender: 'cac:ProviderParty', receiver: 'cac:ReceiverParty' },
  // Application responses (catalogue response, message level response, invoice response).
  [TRANSACTIONS.catalogueResponse.id]: { sender: 'cac:SenderParty', receiver: 'cac:ReceiverParty' },
  [TRANSACTIONS.messageLevelResponse.id]: { sender: 'cac:SenderParty', receiver: 'cac:ReceiverParty' },
  [TRANSACTIONS.invoiceResponse.id]: { sender: 'cac:SenderParty', receiver: 'cac:ReceiverParty' },
  // The buyer orders, changes and cancels; the seller answers and agrees.
  [TRANSACTIONS.order.id]: { sender: BUYER, receiver: SELLER },
  [TRANSACTIONS.orderChange.id]: { sender: BUYER, receiver: SELLER },
  [TRANSACTIONS.orderCancellation.id]: { sender: BUYER, receiver: SELLER },
  [TRANSACTIONS.orderResponse.id]: { sender: SELLER, receiver: BUYER },
  [TRANSACTIONS.orderAgreement.id]: { sender: SELLER, receiver: BUYER },
  [TRANSACTIONS.orderResponseAdvanced.id]: { sender: SELLER, receiver: BUYER },
  [TRANSACTIONS.despatchAdvice.id]: { sender: 'cac:DespatchSupplierParty/cac:Party', receiver: 'cac:DeliveryCustomerParty/cac:Party' },
};

/** The sending and receiving parties of a transaction's documents, if they name them. */
export function documentPartiesOf(transactionId: string): DocumentParties | undefined {
  return DOCUMENT_PARTIES[transactionId.toUpperCase()];
}
