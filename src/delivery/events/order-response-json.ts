import {
  ORDER_LINE_STATUS_CODES,
  orderLineOutcome,
  orderResponseOutcome,
  TRANSACTIONS,
  type OrderLineOutcome,
  type OrderResponseOutcome,
} from '../../peppol/index.js';
import { attr, find, findAll, text } from '../../ubl/reader.js';
import { DEFAULT_XML_LIMITS, parseXmlSafely, type XmlLimits } from '../../ubl/safe-parse.js';

/** An endpoint as a UBL party carries it: `cbc:EndpointID` and its `schemeID`. */
export interface EndpointRef {
  scheme: string;
  value: string;
}

/** What an Order Response says about one line of the order. */
export interface OrderResponseLine {
  /** The order line it answers (`cac:OrderLineReference/cbc:LineID`, else `cac:LineItem/cbc:ID`). */
  lineId: string;
  code: OrderLineOutcome;
  /** `cbc:LineStatusCode` as written (UNCL1229). */
  statusCode: string;
  /** The quantity the seller will deliver, when it says one. */
  quantity?: { value: string; unitCode?: string };
  /** The price the seller will charge, when it says one. */
  price?: { amount: string; currency?: string };
  /** The promised delivery date (end of the promised period, else its start). */
  deliveryDate?: string;
  note?: string;
}

/** A T76 Order Response as a back end needs it: which order, what became of it, line by line. */
export interface OrderResponseSummary {
  /** The response's own id (`cbc:ID`). */
  id: string;
  issueDate: string;
  /** The buyer's order number it answers (`cac:OrderReference/cbc:ID`). */
  orderNumber: string;
  code: OrderResponseOutcome;
  /** `cbc:OrderResponseCode` as written (UNCL4343-T76). */
  responseCode: string;
  salesOrderId?: string;
  note?: string;
  currency?: string;
  seller: { endpointId: EndpointRef; name?: string };
  buyer: { endpointId: EndpointRef; name?: string };
  /** Promised delivery of the whole order. */
  deliveryDate?: string;
  lines: OrderResponseLine[];
}

/** The document is not a T76 we can read: what is missing or wrong. */
export class OrderResponseReadError extends Error {
  override name = 'OrderResponseReadError';
}

const T76 = TRANSACTIONS.orderResponse;

/**
 * Reads a T76 Order Response. The document has passed the official T76 rules before it gets here;
 * this still refuses, naming the element, what a back end could not act on: no order reference, no
 * party endpoints, an unknown response or line status code.
 */
export function readOrderResponse(xml: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): OrderResponseSummary {
  const root = parseXmlSafely(xml, limits).documentElement;
  if (root.localName !== T76.rootName || root.namespaceURI !== T76.rootNamespace) {
    throw new OrderResponseReadError(`not a UBL Order Response: root element is ${root.localName}`);
  }
  const required = (path: string) => {
    const value = text(root, path);
    if (value === undefined) throw new OrderResponseReadError(`the order response has no ${path}`);
    return value;
  };
  const responseCode = required('cbc:OrderResponseCode');
  const code = orderResponseOutcome(responseCode);
  if (!code) throw new OrderResponseReadError(`cbc:OrderResponseCode ${JSON.stringify(responseCode)} is not one of UNCL4343-T76`);
  return clean({
    id: required('cbc:ID'),
    issueDate: required('cbc:IssueDate'),
    orderNumber: required('cac:OrderReference/cbc:ID'),
    code,
    responseCode,
    salesOrderId: text(root, 'cbc:SalesOrderID'),
    note: text(root, 'cbc:Note'),
    currency: text(root, 'cbc:DocumentCurrencyCode'),
    seller: partyOf(root, 'cac:SellerSupplierParty/cac:Party'),
    buyer: partyOf(root, 'cac:BuyerCustomerParty/cac:Party'),
    deliveryDate: promisedDate(find(root, 'cac:Delivery/cac:PromisedDeliveryPeriod')),
    lines: findAll(root, 'cac:OrderLine').map((line, index) => lineOf(line, index + 1)),
  });
}

/**
 * Each line of the order with its outcome: the lines the response names as it names them, the others
 * as the response decides for the whole order (AP keeps them, RE drops them, CA leaves them as
 * ordered). An acknowledgement (AB) decides nothing yet: only the lines it names. `orderLineIds` are
 * the order's line ids in document order.
 */
export function lineOutcomes(response: Pick<OrderResponseSummary, 'code' | 'lines'>, orderLineIds: readonly string[]): OrderResponseLine[] {
  if (response.code === 'acknowledged') return response.lines;
  const named = new Map(response.lines.map((line) => [line.lineId, line]));
  const others: OrderLineOutcome = response.code === 'rejected' ? 'rejected' : 'accepted';
  const statusCode = others === 'rejected' ? ORDER_LINE_STATUS_CODES.rejected : ORDER_LINE_STATUS_CODES.accepted;
  const outcomes: OrderResponseLine[] = orderLineIds.map((lineId) => named.get(lineId) ?? { lineId, code: others, statusCode });
  // Lines the seller added (or named by an id the order does not have) come after the order's own.
  for (const line of response.lines) if (!orderLineIds.includes(line.lineId)) outcomes.push(line);
  return outcomes;
}

function partyOf(root: Element, path: string): { endpointId: EndpointRef; name?: string } {
  const party = find(root, path);
  const value = party ? text(party, 'cbc:EndpointID') : undefined;
  const scheme = party ? attr(party, 'cbc:EndpointID', 'schemeID') : undefined;
  if (!party || !value || !scheme) throw new OrderResponseReadError(`the order response has no ${path}/cbc:EndpointID with its schemeID`);
  const name = text(party, 'cac:PartyLegalEntity/cbc:RegistrationName') ?? text(party, 'cac:PartyName/cbc:Name');
  return clean({ endpointId: { scheme, value }, name: name?.slice(0, 1024) });
}

function lineOf(line: Element, position: number): OrderResponseLine {
  const item = find(line, 'cac:LineItem');
  const lineId = text(line, 'cac:OrderLineReference/cbc:LineID') ?? (item ? text(item, 'cbc:ID') : undefined);
  if (!item || !lineId) throw new OrderResponseReadError(`order response line ${position} names no order line (cac:OrderLineReference/cbc:LineID)`);
  const statusCode = text(item, 'cbc:LineStatusCode');
  if (!statusCode) throw new OrderResponseReadError(`order response line ${lineId} has no cbc:LineStatusCode`);
  const code = orderLineOutcome(statusCode);
  if (!code) throw new OrderResponseReadError(`order response line ${lineId}: cbc:LineStatusCode ${JSON.stringify(statusCode)} is not one of UNCL1229`);
  const quantity = text(item, 'cbc:Quantity');
  const price = text(item, 'cac:Price/cbc:PriceAmount');
  return clean({
    lineId,
    code,
    statusCode,
    quantity: quantity ? clean({ value: quantity, unitCode: attr(item, 'cbc:Quantity', 'unitCode') }) : undefined,
    price: price ? clean({ amount: price, currency: attr(item, 'cac:Price/cbc:PriceAmount', 'currencyID') }) : undefined,
    deliveryDate: promisedDate(find(item, 'cac:Delivery/cac:PromisedDeliveryPeriod')),
    note: text(item, 'cbc:Note'),
  });
}

function promisedDate(period: Element | undefined): string | undefined {
  return period ? (text(period, 'cbc:EndDate') ?? text(period, 'cbc:StartDate')) : undefined;
}

function clean<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * The answer as people read it on the order's timeline: the response, its code, and each line's
 * outcome with what changed, e.g. `order response OR-1 (CA): changed; line 1 changed (quantity 8 EA,
 * delivery 2026-12-22), line 2 accepted, line 3 rejected`.
 */
export function describeOrderResponse(response: Pick<OrderResponseSummary, 'id' | 'code' | 'responseCode' | 'note'>, lines: readonly OrderResponseLine[]): string {
  const parts = lines.map((line) => {
    const changes = [
      line.quantity ? `quantity ${line.quantity.value}${line.quantity.unitCode ? ` ${line.quantity.unitCode}` : ''}` : '',
      line.price ? `price ${line.price.amount}${line.price.currency ? ` ${line.price.currency}` : ''}` : '',
      line.deliveryDate ? `delivery ${line.deliveryDate}` : '',
    ].filter(Boolean);
    return `line ${line.lineId} ${line.code}${changes.length ? ` (${changes.join(', ')})` : ''}`;
  });
  const head = `order response ${response.id} (${response.responseCode}): ${response.code}`;
  const note = response.note ? `; note: ${response.note.replace(/\s+/g, ' ').slice(0, 200)}` : '';
  return `${head}${parts.length ? `; ${parts.join(', ')}` : ''}${note}`.slice(0, 2_000);
}
