import type { Address, Identifier, Quantity } from '../ubl/model.js';

/**
 * A Peppol BIS Punch Out (T77) shopping cart: every field the T77 → T01 mapping uses or checks.
 * Numbers stay decimal strings exactly as written (unit prices keep their decimals).
 */
export interface Cart {
  customizationId: string;
  profileId: string;
  /** Cart id, created by the seller. */
  id: string;
  /** `cbc:ActionCode` = true: the cart must be ordered as a whole or not at all. */
  completeCart: boolean;
  issueDate: string;
  issueTime?: string;
  validity?: { endDate: string; endTime?: string };
  contractId?: string;
  /** The seller. */
  provider: CartParty;
  /** The buyer; `contactId` is the buyer reference. */
  receiver: CartParty & { contactId?: string };
  lines: CartLine[];
}

export interface CartParty {
  /** Peppol endpoint; `schemeId` is an EAS code. */
  endpoint?: Identifier;
  partyId?: Identifier;
  registrationName: string;
}

export interface CartLine {
  id: string;
  contractSubdivision?: string;
  /** Availability date (`StartDate`) and line validity (`EndDate`/`EndTime`). */
  validity?: { startDate?: string; endDate?: string; endTime?: string };
  /** Working days from order receipt to shipment. */
  leadTime?: Quantity;
  /** Territory where this price applies (never a delivery address). */
  territory?: Address;
  price: CartPrice;
  /** Ordered quantity (`DeliveryUnit/BatchQuantity`). */
  quantity: Quantity;
  item: CartItem;
}

interface CartPrice {
  /** Net item price, as written. */
  amount: string;
  currency: string;
  /** Price base quantity; absent means 1 of the line's unit. */
  baseQuantity?: Quantity;
  priceType?: string;
}

export interface CartItem {
  name: string;
  description?: string;
  buyersId?: string;
  sellersId?: string;
  manufacturersId?: string;
  standardId?: Identifier;
  specificationDocuments: SpecificationDocument[];
  originCountry?: string;
  manufacturerName?: string;
  certificates: Certificate[];
  classifications: Classification[];
  /** `TransactionConditions/ActionCode`, the contracted item indicator (e.g. `CT`). */
  contractedIndicator?: string;
  taxCategory: TaxCategory;
  properties: ItemProperty[];
}

interface SpecificationDocument {
  id: string;
  documentTypeCode?: string;
  description?: string;
  externalUri?: string;
  /** Name of an embedded attachment; its content is not kept (it never goes into an order). */
  embeddedFilename?: string;
}

interface Certificate {
  id: string;
  typeCode: string;
  type: string;
  remarks: string[];
  issuerName?: string;
  documentReferences: string[];
}

export interface Classification {
  code: string;
  listId?: string;
  listVersionId?: string;
  name?: string;
}

export interface TaxCategory {
  id: string;
  percent?: string;
  taxSchemeId: string;
}

export interface ItemProperty {
  id?: { value: string; schemeId?: string; schemeDataUri?: string; schemeVersionId?: string };
  name: string;
  nameCode?: { value: string; listId?: string };
  value: string;
  valueQuantity?: Quantity;
  valueQualifier?: string;
}

/** Property names with a meaning in BIS 18 (punch out). */
const RESERVED_PROPERTY = {
  /** On a component line: the seller's item id of the configured product it belongs to. */
  partOf: 'PartOf',
  serviceIndicator: 'ServiceIndicator',
} as const;

/** The configured product a component line belongs to, if any. */
export function configuredProductOf(line: CartLine): string | undefined {
  return line.item.properties.find((property) => property.name === RESERVED_PROPERTY.partOf)?.value;
}

/** The seller as configuration names it: `scheme:value` of its endpoint and of its party id. */
export function sellerKeys(cart: Cart): string[] {
  const { endpoint, partyId } = cart.provider;
  return [endpoint, partyId].flatMap((id) => (id ? [id.schemeId ? `${id.schemeId}:${id.value}` : id.value] : []));
}
