import { PROCESSES, TRANSACTIONS } from '../peppol/index.js';
import { appendAggregate, appendBasic, createUblDocument, serializeUbl } from '../ubl/builder.js';
import { NS } from '../ubl/namespaces.js';
import type { Identifier, Quantity } from '../ubl/model.js';
import { writeIdentification, writeIdentifier } from '../ubl/write-common.js';

/**
 * Builds T77 carts for tests, benchmarks and demos: every line valid under the official T77 rules,
 * with as many or as few optional fields as asked for.
 */
export interface SampleCartLine {
  id: string;
  name: string;
  description?: string;
  sellersId?: string;
  standardId?: Identifier;
  price: string;
  currency?: string;
  baseQuantity?: Quantity;
  quantity: Quantity;
  tax?: { id: string; percent: string };
  availableFrom?: string;
  validUntil?: string;
  territoryCountry?: string;
  leadTimeDays?: number;
  classification?: { code: string; listId: string };
  properties?: Array<{ name: string; value: string }>;
}

export interface SampleCart {
  id: string;
  issueDate: string;
  issueTime: string;
  validUntil?: { date: string; time?: string };
  completeCart?: boolean;
  contractId?: string;
  provider: { endpoint?: Identifier; partyId?: Identifier; name: string };
  receiver: { endpoint?: Identifier; partyId?: Identifier; name: string; contactId?: string };
  lines: SampleCartLine[];
}

export function buildCartXml(cart: SampleCart): string {
  const { document, root } = createUblDocument('Catalogue', NS.catalogue);
  appendBasic(root, 'cbc:CustomizationID', TRANSACTIONS.punchOut.customizationId);
  appendBasic(root, 'cbc:ProfileID', PROCESSES.punchOut);
  appendBasic(root, 'cbc:ID', cart.id);
  if (cart.completeCart !== undefined) appendBasic(root, 'cbc:ActionCode', String(cart.completeCart));
  appendBasic(root, 'cbc:IssueDate', cart.issueDate);
  appendBasic(root, 'cbc:IssueTime', cart.issueTime);
  if (cart.validUntil) {
    const validity = appendAggregate(root, 'cac:ValidityPeriod');
    appendBasic(validity, 'cbc:EndDate', cart.validUntil.date);
    appendBasic(validity, 'cbc:EndTime', cart.validUntil.time);
  }
  if (cart.contractId) writeIdentification(root, 'cac:ReferencedContract', { value: cart.contractId });
  for (const [name, party] of [['cac:ProviderParty', cart.provider], ['cac:ReceiverParty', cart.receiver]] as const) {
    const element = appendAggregate(root, name);
    writeIdentifier(element, 'cbc:EndpointID', party.endpoint);
    writeIdentification(element, 'cac:PartyIdentification', party.partyId);
    appendBasic(appendAggregate(element, 'cac:PartyLegalEntity'), 'cbc:RegistrationName', party.name);
    if ('contactId' in party && party.contactId) appendBasic(appendAggregate(element, 'cac:Contact'), 'cbc:ID', party.contactId);
  }
  for (const line of cart.lines) writeLine(appendAggregate(root, 'cac:CatalogueLine'), line);
  return serializeUbl(document);
}

function writeLine(element: Element, line: SampleCartLine): void {
  appendBasic(element, 'cbc:ID', line.id);
  if (line.availableFrom || line.validUntil) {
    const validity = appendAggregate(element, 'cac:LineValidityPeriod');
    appendBasic(validity, 'cbc:StartDate', line.availableFrom);
    appendBasic(validity, 'cbc:EndDate', line.validUntil);
  }
  const location = appendAggregate(element, 'cac:RequiredItemLocationQuantity');
  if (line.leadTimeDays !== undefined) appendBasic(location, 'cbc:LeadTimeMeasure', String(line.leadTimeDays), { unitCode: 'DAY' });
  if (line.territoryCountry) {
    appendBasic(appendAggregate(appendAggregate(location, 'cac:ApplicableTerritoryAddress'), 'cac:Country'), 'cbc:IdentificationCode', line.territoryCountry);
  }
  const price = appendAggregate(location, 'cac:Price');
  appendBasic(price, 'cbc:PriceAmount', line.price, { currencyID: line.currency ?? 'EUR' });
  if (line.baseQuantity) appendBasic(price, 'cbc:BaseQuantity', line.baseQuantity.value, { unitCode: line.baseQuantity.unitCode });
  appendBasic(appendAggregate(location, 'cac:DeliveryUnit'), 'cbc:BatchQuantity', line.quantity.value, { unitCode: line.quantity.unitCode });
  const item = appendAggregate(element, 'cac:Item');
  appendBasic(item, 'cbc:Description', line.description);
  appendBasic(item, 'cbc:Name', line.name);
  if (line.sellersId) writeIdentification(item, 'cac:SellersItemIdentification', { value: line.sellersId });
  writeIdentification(item, 'cac:StandardItemIdentification', line.standardId);
  if (line.classification) {
    appendBasic(appendAggregate(item, 'cac:CommodityClassification'), 'cbc:ItemClassificationCode', line.classification.code, {
      listID: line.classification.listId,
    });
  }
  const tax = line.tax ?? { id: 'S', percent: '25' };
  const category = appendAggregate(item, 'cac:ClassifiedTaxCategory');
  appendBasic(category, 'cbc:ID', tax.id);
  appendBasic(category, 'cbc:Percent', tax.percent);
  appendBasic(appendAggregate(category, 'cac:TaxScheme'), 'cbc:ID', 'VAT');
  for (const property of line.properties ?? []) {
    const element2 = appendAggregate(item, 'cac:AdditionalItemProperty');
    appendBasic(element2, 'cbc:Name', property.name);
    appendBasic(element2, 'cbc:Value', property.value);
  }
}

const UNITS = ['C62', 'KGM', 'MTR', 'LTR', 'EA', 'HUR'] as const;
const BASES = ['1', '10', '100', '0.5'] as const;
const TAXES = [
  { id: 'S', percent: '25' },
  { id: 'S', percent: '12' },
  { id: 'S', percent: '15' },
  { id: 'Z', percent: '0' },
] as const;

/**
 * A cart of `lineCount` lines that varies what real carts vary: units, price base quantities ≠ 1,
 * unit prices with more than 2 decimals, several tax rates, lines with and without optional data.
 * Deterministic: the same count gives the same cart.
 */
export function sampleCart(lineCount: number, overrides: Partial<SampleCart> = {}): SampleCart {
  const lines: SampleCartLine[] = [];
  for (let i = 1; i <= lineCount; i++) {
    const unit = UNITS[i % UNITS.length]!;
    const base = BASES[i % BASES.length]!;
    const rich = i % 2 === 1;
    lines.push({
      id: String(i),
      name: `Item ${i}`,
      ...(rich ? { description: `Sample item number ${i}` } : {}),
      sellersId: `SKU-${String(i).padStart(5, '0')}`,
      ...(i % 3 === 0 ? { standardId: { value: gtin(i), schemeId: '0160' } } : {}),
      price: `${(i * 7) % 250}.${String((i * 37) % 1000).padStart(3, '0')}`,
      ...(base === '1' && i % 8 === 1 ? {} : { baseQuantity: { value: base, unitCode: unit } }),
      quantity: { value: String((i % 9) + 1) + (unit === 'KGM' ? '.25' : ''), unitCode: unit },
      tax: TAXES[i % TAXES.length]!,
      ...(rich ? { classification: { code: String(43211500 + i), listId: 'STI' }, leadTimeDays: (i % 5) + 1 } : {}),
      ...(i % 4 === 0 ? { properties: [{ name: 'Colour', value: 'Blue' }] } : {}),
    });
  }
  return {
    id: `CART-${lineCount}`,
    issueDate: '2026-01-10',
    issueTime: '09:30:00',
    validUntil: { date: '2026-02-10' },
    provider: { endpoint: { schemeId: '0192', value: '987654325' }, partyId: { schemeId: '0088', value: '5790000435951' }, name: 'ABC Supplier Ltd.' },
    receiver: { endpoint: { schemeId: '0192', value: '123456785' }, name: 'DEF Customer Ltd.', contactId: 'REF-42' },
    lines,
    ...overrides,
  };
}

/** A GTIN-13 with a correct check digit. */
function gtin(seed: number): string {
  const body = `579000${String(seed).padStart(6, '0')}`;
  const sum = [...body].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}
