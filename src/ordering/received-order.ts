import { TRANSACTIONS } from '../peppol/index.js';
import type { Identifier, Quantity } from '../ubl/model.js';
import { readIdentifier, readQuantity } from '../ubl/read-common.js';
import { attr, find, findAll, text } from '../ubl/reader.js';
import { DEFAULT_XML_LIMITS, parseXmlSafely, type XmlLimits } from '../ubl/safe-parse.js';

/** A received order lacks what answering it needs: which element, what is wrong. */
export class ReceivedOrderError extends Error {
  override name = 'ReceivedOrderError';
}

/** A party as an Order Response repeats it from the order. */
export interface OrderResponseParty {
  /** `cbc:EndpointID` with its EAS scheme. */
  endpoint: Required<Identifier>;
  partyIds: Identifier[];
  registrationName?: string;
}

export interface ReceivedOrderLine {
  /** `cac:LineItem/cbc:ID`, unique within the order. */
  id: string;
  quantity: Quantity;
  price?: { amount: string; baseQuantity?: Quantity };
  item: { name: string; buyersId?: string; sellersId?: string; standardId?: Identifier };
}

/** What of a Peppol BIS Order (T01) its Order Response (T76) refers to or repeats. */
export interface ReceivedOrder {
  customizationId: string;
  profileId: string;
  id: string;
  issueDate: string;
  currency: string;
  customerReference?: string;
  buyer: OrderResponseParty;
  seller: OrderResponseParty;
  lines: ReceivedOrderLine[];
}

/** Reads a received T01 (already validated) for answering it; throws ReceivedOrderError when it cannot be answered. */
export function readReceivedOrder(xml: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): ReceivedOrder {
  const root = parseXmlSafely(xml, limits).documentElement;
  const order = TRANSACTIONS.order;
  if (root.localName !== order.rootName || root.namespaceURI !== order.rootNamespace) {
    throw new ReceivedOrderError(`not a UBL Order: the root element is ${root.localName}`);
  }
  const required = (from: Element, path: string, where = '/Order') => {
    const value = text(from, path);
    if (value === undefined) throw new ReceivedOrderError(`the order has no ${where}/${path}`);
    return value;
  };
  const lines = findAll(root, 'cac:OrderLine').map((line, index) => {
    const where = `/Order/cac:OrderLine[${index + 1}]/cac:LineItem`;
    const item = find(line, 'cac:LineItem');
    if (!item) throw new ReceivedOrderError(`the order has no ${where}`);
    const quantity = readQuantity(item, 'cbc:Quantity');
    if (!quantity) throw new ReceivedOrderError(`the order has no ${where}/cbc:Quantity with its unitCode`);
    const amount = text(item, 'cac:Price/cbc:PriceAmount');
    const baseQuantity = readQuantity(item, 'cac:Price/cbc:BaseQuantity');
    const standardId = readIdentifier(item, 'cac:Item/cac:StandardItemIdentification/cbc:ID');
    return {
      id: required(item, 'cbc:ID', where),
      quantity,
      ...(amount ? { price: { amount, ...(baseQuantity ? { baseQuantity } : {}) } } : {}),
      item: {
        name: required(item, 'cac:Item/cbc:Name', where),
        ...optional('buyersId', text(item, 'cac:Item/cac:BuyersItemIdentification/cbc:ID')),
        ...optional('sellersId', text(item, 'cac:Item/cac:SellersItemIdentification/cbc:ID')),
        ...(standardId ? { standardId } : {}),
      },
    };
  });
  if (lines.length === 0) throw new ReceivedOrderError('the order has no cac:OrderLine');
  return {
    customizationId: required(root, 'cbc:CustomizationID'),
    profileId: required(root, 'cbc:ProfileID'),
    id: required(root, 'cbc:ID'),
    issueDate: required(root, 'cbc:IssueDate'),
    currency: required(root, 'cbc:DocumentCurrencyCode'),
    ...optional('customerReference', text(root, 'cbc:CustomerReference')),
    buyer: readParty(root, 'cac:BuyerCustomerParty/cac:Party'),
    seller: readParty(root, 'cac:SellerSupplierParty/cac:Party'),
    lines,
  };
}

function readParty(root: Element, path: string): OrderResponseParty {
  const party = find(root, path);
  if (!party) throw new ReceivedOrderError(`the order has no /Order/${path}`);
  const value = text(party, 'cbc:EndpointID');
  const schemeId = attr(party, 'cbc:EndpointID', 'schemeID');
  if (!value || !schemeId) throw new ReceivedOrderError(`the order has no /Order/${path}/cbc:EndpointID with its schemeID`);
  const partyIds = findAll(party, 'cac:PartyIdentification').flatMap((element) => {
    const id = readIdentifier(element, 'cbc:ID');
    return id ? [id] : [];
  });
  const registrationName = text(party, 'cac:PartyLegalEntity/cbc:RegistrationName');
  return { endpoint: { value, schemeId }, partyIds, ...optional('registrationName', registrationName) };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
