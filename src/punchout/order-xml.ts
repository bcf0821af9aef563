import { appendAggregate, appendBasic, createUblDocument, serializeUbl } from '../ubl/builder.js';
import { NS } from '../ubl/namespaces.js';
import { writeAddress, writeContact, writeIdentification, writeIdentifier } from '../ubl/write-common.js';
import type { OrderItem, OrderLine, OrderModel, OrderParty, Period } from './order-model.js';

/** Writes an order model as a UBL Order document, elements in T01 (UBL 2.1 schema) order. */
export function writeOrderXml(order: OrderModel): string {
  const { document, root } = createUblDocument('Order', NS.order);
  const money = (parent: Element, name: `cbc:${string}`, value: string | undefined) =>
    appendBasic(parent, name, value, { currencyID: order.currency });

  appendBasic(root, 'cbc:CustomizationID', order.customizationId);
  appendBasic(root, 'cbc:ProfileID', order.profileId);
  appendBasic(root, 'cbc:ID', order.id);
  appendBasic(root, 'cbc:IssueDate', order.issueDate);
  appendBasic(root, 'cbc:IssueTime', order.issueTime);
  appendBasic(root, 'cbc:OrderTypeCode', order.orderTypeCode);
  appendBasic(root, 'cbc:Note', order.note);
  appendBasic(root, 'cbc:DocumentCurrencyCode', order.currency);
  appendBasic(root, 'cbc:CustomerReference', order.customerReference);
  appendBasic(root, 'cbc:AccountingCost', order.accountingCost);
  if (order.validityEndDate) appendBasic(appendAggregate(root, 'cac:ValidityPeriod'), 'cbc:EndDate', order.validityEndDate);
  if (order.quotationId) writeIdentification(root, 'cac:QuotationDocumentReference', { value: order.quotationId });
  for (const doc of order.additionalDocuments) {
    const reference = appendAggregate(root, 'cac:AdditionalDocumentReference');
    appendBasic(reference, 'cbc:ID', doc.id);
    appendBasic(reference, 'cbc:DocumentType', doc.documentType);
    if (doc.uri) {
      appendBasic(appendAggregate(appendAggregate(reference, 'cac:Attachment'), 'cac:ExternalReference'), 'cbc:URI', doc.uri);
    }
  }
  if (order.contractId) writeIdentification(root, 'cac:Contract', { value: order.contractId });

  writeParty(appendAggregate(appendAggregate(root, 'cac:BuyerCustomerParty'), 'cac:Party'), order.buyer);
  writeParty(appendAggregate(appendAggregate(root, 'cac:SellerSupplierParty'), 'cac:Party'), order.seller);
  if (order.originator) {
    const party = appendAggregate(appendAggregate(root, 'cac:OriginatorCustomerParty'), 'cac:Party');
    writeIdentification(party, 'cac:PartyIdentification', order.originator.partyId);
    if (order.originator.name) appendBasic(appendAggregate(party, 'cac:PartyName'), 'cbc:Name', order.originator.name);
    writeContact(party, order.originator.contact);
  }
  if (order.accountingCustomer) {
    writeParty(appendAggregate(appendAggregate(root, 'cac:AccountingCustomerParty'), 'cac:Party'), order.accountingCustomer);
  }
  if (order.delivery) {
    const delivery = appendAggregate(root, 'cac:Delivery');
    const location = order.delivery.location;
    if (location) {
      const element = appendAggregate(delivery, 'cac:DeliveryLocation');
      writeIdentifier(element, 'cbc:ID', location.id);
      appendBasic(element, 'cbc:Name', location.name);
      writeAddress(element, 'cac:Address', location.address);
    }
    writePeriod(delivery, order.delivery.requestedPeriod);
    const party = order.delivery.party;
    if (party) {
      const element = appendAggregate(delivery, 'cac:DeliveryParty');
      writeIdentification(element, 'cac:PartyIdentification', party.partyId);
      appendBasic(appendAggregate(element, 'cac:PartyName'), 'cbc:Name', party.name);
      if (party.postalAddress) writeAddress(element, 'cac:PostalAddress', party.postalAddress);
      writeContact(element, party.contact);
    }
  }
  const terms = order.deliveryTerms;
  if (terms && (terms.id || terms.specialTerms || terms.locationId)) {
    const element = appendAggregate(root, 'cac:DeliveryTerms');
    appendBasic(element, 'cbc:ID', terms.id);
    appendBasic(element, 'cbc:SpecialTerms', terms.specialTerms);
    if (terms.locationId) writeIdentification(element, 'cac:DeliveryLocation', { value: terms.locationId });
  }
  if (order.paymentTermsNote) appendBasic(appendAggregate(root, 'cac:PaymentTerms'), 'cbc:Note', order.paymentTermsNote);
  for (const ac of order.allowanceCharges) {
    const element = appendAggregate(root, 'cac:AllowanceCharge');
    appendBasic(element, 'cbc:ChargeIndicator', String(ac.chargeIndicator));
    appendBasic(element, 'cbc:AllowanceChargeReasonCode', ac.reasonCode);
    appendBasic(element, 'cbc:AllowanceChargeReason', ac.reason);
    money(element, 'cbc:Amount', ac.amount);
    const category = appendAggregate(element, 'cac:TaxCategory');
    appendBasic(category, 'cbc:ID', ac.taxCategory.id);
    appendBasic(category, 'cbc:Percent', ac.taxCategory.percent);
    appendBasic(appendAggregate(category, 'cac:TaxScheme'), 'cbc:ID', 'VAT');
  }
  const totals = order.totals;
  if (totals.taxTotal !== undefined) money(appendAggregate(root, 'cac:TaxTotal'), 'cbc:TaxAmount', totals.taxTotal);
  const monetary = appendAggregate(root, 'cac:AnticipatedMonetaryTotal');
  money(monetary, 'cbc:LineExtensionAmount', totals.lineExtension);
  money(monetary, 'cbc:TaxExclusiveAmount', totals.taxExclusive);
  money(monetary, 'cbc:TaxInclusiveAmount', totals.taxInclusive);
  money(monetary, 'cbc:AllowanceTotalAmount', totals.allowanceTotal);
  money(monetary, 'cbc:ChargeTotalAmount', totals.chargeTotal);
  money(monetary, 'cbc:PayableAmount', totals.payable);

  for (const line of order.lines) writeLine(appendAggregate(root, 'cac:OrderLine'), line, order.currency);
  return serializeUbl(document);
}

function writeParty(party: Element, data: Omit<OrderParty, 'endpoint'> & { endpoint?: OrderParty['endpoint'] }): void {
  writeIdentifier(party, 'cbc:EndpointID', data.endpoint);
  writeIdentification(party, 'cac:PartyIdentification', data.partyId);
  if (data.partyName) appendBasic(appendAggregate(party, 'cac:PartyName'), 'cbc:Name', data.partyName);
  if (data.postalAddress) writeAddress(party, 'cac:PostalAddress', data.postalAddress);
  if (data.vatId) {
    const tax = appendAggregate(party, 'cac:PartyTaxScheme');
    appendBasic(tax, 'cbc:CompanyID', data.vatId);
    appendBasic(appendAggregate(tax, 'cac:TaxScheme'), 'cbc:ID', 'VAT');
  }
  const legal = appendAggregate(party, 'cac:PartyLegalEntity');
  appendBasic(legal, 'cbc:RegistrationName', data.registrationName);
  writeIdentifier(legal, 'cbc:CompanyID', data.companyId);
  writeContact(party, data.contact);
}

function writePeriod(parent: Element, period: Period | undefined): void {
  if (!period || (!period.startDate && !period.endDate)) return;
  const element = appendAggregate(parent, 'cac:RequestedDeliveryPeriod');
  appendBasic(element, 'cbc:StartDate', period.startDate);
  appendBasic(element, 'cbc:EndDate', period.endDate);
}

function writeLine(orderLine: Element, line: OrderLine, currency: string): void {
  const item = appendAggregate(orderLine, 'cac:LineItem');
  appendBasic(item, 'cbc:ID', line.id);
  appendBasic(item, 'cbc:Quantity', line.quantity.value, { unitCode: line.quantity.unitCode });
  appendBasic(item, 'cbc:LineExtensionAmount', line.lineExtension, { currencyID: currency });
  if (line.partialDelivery !== undefined) appendBasic(item, 'cbc:PartialDeliveryIndicator', String(line.partialDelivery));
  appendBasic(item, 'cbc:AccountingCost', line.accountingCost);
  if (line.requestedDeliveryPeriod) writePeriod(appendAggregate(item, 'cac:Delivery'), line.requestedDeliveryPeriod);
  const price = appendAggregate(item, 'cac:Price');
  appendBasic(price, 'cbc:PriceAmount', line.price.amount, { currencyID: currency });
  if (line.price.baseQuantity) {
    appendBasic(price, 'cbc:BaseQuantity', line.price.baseQuantity.value, { unitCode: line.price.baseQuantity.unitCode });
  }
  writeItem(appendAggregate(item, 'cac:Item'), line.item);
}

function writeItem(element: Element, item: OrderItem): void {
  appendBasic(element, 'cbc:Description', item.description);
  appendBasic(element, 'cbc:Name', item.name);
  if (item.buyersId) writeIdentification(element, 'cac:BuyersItemIdentification', { value: item.buyersId });
  if (item.sellersId) writeIdentification(element, 'cac:SellersItemIdentification', { value: item.sellersId });
  if (item.manufacturersId) writeIdentification(element, 'cac:ManufacturersItemIdentification', { value: item.manufacturersId });
  writeIdentification(element, 'cac:StandardItemIdentification', item.standardId);
  for (const id of item.specificationDocumentIds) writeIdentification(element, 'cac:ItemSpecificationDocumentReference', { value: id });
  for (const classification of item.classifications) {
    appendBasic(appendAggregate(element, 'cac:CommodityClassification'), 'cbc:ItemClassificationCode', classification.code, {
      listID: classification.listId,
      listVersionID: classification.listVersionId,
      name: classification.name,
    });
  }
  if (item.taxCategory) {
    const category = appendAggregate(element, 'cac:ClassifiedTaxCategory');
    appendBasic(category, 'cbc:ID', item.taxCategory.id);
    appendBasic(category, 'cbc:Percent', item.taxCategory.percent);
    appendBasic(appendAggregate(category, 'cac:TaxScheme'), 'cbc:ID', item.taxCategory.taxSchemeId);
  }
  for (const property of item.properties) {
    const element2 = appendAggregate(element, 'cac:AdditionalItemProperty');
    if (property.id) {
      appendBasic(element2, 'cbc:ID', property.id.value, {
        schemeID: property.id.schemeId,
        schemeDataURI: property.id.schemeDataUri,
        schemeVersionID: property.id.schemeVersionId,
      });
    }
    appendBasic(element2, 'cbc:Name', property.name);
    // T01 requires a listID on NameCode; a code without its list means nothing to the seller.
    if (property.nameCode?.listId) appendBasic(element2, 'cbc:NameCode', property.nameCode.value, { listID: property.nameCode.listId });
    appendBasic(element2, 'cbc:Value', property.value);
    if (property.valueQuantity) {
      appendBasic(element2, 'cbc:ValueQuantity', property.valueQuantity.value, { unitCode: property.valueQuantity.unitCode });
    }
    appendBasic(element2, 'cbc:ValueQualifier', property.valueQualifier);
  }
}
