import { ORDER_LINE_STATUS_CODES, ORDER_RESPONSE_CODES, PROCESSES, TRANSACTIONS, type OrderLineStatusCode, type OrderResponseCode } from '../peppol/index.js';
import { appendAggregate, appendBasic, createUblDocument, serializeUbl } from '../ubl/builder.js';
import { isDecimalText, toDecimal } from '../ubl/decimal.js';
import type { Identifier } from '../ubl/model.js';
import { writeIdentification, writeIdentifier } from '../ubl/write-common.js';
import type { OrderResponseParty, ReceivedOrder, ReceivedOrderLine } from './received-order.js';

/** How a supplier answers an order, and each line of it. */
export const ANSWER_CODES = ['accepted', 'rejected', 'changed'] as const;
export type AnswerCode = (typeof ANSWER_CODES)[number];

export interface LineAnswer {
  lineId: string;
  code: AnswerCode;
  /** Changed lines: the quantity the supplier will deliver (in the ordered unit), a decimal. */
  quantity?: string | number;
  /** Changed lines: the new price per price base quantity, a decimal in the order's currency. */
  price?: string | number;
  /** Changed lines: the promised delivery date (YYYY-MM-DD). */
  deliveryDate?: string;
}

/** The supplier's answer to a received order (the body of `POST /api/v1/orders/{id}/response`). */
export interface OrderAnswer {
  code: AnswerCode;
  note?: string;
  lines?: LineAnswer[];
}

/** The answer does not fit the order: `field` names the part of the answer at fault (`lines.1.quantity`). */
export class OrderAnswerError extends Error {
  override name = 'OrderAnswerError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The order cannot be answered with an Order Response at all (its process expects none). */
export class NotAnswerableError extends Error {
  override name = 'NotAnswerableError';
}

/** One line of the response, as written. */
export interface ResponseLine {
  lineId: string;
  status: OrderLineStatusCode;
  quantity?: string;
  price?: string;
  deliveryDate?: string;
}

export interface BuiltOrderResponse {
  xml: string;
  code: OrderResponseCode;
  /** Empty unless the code is CA (the rules forbid lines in AP and RE). */
  lines: ResponseLine[];
}

/** What the answering side fixes: the response's own id and its issue date and time. */
export interface ResponseHeader {
  id: string;
  issueDate: string;
  issueTime?: string;
}

const STATUS_OF: Record<AnswerCode, OrderLineStatusCode> = {
  accepted: ORDER_LINE_STATUS_CODES.accepted,
  changed: ORDER_LINE_STATUS_CODES.changed,
  rejected: ORDER_LINE_STATUS_CODES.rejected,
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_NOTE = 2_000;

/**
 * The Peppol BIS Order Response (T76) answering a received order (T01 in process ordering:3):
 * - `accepted`: AP, no lines; `rejected`: RE, no lines (PEPPOL-T76-R008/R009); lines given with
 *   them must say the same.
 * - `changed`: CA with every order line: the answered ones with their status (3 changed, 7 not
 *   accepted, 5 accepted) and the others accepted; at least one line must differ from the order.
 * Parties, currency, the order reference and every line's item, unit and ids come from the order;
 * quantities and prices keep their decimal value exactly (no floating point).
 */
export function buildOrderResponse(order: ReceivedOrder, answer: OrderAnswer, header: ResponseHeader): BuiltOrderResponse {
  if (order.profileId !== PROCESSES.ordering) {
    throw new NotAnswerableError(`order ${order.id} is in process ${order.profileId}, which expects no order response (only ${PROCESSES.ordering} does)`);
  }
  const lines = answeredLines(order, answer);
  const code = answer.code === 'accepted' ? ORDER_RESPONSE_CODES.accepted : answer.code === 'rejected' ? ORDER_RESPONSE_CODES.rejected : ORDER_RESPONSE_CODES.changed;
  const note = answer.note?.trim();
  if (note && note.length > MAX_NOTE) throw new OrderAnswerError('note', `is longer than ${MAX_NOTE} characters`);

  const t76 = TRANSACTIONS.orderResponse;
  const { root } = createUblDocument(t76.rootName, t76.rootNamespace);
  appendBasic(root, 'cbc:CustomizationID', t76.customizationId);
  appendBasic(root, 'cbc:ProfileID', PROCESSES.ordering);
  appendBasic(root, 'cbc:ID', header.id);
  appendBasic(root, 'cbc:IssueDate', header.issueDate);
  appendBasic(root, 'cbc:IssueTime', header.issueTime);
  appendBasic(root, 'cbc:OrderResponseCode', code);
  appendBasic(root, 'cbc:Note', note);
  appendBasic(root, 'cbc:DocumentCurrencyCode', order.currency);
  appendBasic(root, 'cbc:CustomerReference', order.customerReference);
  writeIdentification(root, 'cac:OrderReference', { value: order.id });
  writeParty(appendAggregate(appendAggregate(root, 'cac:SellerSupplierParty'), 'cac:Party'), order.seller);
  writeParty(appendAggregate(appendAggregate(root, 'cac:BuyerCustomerParty'), 'cac:Party'), order.buyer);
  const byId = new Map(order.lines.map((l) => [l.id, l]));
  if (code === ORDER_RESPONSE_CODES.changed) {
    for (const line of lines) writeLine(root, byId.get(line.lineId)!, line, order.currency);
  }
  return { xml: serializeUbl(root.ownerDocument!), code, lines: code === ORDER_RESPONSE_CODES.changed ? lines : [] };
}

/** Checks the answer against the order; for `changed`, every order line with its status, in order. */
function answeredLines(order: ReceivedOrder, answer: OrderAnswer): ResponseLine[] {
  if (!(ANSWER_CODES as readonly string[]).includes(answer.code)) throw new OrderAnswerError('code', `must be one of ${ANSWER_CODES.join(', ')}`);
  const known = new Set(order.lines.map((l) => l.id));
  const given = new Map<string, ResponseLine>();
  (answer.lines ?? []).forEach((line, index) => {
    const at = `lines.${index}`;
    const lineId = String(line.lineId ?? '').trim();
    if (!known.has(lineId)) throw new OrderAnswerError(`${at}.lineId`, `the order has no line ${JSON.stringify(lineId)} (its lines: ${[...known].join(', ')})`);
    if (given.has(lineId)) throw new OrderAnswerError(`${at}.lineId`, `line ${lineId} is answered twice`);
    if (!(ANSWER_CODES as readonly string[]).includes(line.code)) throw new OrderAnswerError(`${at}.code`, `must be one of ${ANSWER_CODES.join(', ')}`);
    if (answer.code !== 'changed' && line.code !== answer.code) {
      throw new OrderAnswerError(`${at}.code`, `an order answered ${answer.code} cannot have a line ${line.code}; answer changed to decide line by line`);
    }
    const changes = {
      ...(line.quantity !== undefined ? { quantity: decimalOf(line.quantity, `${at}.quantity`, { positive: true }) } : {}),
      ...(line.price !== undefined ? { price: decimalOf(line.price, `${at}.price`, { positive: false }) } : {}),
      ...(line.deliveryDate !== undefined ? { deliveryDate: dateOf(line.deliveryDate, `${at}.deliveryDate`) } : {}),
    };
    const changed = Object.keys(changes).length > 0;
    if (line.code === 'changed' && !changed) throw new OrderAnswerError(at, 'a changed line needs a new quantity, price or deliveryDate');
    if (line.code !== 'changed' && changed) throw new OrderAnswerError(at, `a line answered ${line.code} takes no quantity, price or deliveryDate; answer it changed`);
    given.set(lineId, { lineId, status: STATUS_OF[line.code], ...changes });
  });
  if (answer.code !== 'changed') return [];
  const lines = order.lines.map((l) => given.get(l.id) ?? { lineId: l.id, status: ORDER_LINE_STATUS_CODES.accepted });
  if (lines.every((l) => l.status === ORDER_LINE_STATUS_CODES.accepted)) {
    throw new OrderAnswerError('lines', 'an answer changed needs at least one line changed or rejected; otherwise answer accepted');
  }
  if (lines.every((l) => l.status === ORDER_LINE_STATUS_CODES.rejected)) {
    throw new OrderAnswerError('lines', 'every line is rejected; answer rejected instead');
  }
  return lines;
}

function decimalOf(value: string | number, field: string, opts: { positive: boolean }): string {
  const textValue = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  if (!isDecimalText(textValue)) throw new OrderAnswerError(field, `expected a decimal number like 12.50, got ${JSON.stringify(value)}`);
  const decimal = toDecimal(textValue);
  if (decimal.isNegative() || (opts.positive && decimal.isZero())) {
    throw new OrderAnswerError(field, opts.positive ? 'must be more than 0 (reject the line instead)' : 'must not be negative');
  }
  return decimal.toFixed();
}

function dateOf(value: string, field: string): string {
  const match = typeof value === 'string' ? DATE.exec(value.trim()) : null;
  const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0]) {
    throw new OrderAnswerError(field, `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return match[0];
}

function writeParty(party: Element, from: OrderResponseParty): void {
  writeIdentifier(party, 'cbc:EndpointID', from.endpoint);
  for (const id of from.partyIds) writeIdentification(party, 'cac:PartyIdentification', id);
  if (from.registrationName) appendBasic(appendAggregate(party, 'cac:PartyLegalEntity'), 'cbc:RegistrationName', from.registrationName);
}

function writeLine(root: Element, ordered: ReceivedOrderLine, line: ResponseLine, currency: string): void {
  const orderLine = appendAggregate(root, 'cac:OrderLine');
  const item = appendAggregate(orderLine, 'cac:LineItem');
  appendBasic(item, 'cbc:ID', ordered.id);
  appendBasic(item, 'cbc:LineStatusCode', line.status);
  if (line.status !== ORDER_LINE_STATUS_CODES.rejected) {
    appendBasic(item, 'cbc:Quantity', line.quantity ?? ordered.quantity.value, { unitCode: ordered.quantity.unitCode });
  }
  if (line.deliveryDate) {
    const period = appendAggregate(appendAggregate(item, 'cac:Delivery'), 'cac:PromisedDeliveryPeriod');
    appendBasic(period, 'cbc:StartDate', line.deliveryDate);
    appendBasic(period, 'cbc:EndDate', line.deliveryDate);
  }
  if (line.price !== undefined) {
    const price = appendAggregate(item, 'cac:Price');
    appendBasic(price, 'cbc:PriceAmount', line.price, { currencyID: currency });
    const base = ordered.price?.baseQuantity;
    if (base) appendBasic(price, 'cbc:BaseQuantity', base.value, { unitCode: base.unitCode });
  }
  const element = appendAggregate(item, 'cac:Item');
  appendBasic(element, 'cbc:Name', ordered.item.name);
  writeIdentification(element, 'cac:BuyersItemIdentification', ordered.item.buyersId ? { value: ordered.item.buyersId } : undefined);
  writeIdentification(element, 'cac:SellersItemIdentification', ordered.item.sellersId ? { value: ordered.item.sellersId } : undefined);
  writeIdentification(element, 'cac:StandardItemIdentification', standardIdOf(ordered.item.standardId));
  appendBasic(appendAggregate(orderLine, 'cac:OrderLineReference'), 'cbc:LineID', ordered.id);
}

/** T76 wants the scheme of a standard item id (PEPPOL-T76-B06401); one without is left out. */
function standardIdOf(id: Identifier | undefined): Identifier | undefined {
  return id?.schemeId ? id : undefined;
}
