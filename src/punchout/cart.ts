import { TRANSACTIONS } from '../peppol/index.js';
import { NS } from '../ubl/namespaces.js';
import { attr, attributeOf, find, findAll, text, textOf } from '../ubl/reader.js';
import { dropUndefined, readAddress, readIdentifier, readQuantity } from '../ubl/read-common.js';
import { DEFAULT_XML_LIMITS, parseXmlSafely, XmlParseError, type XmlLimits } from '../ubl/safe-parse.js';
import { isDecimalText } from '../ubl/decimal.js';
import type { Cart, CartItem, CartLine, CartParty, ItemProperty } from './cart-model.js';
import { PunchoutError } from './errors.js';

export interface CartLimits extends XmlLimits {
  /** Most lines accepted in one cart. */
  maxLines: number;
}

export const DEFAULT_CART_LIMITS: CartLimits = { ...DEFAULT_XML_LIMITS, maxLines: 10_000 };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a T77 shopping cart. Only what the mapping needs is required here; everything else the
 * official T77 rules check is left to validation, so a cart that validates always parses.
 */
export function parseCart(xml: string | Uint8Array, limits: CartLimits = DEFAULT_CART_LIMITS): Cart {
  let document: Document;
  try {
    document = parseXmlSafely(xml, limits);
  } catch (error) {
    if (error instanceof XmlParseError) throw new PunchoutError('not-a-cart', error.message);
    throw error;
  }
  const root = document.documentElement;
  if (root.localName !== 'Catalogue' || root.namespaceURI !== NS.catalogue) {
    throw new PunchoutError('not-a-cart', `root element is {${root.namespaceURI}}${root.localName}, expected a UBL Catalogue`);
  }
  const customizationId = required(root, 'cbc:CustomizationID');
  if (!customizationId.startsWith(TRANSACTIONS.punchOut.customizationId)) {
    throw new PunchoutError('not-a-cart', `not a punch-out cart (${customizationId})`, { field: 'cbc:CustomizationID' });
  }
  const lineElements = findAll(root, 'cac:CatalogueLine');
  if (lineElements.length === 0) throw new PunchoutError('invalid-cart', 'a cart needs at least one line', { field: 'cac:CatalogueLine' });
  if (lineElements.length > limits.maxLines) {
    throw new PunchoutError('too-many-lines', `cart has ${lineElements.length} lines, at most ${limits.maxLines} accepted`);
  }
  const validity = find(root, 'cac:ValidityPeriod');
  const cart: Cart = dropUndefined({
    customizationId,
    profileId: required(root, 'cbc:ProfileID'),
    id: required(root, 'cbc:ID'),
    completeCart: readCompleteCartIndicator(root),
    issueDate: date(root, 'cbc:IssueDate', true)!,
    issueTime: time(root, 'cbc:IssueTime'),
    validity: validity
      ? dropUndefined({ endDate: date(validity, 'cbc:EndDate', true, 'cac:ValidityPeriod/')!, endTime: time(validity, 'cbc:EndTime', 'cac:ValidityPeriod/') })
      : undefined,
    contractId: text(root, 'cac:ReferencedContract/cbc:ID'),
    provider: readParty(root, 'cac:ProviderParty'),
    receiver: dropUndefined({ ...readParty(root, 'cac:ReceiverParty'), contactId: text(root, 'cac:ReceiverParty/cac:Contact/cbc:ID') }),
    lines: lineElements.map(readLine),
  });
  const seen = new Set<string>();
  for (const line of cart.lines) {
    if (seen.has(line.id)) throw new PunchoutError('invalid-cart', 'line id is not unique in the cart', { lineId: line.id, field: 'cbc:ID' });
    seen.add(line.id);
  }
  return cart;
}

function readCompleteCartIndicator(root: Element): boolean {
  const value = text(root, 'cbc:ActionCode');
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new PunchoutError('invalid-cart', `complete cart indicator must be true or false, got "${value}"`, { field: 'cbc:ActionCode' });
}

function readParty(root: Element, path: string): CartParty {
  const party = find(root, path);
  if (!party) throw new PunchoutError('invalid-cart', 'missing', { field: path });
  const endpoint = readIdentifier(party, 'cbc:EndpointID');
  if (endpoint && !endpoint.schemeId) {
    throw new PunchoutError('invalid-cart', 'endpoint id needs a schemeID', { field: `${path}/cbc:EndpointID` });
  }
  return dropUndefined({
    endpoint,
    partyId: readIdentifier(party, 'cac:PartyIdentification/cbc:ID'),
    registrationName: required(party, 'cac:PartyLegalEntity/cbc:RegistrationName', undefined, `${path}/`),
  });
}

function readLine(line: Element): CartLine {
  const lineId = required(line, 'cbc:ID', undefined, 'cac:CatalogueLine/');
  const location = find(line, 'cac:RequiredItemLocationQuantity');
  if (!location) throw new PunchoutError('invalid-cart', 'missing', { lineId, field: 'cac:RequiredItemLocationQuantity' });
  const priceAmount = decimal(location, 'cac:Price/cbc:PriceAmount', lineId);
  const currency = attr(location, 'cac:Price/cbc:PriceAmount', 'currencyID');
  if (!currency) throw new PunchoutError('invalid-cart', 'missing currencyID', { lineId, field: 'cac:Price/cbc:PriceAmount' });
  const quantity = readQuantity(location, 'cac:DeliveryUnit/cbc:BatchQuantity');
  if (!quantity) {
    throw new PunchoutError('invalid-cart', 'missing quantity or unitCode', { lineId, field: 'cac:DeliveryUnit/cbc:BatchQuantity' });
  }
  decimal(location, 'cac:DeliveryUnit/cbc:BatchQuantity', lineId);
  const baseQuantity = readQuantity(location, 'cac:Price/cbc:BaseQuantity');
  if (text(location, 'cac:Price/cbc:BaseQuantity') !== undefined && !baseQuantity) {
    throw new PunchoutError('invalid-cart', 'base quantity needs a unitCode', { lineId, field: 'cac:Price/cbc:BaseQuantity' });
  }
  if (baseQuantity) decimal(location, 'cac:Price/cbc:BaseQuantity', lineId);
  const validity = find(line, 'cac:LineValidityPeriod');
  return dropUndefined({
    id: lineId,
    contractSubdivision: text(line, 'cbc:ContractSubdivision'),
    validity: validity
      ? dropUndefined({
          startDate: date(validity, 'cbc:StartDate', false, 'cac:LineValidityPeriod/', lineId),
          endDate: date(validity, 'cbc:EndDate', false, 'cac:LineValidityPeriod/', lineId),
          endTime: time(validity, 'cbc:EndTime', 'cac:LineValidityPeriod/', lineId),
        })
      : undefined,
    leadTime: readQuantity(location, 'cbc:LeadTimeMeasure'),
    territory: readAddress(location, 'cac:ApplicableTerritoryAddress'),
    price: dropUndefined({ amount: priceAmount, currency, baseQuantity, priceType: text(location, 'cac:Price/cbc:PriceType') }),
    quantity,
    item: readItem(line, lineId),
  });
}

function readItem(line: Element, lineId: string): CartItem {
  const item = find(line, 'cac:Item');
  if (!item) throw new PunchoutError('invalid-cart', 'missing', { lineId, field: 'cac:Item' });
  const taxCategory = find(item, 'cac:ClassifiedTaxCategory');
  if (!taxCategory) throw new PunchoutError('invalid-cart', 'missing', { lineId, field: 'cac:Item/cac:ClassifiedTaxCategory' });
  const taxPercent = text(taxCategory, 'cbc:Percent');
  if (taxPercent !== undefined && !isDecimalText(taxPercent)) {
    throw new PunchoutError('invalid-cart', `not a number: "${taxPercent}"`, { lineId, field: 'cac:ClassifiedTaxCategory/cbc:Percent' });
  }
  return dropUndefined({
    name: required(item, 'cbc:Name', lineId, 'cac:Item/'),
    description: text(item, 'cbc:Description'),
    buyersId: text(item, 'cac:BuyersItemIdentification/cbc:ID'),
    sellersId: text(item, 'cac:SellersItemIdentification/cbc:ID'),
    manufacturersId: text(item, 'cac:ManufacturersItemIdentification/cbc:ID'),
    standardId: readIdentifier(item, 'cac:StandardItemIdentification/cbc:ID'),
    specificationDocuments: findAll(item, 'cac:ItemSpecificationDocumentReference').flatMap((reference) => {
      const id = text(reference, 'cbc:ID');
      if (!id) return [];
      return [
        dropUndefined({
          id,
          documentTypeCode: text(reference, 'cbc:DocumentTypeCode'),
          description: text(reference, 'cbc:DocumentDescription'),
          externalUri: text(reference, 'cac:Attachment/cac:ExternalReference/cbc:URI'),
          embeddedFilename: attr(reference, 'cac:Attachment/cbc:EmbeddedDocumentBinaryObject', 'filename'),
        }),
      ];
    }),
    originCountry: text(item, 'cac:OriginCountry/cbc:IdentificationCode'),
    manufacturerName: text(item, 'cac:ManufacturerParty/cac:PartyName/cbc:Name'),
    certificates: findAll(item, 'cac:Certificate').map((certificate) =>
      dropUndefined({
        id: text(certificate, 'cbc:ID') ?? '',
        typeCode: text(certificate, 'cbc:CertificateTypeCode') ?? '',
        type: text(certificate, 'cbc:CertificateType') ?? '',
        remarks: findAll(certificate, 'cbc:Remarks').flatMap((remark) => textOf(remark) ?? []),
        issuerName: text(certificate, 'cac:IssuerParty/cac:PartyName/cbc:Name'),
        documentReferences: findAll(certificate, 'cac:DocumentReference').flatMap((reference) => text(reference, 'cbc:ID') ?? []),
      }),
    ),
    classifications: findAll(item, 'cac:CommodityClassification').flatMap((classification) => {
      const code = find(classification, 'cbc:ItemClassificationCode');
      const value = textOf(code);
      if (!value) return [];
      return [
        dropUndefined({
          code: value,
          listId: attributeOf(code, 'listID'),
          listVersionId: attributeOf(code, 'listVersionID'),
          name: attributeOf(code, 'name'),
        }),
      ];
    }),
    contractedIndicator: text(item, 'cac:TransactionConditions/cbc:ActionCode'),
    taxCategory: dropUndefined({
      id: required(taxCategory, 'cbc:ID', lineId, 'cac:ClassifiedTaxCategory/'),
      percent: taxPercent,
      taxSchemeId: required(taxCategory, 'cac:TaxScheme/cbc:ID', lineId, 'cac:ClassifiedTaxCategory/'),
    }),
    properties: findAll(item, 'cac:AdditionalItemProperty').map((property) => readProperty(property, lineId)),
  });
}

function readProperty(property: Element, lineId: string): ItemProperty {
  const idElement = find(property, 'cbc:ID');
  const id = textOf(idElement);
  const nameCode = find(property, 'cbc:NameCode');
  const nameCodeValue = textOf(nameCode);
  return dropUndefined({
    id: id
      ? dropUndefined({
          value: id,
          schemeId: attributeOf(idElement, 'schemeID'),
          schemeDataUri: attributeOf(idElement, 'schemeDataURI'),
          schemeVersionId: attributeOf(idElement, 'schemeVersionID'),
        })
      : undefined,
    name: required(property, 'cbc:Name', lineId, 'cac:AdditionalItemProperty/'),
    nameCode: nameCodeValue ? dropUndefined({ value: nameCodeValue, listId: attributeOf(nameCode, 'listID') }) : undefined,
    value: required(property, 'cbc:Value', lineId, 'cac:AdditionalItemProperty/'),
    valueQuantity: readQuantity(property, 'cbc:ValueQuantity'),
    valueQualifier: text(property, 'cbc:ValueQualifier'),
  });
}

function required(from: Element, path: string, lineId?: string, fieldPrefix = ''): string {
  const value = text(from, path);
  if (value === undefined) throw new PunchoutError('invalid-cart', 'missing or empty', { lineId, field: fieldPrefix + path });
  return value;
}

function decimal(from: Element, path: string, lineId: string): string {
  const value = required(from, path, lineId);
  if (!isDecimalText(value)) throw new PunchoutError('invalid-cart', `not a decimal number: "${value}"`, { lineId, field: path });
  return value;
}

function date(from: Element, path: string, mandatory: boolean, fieldPrefix = '', lineId?: string): string | undefined {
  const value = mandatory ? required(from, path, lineId, fieldPrefix) : text(from, path);
  if (value !== undefined && !DATE.test(value)) {
    throw new PunchoutError('invalid-cart', `not a date (YYYY-MM-DD): "${value}"`, { lineId, field: fieldPrefix + path });
  }
  return value;
}

function time(from: Element, path: string, fieldPrefix = '', lineId?: string): string | undefined {
  const value = text(from, path);
  if (value !== undefined && !TIME.test(value)) {
    throw new PunchoutError('invalid-cart', `not a time (hh:mm:ss): "${value}"`, { lineId, field: fieldPrefix + path });
  }
  return value;
}
