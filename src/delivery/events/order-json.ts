import type { OrderLine, OrderModel, OrderParty } from '../../punchout/order-model.js';
import type { Address as UblAddress, Identifier } from '../../ubl/model.js';
import { NS } from '../../ubl/namespaces.js';
import { findAll, text, attr, find } from '../../ubl/reader.js';
import { parseXmlSafely, type XmlLimits, DEFAULT_XML_LIMITS } from '../../ubl/safe-parse.js';
import type { WebhookOrder } from '../webhook/events.js';

/** The stored order cannot be turned into the webhook's JSON: which field, what is wrong. */
export class OrderJsonError extends Error {
  override name = 'OrderJsonError';
}

type Party = WebhookOrder['buyer'];
type Address = NonNullable<Party['address']>;
type Line = WebhookOrder['lines'][number];

/**
 * Reads a Peppol BIS T01 Order (as the access point produced and stored it) into the JSON of the
 * `order.created` webhook: parties, delivery, lines and totals, amounts as decimal strings.
 */
export function orderJsonFromUbl(xml: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): WebhookOrder {
  const root = parseXmlSafely(xml, limits).documentElement;
  if (root.localName !== 'Order' || root.namespaceURI !== NS.order) {
    throw new OrderJsonError(`not a UBL Order: root element is ${root.localName}`);
  }
  const required = (path: string) => {
    const value = text(root, path);
    if (value === undefined) throw new OrderJsonError(`the order has no ${path}`);
    return value;
  };
  const currency = required('cbc:DocumentCurrencyCode');
  const delivery = readDelivery(root);
  const totals = find(root, 'cac:AnticipatedMonetaryTotal');
  if (!totals) throw new OrderJsonError('the order has no cac:AnticipatedMonetaryTotal');
  const lines = findAll(root, 'cac:OrderLine').map((line, index) => readLine(line, index + 1));
  return clean({
    id: required('cbc:ID'),
    issueDate: required('cbc:IssueDate'),
    currency,
    profileId: required('cbc:ProfileID'),
    customizationId: required('cbc:CustomizationID'),
    orderTypeCode: text(root, 'cbc:OrderTypeCode'),
    note: text(root, 'cbc:Note'),
    customerReference: text(root, 'cbc:CustomerReference'),
    accountingCost: text(root, 'cbc:AccountingCost'),
    quotationReference: text(root, 'cac:QuotationDocumentReference/cbc:ID'),
    contractId: text(root, 'cac:Contract/cbc:ID'),
    validUntil: text(root, 'cac:ValidityPeriod/cbc:EndDate'),
    buyer: readParty(root, 'cac:BuyerCustomerParty/cac:Party'),
    seller: readParty(root, 'cac:SellerSupplierParty/cac:Party'),
    delivery,
    lines,
    totals: clean({
      currency,
      lineExtensionAmount: requiredIn(totals, 'cbc:LineExtensionAmount', 'cac:AnticipatedMonetaryTotal'),
      allowanceTotalAmount: text(totals, 'cbc:AllowanceTotalAmount'),
      chargeTotalAmount: text(totals, 'cbc:ChargeTotalAmount'),
      taxExclusiveAmount: text(totals, 'cbc:TaxExclusiveAmount'),
      taxAmount: text(root, 'cac:TaxTotal/cbc:TaxAmount'),
      taxInclusiveAmount: text(totals, 'cbc:TaxInclusiveAmount'),
      payableAmount: requiredIn(totals, 'cbc:PayableAmount', 'cac:AnticipatedMonetaryTotal'),
    }),
  });
}

/**
 * The same JSON straight from the order model the T01 was written from, for the flow that has just
 * made the order: no serialise-and-parse round trip. Values are trimmed and empty ones left out,
 * exactly as writing and reading the XML would, so both ways give the same JSON.
 */
export function orderJsonFromModel(order: OrderModel): WebhookOrder {
  const need = (value: string | undefined, path: string) => {
    const present = trimmed(value);
    if (present === undefined) throw new OrderJsonError(`the order has no ${path}`);
    return present;
  };
  const currency = need(order.currency, 'cbc:DocumentCurrencyCode');
  const totals = order.totals;
  return clean({
    id: need(order.id, 'cbc:ID'),
    issueDate: need(order.issueDate, 'cbc:IssueDate'),
    currency,
    profileId: need(order.profileId, 'cbc:ProfileID'),
    customizationId: need(order.customizationId, 'cbc:CustomizationID'),
    orderTypeCode: trimmed(order.orderTypeCode),
    note: trimmed(order.note),
    customerReference: trimmed(order.customerReference),
    accountingCost: trimmed(order.accountingCost),
    quotationReference: trimmed(order.quotationId),
    contractId: trimmed(order.contractId),
    validUntil: trimmed(order.validityEndDate),
    buyer: partyOfModel(order.buyer, 'cac:BuyerCustomerParty/cac:Party'),
    seller: partyOfModel(order.seller, 'cac:SellerSupplierParty/cac:Party'),
    delivery: deliveryOfModel(order.delivery),
    lines: order.lines.map((line, index) => lineOfModel(line, index + 1)),
    totals: clean({
      currency,
      lineExtensionAmount: need(totals.lineExtension, 'cac:AnticipatedMonetaryTotal/cbc:LineExtensionAmount'),
      allowanceTotalAmount: trimmed(totals.allowanceTotal),
      chargeTotalAmount: trimmed(totals.chargeTotal),
      taxExclusiveAmount: trimmed(totals.taxExclusive),
      taxAmount: trimmed(totals.taxTotal),
      taxInclusiveAmount: trimmed(totals.taxInclusive),
      payableAmount: need(totals.payable, 'cac:AnticipatedMonetaryTotal/cbc:PayableAmount'),
    }),
  });
}

/** What the XML keeps of a value: trimmed, and nothing when blank. */
function trimmed(value: string | undefined | null): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function identifierOfModel(id: Identifier | undefined): { id: string; scheme?: string } | undefined {
  const value = trimmed(id?.value);
  return value ? clean({ id: value, scheme: trimmed(id?.schemeId) }) : undefined;
}

function partyOfModel(party: OrderParty, path: string): Party {
  const endpoint = trimmed(party.endpoint.value);
  const scheme = trimmed(party.endpoint.schemeId);
  if (!endpoint || !scheme) throw new OrderJsonError(`the order has no ${path}/cbc:EndpointID with its schemeID`);
  const registrationName = trimmed(party.registrationName);
  if (!registrationName) throw new OrderJsonError(`the order has no ${path}/cac:PartyLegalEntity/cbc:RegistrationName`);
  const contact = party.contact;
  return clean({
    endpointId: { scheme, value: endpoint },
    registrationName,
    name: trimmed(party.partyName),
    partyId: identifierOfModel(party.partyId),
    vatId: trimmed(party.vatId),
    companyId: trimmed(party.companyId?.value),
    address: addressOfModel(party.postalAddress),
    contact: contact
      ? emptyToUndefined(clean({ name: trimmed(contact.name), telephone: trimmed(contact.telephone), email: trimmed(contact.email) }))
      : undefined,
  });
}

function addressOfModel(address: UblAddress | undefined): Address | undefined {
  const country = trimmed(address?.countryCode);
  if (!address || !country) return undefined;
  return clean({
    street: trimmed(address.streetName),
    additionalStreet: trimmed(address.additionalStreetName),
    addressLine: trimmed(address.addressLine),
    city: trimmed(address.cityName),
    postalZone: trimmed(address.postalZone),
    countrySubentity: trimmed(address.countrySubentity),
    country,
  });
}

function deliveryOfModel(delivery: OrderModel['delivery']): WebhookOrder['delivery'] {
  if (!delivery) return undefined;
  const period = delivery.requestedPeriod;
  return emptyToUndefined(
    clean({
      locationId: identifierOfModel(delivery.location?.id),
      address: addressOfModel(delivery.location?.address),
      partyName: trimmed(delivery.party?.name),
      requestedPeriod: period ? emptyToUndefined(clean({ startDate: trimmed(period.startDate), endDate: trimmed(period.endDate) })) : undefined,
    }),
  );
}

function lineOfModel(line: OrderLine, position: number): Line {
  const where = `cac:OrderLine[${position}]/cac:LineItem`;
  const need = (value: string | undefined, path: string) => {
    const present = trimmed(value);
    if (present === undefined) throw new OrderJsonError(`the order has no ${where}/${path}`);
    return present;
  };
  const item = line.item;
  const unitCode = trimmed(line.quantity.unitCode);
  if (!unitCode) throw new OrderJsonError(`the order has no ${where}/cbc:Quantity/@unitCode`);
  const base = line.price.baseQuantity;
  const baseValue = trimmed(base?.value);
  const baseUnit = trimmed(base?.unitCode);
  const standardId = trimmed(item.standardId?.value);
  const standardScheme = trimmed(item.standardId?.schemeId);
  const taxId = trimmed(item.taxCategory?.id);
  const properties = item.properties.flatMap((p) => {
    const name = trimmed(p.name);
    const value = trimmed(p.value);
    return name && value ? [{ name, value }] : [];
  });
  return clean({
    id: need(line.id, 'cbc:ID'),
    quantity: { value: need(line.quantity.value, 'cbc:Quantity'), unitCode },
    lineExtensionAmount: trimmed(line.lineExtension),
    price: clean({
      amount: need(line.price.amount, 'cac:Price/cbc:PriceAmount'),
      baseQuantity: baseValue && baseUnit ? { value: baseValue, unitCode: baseUnit } : undefined,
    }),
    partialDeliveryAllowed: line.partialDelivery,
    accountingCost: trimmed(line.accountingCost),
    item: clean({
      name: need(item.name, 'cac:Item/cbc:Name'),
      description: trimmed(item.description),
      sellersItemId: trimmed(item.sellersId),
      buyersItemId: trimmed(item.buyersId),
      manufacturersItemId: trimmed(item.manufacturersId),
      standardItemId: standardId && standardScheme ? { id: standardId, scheme: standardScheme } : undefined,
      taxCategory: taxId ? clean({ id: taxId, percent: trimmed(item.taxCategory?.percent) }) : undefined,
      properties: properties.length > 0 ? properties : undefined,
    }),
  });
}

function requiredIn(from: Element, path: string, where: string): string {
  const value = text(from, path);
  if (value === undefined) throw new OrderJsonError(`the order has no ${where}/${path}`);
  return value;
}

function readParty(root: Element, path: string): Party {
  const party = find(root, path);
  if (!party) throw new OrderJsonError(`the order has no ${path}`);
  const endpoint = text(party, 'cbc:EndpointID');
  const scheme = attr(party, 'cbc:EndpointID', 'schemeID');
  if (!endpoint || !scheme) throw new OrderJsonError(`the order has no ${path}/cbc:EndpointID with its schemeID`);
  const partyId = text(party, 'cac:PartyIdentification/cbc:ID');
  const contact = find(party, 'cac:Contact');
  return clean({
    endpointId: { scheme, value: endpoint },
    registrationName: requiredIn(party, 'cac:PartyLegalEntity/cbc:RegistrationName', path),
    name: text(party, 'cac:PartyName/cbc:Name'),
    partyId: partyId ? clean({ id: partyId, scheme: attr(party, 'cac:PartyIdentification/cbc:ID', 'schemeID') }) : undefined,
    vatId: text(party, 'cac:PartyTaxScheme/cbc:CompanyID'),
    companyId: text(party, 'cac:PartyLegalEntity/cbc:CompanyID'),
    address: readAddress(find(party, 'cac:PostalAddress')),
    contact: contact
      ? emptyToUndefined(
          clean({ name: text(contact, 'cbc:Name'), telephone: text(contact, 'cbc:Telephone'), email: text(contact, 'cbc:ElectronicMail') }),
        )
      : undefined,
  });
}

/** An address without a country is left out: the webhook schema requires the country. */
function readAddress(element: Element | undefined): Address | undefined {
  if (!element) return undefined;
  const country = text(element, 'cac:Country/cbc:IdentificationCode');
  if (!country) return undefined;
  return clean({
    street: text(element, 'cbc:StreetName'),
    additionalStreet: text(element, 'cbc:AdditionalStreetName'),
    addressLine: text(element, 'cac:AddressLine/cbc:Line'),
    city: text(element, 'cbc:CityName'),
    postalZone: text(element, 'cbc:PostalZone'),
    countrySubentity: text(element, 'cbc:CountrySubentity'),
    country,
  });
}

function readDelivery(root: Element): WebhookOrder['delivery'] {
  const delivery = find(root, 'cac:Delivery');
  if (!delivery) return undefined;
  const locationId = text(delivery, 'cac:DeliveryLocation/cbc:ID');
  const period = find(delivery, 'cac:RequestedDeliveryPeriod');
  return emptyToUndefined(
    clean({
      locationId: locationId ? clean({ id: locationId, scheme: attr(delivery, 'cac:DeliveryLocation/cbc:ID', 'schemeID') }) : undefined,
      address: readAddress(find(delivery, 'cac:DeliveryLocation/cac:Address')),
      partyName: text(delivery, 'cac:DeliveryParty/cac:PartyName/cbc:Name'),
      requestedPeriod: period
        ? emptyToUndefined(clean({ startDate: text(period, 'cbc:StartDate'), endDate: text(period, 'cbc:EndDate') }))
        : undefined,
    }),
  );
}

function readLine(orderLine: Element, position: number): Line {
  const item = find(orderLine, 'cac:LineItem');
  const where = `cac:OrderLine[${position}]/cac:LineItem`;
  if (!item) throw new OrderJsonError(`the order has no ${where}`);
  const need = (path: string) => requiredIn(item, path, where);
  const baseQuantity = text(item, 'cac:Price/cbc:BaseQuantity');
  const baseUnit = attr(item, 'cac:Price/cbc:BaseQuantity', 'unitCode');
  const standardId = text(item, 'cac:Item/cac:StandardItemIdentification/cbc:ID');
  const standardScheme = attr(item, 'cac:Item/cac:StandardItemIdentification/cbc:ID', 'schemeID');
  const taxId = text(item, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID');
  const partial = text(item, 'cbc:PartialDeliveryIndicator');
  const properties = findAll(item, 'cac:Item/cac:AdditionalItemProperty').flatMap((p) => {
    const name = text(p, 'cbc:Name');
    const value = text(p, 'cbc:Value');
    return name && value ? [{ name, value }] : [];
  });
  const unitCode = attr(item, 'cbc:Quantity', 'unitCode');
  if (!unitCode) throw new OrderJsonError(`the order has no ${where}/cbc:Quantity/@unitCode`);
  return clean({
    id: need('cbc:ID'),
    quantity: { value: need('cbc:Quantity'), unitCode },
    lineExtensionAmount: text(item, 'cbc:LineExtensionAmount'),
    price: clean({
      amount: need('cac:Price/cbc:PriceAmount'),
      baseQuantity: baseQuantity && baseUnit ? { value: baseQuantity, unitCode: baseUnit } : undefined,
    }),
    partialDeliveryAllowed: partial === undefined ? undefined : partial === 'true',
    accountingCost: text(item, 'cbc:AccountingCost'),
    item: clean({
      name: need('cac:Item/cbc:Name'),
      description: text(item, 'cac:Item/cbc:Description'),
      sellersItemId: text(item, 'cac:Item/cac:SellersItemIdentification/cbc:ID'),
      buyersItemId: text(item, 'cac:Item/cac:BuyersItemIdentification/cbc:ID'),
      manufacturersItemId: text(item, 'cac:Item/cac:ManufacturersItemIdentification/cbc:ID'),
      // The T01 rules require the scheme of a standard id; one without it is not passed on.
      standardItemId: standardId && standardScheme ? { id: standardId, scheme: standardScheme } : undefined,
      taxCategory: taxId ? clean({ id: taxId, percent: text(item, 'cac:Item/cac:ClassifiedTaxCategory/cbc:Percent') }) : undefined,
      properties: properties.length > 0 ? properties : undefined,
    }),
  });
}

/** Drops undefined keys so the JSON carries only what the order has. */
function clean<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

function emptyToUndefined<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}
