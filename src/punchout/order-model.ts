import type { Address, Contact, Identifier, Quantity } from '../ubl/model.js';
import type { Classification, ItemProperty, TaxCategory } from './cart-model.js';

/**
 * A Peppol BIS Order (T01) as produced from a cart. Amounts are decimal strings already rounded as
 * written to the XML; every amount is in `currency`.
 */
export interface OrderModel {
  customizationId: string;
  profileId: string;
  id: string;
  issueDate: string;
  issueTime?: string;
  orderTypeCode: string;
  note?: string;
  currency: string;
  customerReference?: string;
  accountingCost?: string;
  validityEndDate?: string;
  /** The cart id: the seller's binding offer this order accepts. */
  quotationId?: string;
  contractId?: string;
  additionalDocuments: Array<{ id: string; documentType?: string; uri?: string }>;
  buyer: OrderParty;
  seller: OrderParty & { postalAddress: Address };
  originator?: { partyId?: Identifier; name?: string; contact?: Contact };
  accountingCustomer?: Omit<OrderParty, 'endpoint'> & { endpoint?: Identifier; postalAddress: Address };
  delivery?: OrderDelivery;
  deliveryTerms?: { id?: string; specialTerms?: string; locationId?: string };
  paymentTermsNote?: string;
  allowanceCharges: OrderAllowanceCharge[];
  totals: OrderTotals;
  lines: OrderLine[];
}

export interface OrderParty {
  endpoint: Identifier;
  partyId?: Identifier;
  partyName?: string;
  postalAddress?: Address;
  vatId?: string;
  registrationName: string;
  companyId?: Identifier;
  contact?: Contact;
}

export interface Period {
  startDate?: string;
  endDate?: string;
}

interface OrderDelivery {
  location?: { id?: Identifier; name?: string; address: Address };
  requestedPeriod?: Period;
  party?: { partyId?: Identifier; name: string; postalAddress?: Address; contact?: Contact };
}

export interface OrderAllowanceCharge {
  chargeIndicator: boolean;
  reasonCode?: string;
  reason: string;
  amount: string;
  taxCategory: { id: string; percent: string };
}

export interface OrderTotals {
  lineExtension: string;
  allowanceTotal?: string;
  chargeTotal?: string;
  taxExclusive: string;
  /** Present when the order carries a tax total. */
  taxTotal?: string;
  taxInclusive: string;
  payable: string;
}

export interface OrderLine {
  id: string;
  quantity: Quantity;
  lineExtension: string;
  partialDelivery?: boolean;
  accountingCost?: string;
  requestedDeliveryPeriod?: Period;
  price: { amount: string; baseQuantity?: Quantity };
  item: OrderItem;
}

export interface OrderItem {
  name: string;
  description?: string;
  buyersId?: string;
  sellersId?: string;
  manufacturersId?: string;
  standardId?: Identifier;
  specificationDocumentIds: string[];
  classifications: Classification[];
  taxCategory?: TaxCategory;
  properties: ItemProperty[];
}
