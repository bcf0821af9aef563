import { PROCESSES, TRANSACTIONS } from '../peppol/index.js';
import { formatAmount } from '../ubl/decimal.js';
import type { Contact } from '../ubl/model.js';
import type { BuyerConfig, SellerMasterData } from './buyer-config.js';
import { sellerKeys, type Cart, type CartLine } from './cart-model.js';
import { applyChanges, type CartChange } from './cart-changes.js';
import { PunchoutError } from './errors.js';
import { assertCartStillValid, assertLineOrderable, documentCurrency, selectOrderLines, type OrderMoment } from './order-checks.js';
import type { OrderLine, OrderModel, Period } from './order-model.js';
import { computeTotals, lineExtensionAmount } from './order-totals.js';
import { writeOrderXml } from './order-xml.js';

/** The process of the order, as the buyer configuration names it. */
const ORDER_PROCESS: Readonly<Record<BuyerConfig['process'], string>> = { ordering: PROCESSES.ordering, order_only: PROCESSES.orderOnly };

export interface CartToOrderOptions {
  /** The buyer's purchase order number (see formatOrderNumber). */
  orderId: string;
  /** Date (YYYY-MM-DD) and time (hh:mm:ss) the approved order is created. */
  issueDate: string;
  issueTime?: string;
  /** Buyer edits made while approving. */
  changes?: readonly CartChange[];
  /** The approving user, written as the buyer contact (overrides the configured contact). */
  buyerContact?: Contact;
}

export interface CartToOrderResult {
  order: OrderModel;
  xml: string;
  /** Human-readable list of the applied changes, empty when approved as is. */
  changeLog: string[];
}

/**
 * Turns an approved cart (T77) into a Peppol BIS order (T01): every cart field with a home in the
 * order is carried over, the rest comes from the buyer configuration, totals are recomputed.
 * Pure: same inputs, same order.
 */
export function cartToOrder(original: Cart, config: BuyerConfig, options: CartToOrderOptions): CartToOrderResult {
  checkOptions(options);
  const at: OrderMoment = { date: options.issueDate, time: options.issueTime };
  const currency = documentCurrency(original);
  const { cart, changeLog } = options.changes?.length ? applyChanges(original, options.changes) : { cart: original, changeLog: [] };
  assertCartStillValid(cart, at);
  const selected = selectOrderLines(cart);
  for (const line of selected) assertLineOrderable(line, at);

  const lines = selected.map((line) => toOrderLine(line, config, options.issueDate));
  const allowanceCharges = config.allowanceCharges.map((ac) => ({ ...ac }));
  const totals = computeTotals(
    selected.map((line) => ({ lineExtension: lineExtensionAmount(line), taxCategory: line.item.taxCategory })),
    allowanceCharges,
    config.includeTaxTotal,
  );
  if (totals.payable.startsWith('-')) {
    throw new PunchoutError('negative-total', `order total would be ${totals.payable} ${currency}`, { field: 'cac:AnticipatedMonetaryTotal/cbc:PayableAmount' });
  }

  const order: OrderModel = {
    customizationId: TRANSACTIONS.order.customizationId,
    profileId: ORDER_PROCESS[config.process],
    id: options.orderId,
    issueDate: options.issueDate,
    ...(options.issueTime ? { issueTime: options.issueTime } : {}),
    orderTypeCode: config.orderTypeCode,
    ...optional('note', config.note),
    currency,
    ...optional('customerReference', cart.receiver.contactId ?? config.buyerReference),
    ...optional('accountingCost', config.accountingCost),
    validityEndDate: orderValidityEnd(cart, config, options.issueDate),
    quotationId: cart.id,
    ...optional('contractId', cart.contractId),
    additionalDocuments: config.additionalDocuments.map((doc) => ({ ...doc })),
    buyer: buyerParty(cart, config, options.buyerContact),
    seller: sellerParty(cart, config),
    ...optional('originator', config.originator),
    ...optional('accountingCustomer', config.accountingCustomer),
    ...optional('delivery', config.delivery && {
      location: {
        ...(config.delivery.locationId ? { id: config.delivery.locationId } : {}),
        ...(config.delivery.locationName ? { name: config.delivery.locationName } : {}),
        address: config.delivery.address,
      },
      ...optional('requestedPeriod', config.delivery.requestedPeriod),
      ...optional('party', config.delivery.party),
    }),
    ...optional('deliveryTerms', config.deliveryTerms),
    ...optional('paymentTermsNote', config.paymentTermsNote),
    allowanceCharges,
    totals,
    lines,
  };
  return { order, xml: writeOrderXml(order), changeLog };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function checkOptions(options: CartToOrderOptions): void {
  if (!options.orderId.trim() || options.orderId.length > 200) {
    throw new PunchoutError('missing-configuration', 'order number must be 1 to 200 characters', { field: 'cbc:ID' });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.issueDate)) {
    throw new PunchoutError('missing-configuration', `issue date must be YYYY-MM-DD, got "${options.issueDate}"`, { field: 'cbc:IssueDate' });
  }
  if (options.issueTime !== undefined && !/^\d{2}:\d{2}:\d{2}$/.test(options.issueTime)) {
    throw new PunchoutError('missing-configuration', `issue time must be hh:mm:ss, got "${options.issueTime}"`, { field: 'cbc:IssueTime' });
  }
}

/** Issue date + configured days, never beyond the cart's own validity (the seller's offer). */
function orderValidityEnd(cart: Cart, config: BuyerConfig, issueDate: string): string {
  const end = addDays(issueDate, config.validityDays);
  return cart.validity && cart.validity.endDate < end ? cart.validity.endDate : end;
}

function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

function buyerParty(cart: Cart, config: BuyerConfig, approver: Contact | undefined): OrderModel['buyer'] {
  const endpoint = cart.receiver.endpoint ?? config.buyer.endpoint;
  if (!endpoint) {
    throw new PunchoutError('missing-configuration', 'the cart has no buyer endpoint; configure buyer.endpoint', {
      field: 'cac:BuyerCustomerParty/cac:Party/cbc:EndpointID',
    });
  }
  return {
    endpoint,
    ...optional('partyId', cart.receiver.partyId),
    partyName: config.buyer.partyName ?? cart.receiver.registrationName,
    ...optional('postalAddress', config.buyer.postalAddress),
    ...optional('vatId', config.buyer.vatId),
    registrationName: cart.receiver.registrationName,
    ...optional('companyId', config.buyer.companyId),
    ...optional('contact', approver ?? config.buyer.contact),
  };
}

/** Seller master data for the cart's seller, found by any of its identifiers. */
function findSeller(cart: Cart, config: BuyerConfig): SellerMasterData | undefined {
  const keys = sellerKeys(cart);
  return config.sellers.find((seller) => seller.ids.some((id) => keys.includes(id)));
}

function sellerParty(cart: Cart, config: BuyerConfig): OrderModel['seller'] {
  const master = findSeller(cart, config);
  const endpoint = cart.provider.endpoint ?? master?.endpoint;
  if (!endpoint) {
    throw new PunchoutError('missing-configuration', 'the cart has no seller endpoint and no seller master data gives one', {
      field: 'cac:SellerSupplierParty/cac:Party/cbc:EndpointID',
    });
  }
  const postalAddress = master?.postalAddress ?? (config.sellerFallback.countryCode ? { countryCode: config.sellerFallback.countryCode } : undefined);
  if (!postalAddress) {
    throw new PunchoutError('missing-configuration', `no postal address known for seller "${cart.provider.registrationName}": add it to sellers[] or set sellerFallback.countryCode`, {
      field: 'cac:SellerSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode',
    });
  }
  return {
    endpoint,
    ...optional('partyId', cart.provider.partyId),
    ...optional('partyName', master?.partyName),
    postalAddress,
    registrationName: cart.provider.registrationName,
    ...optional('companyId', master?.companyId),
    ...optional('contact', master?.contact),
  };
}

function toOrderLine(line: CartLine, config: BuyerConfig, issueDate: string): OrderLine {
  const { item } = line;
  return {
    id: line.id,
    quantity: line.quantity,
    lineExtension: formatAmount(lineExtensionAmount(line)),
    partialDelivery: config.partialDeliveryAllowed,
    ...optional('accountingCost', config.accountingCost),
    ...optional('requestedDeliveryPeriod', requestedDelivery(line, issueDate)),
    price: { amount: line.price.amount, ...optional('baseQuantity', line.price.baseQuantity) },
    item: {
      name: item.name,
      ...optional('description', item.description),
      ...optional('buyersId', item.buyersId),
      ...optional('sellersId', item.sellersId),
      ...optional('manufacturersId', item.manufacturersId),
      ...optional('standardId', item.standardId),
      // Only the ids: embedded images would bloat the order.
      specificationDocumentIds: item.specificationDocuments.map((doc) => doc.id),
      classifications: item.classifications,
      taxCategory: item.taxCategory,
      properties: item.properties,
    },
  };
}

/** An item available only later than the order date is requested from its availability date on. */
function requestedDelivery(line: CartLine, issueDate: string): Period | undefined {
  const available = line.validity?.startDate;
  return available && available > issueDate ? { startDate: available } : undefined;
}
