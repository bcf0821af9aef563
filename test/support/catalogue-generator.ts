import { appendAggregate, appendBasic, createUblDocument, serializeUbl } from '../../src/ubl/builder.js';
import type { Identifier } from '../../src/ubl/model.js';
import { NS } from '../../src/ubl/namespaces.js';
import { writeIdentification, writeIdentifier } from '../../src/ubl/write-common.js';
import { PROCESSES, TRANSACTIONS } from '../../src/peppol/index.js';

/**
 * Generates Peppol BIS T19 catalogues of any size, valid under the UBL schema and the official rules,
 * for tests and benchmarks: every part is built as DOM and serialised; lines are produced in batches
 * so memory stays flat. Values vary per line so that no two lines are identical.
 */
export interface GeneratedCatalogueOptions {
  lines: number;
  id?: string;
  versionId?: string;
  actionCode?: 'Add' | 'Replace' | 'Update' | 'Delete';
  issueDate?: string;
  validFrom?: string;
  validTo?: string;
  provider?: { endpoint: Identifier; name: string };
  receiver?: { endpoint: Identifier; name: string };
  /** Lines per serialised chunk. */
  batchSize?: number;
}

const ROOT_END = '</Catalogue>';

export function* generateCatalogueXml(options: GeneratedCatalogueOptions): Generator<string> {
  const header = createUblDocument('Catalogue', NS.catalogue);
  writeHeader(header.root, options);
  const headerXml = serializeUbl(header.document);
  yield headerXml.slice(0, headerXml.lastIndexOf(ROOT_END));

  const batchSize = options.batchSize ?? 200;
  for (let first = 1; first <= options.lines; first += batchSize) {
    const batch = createUblDocument('Catalogue', NS.catalogue);
    for (let n = first; n < first + batchSize && n <= options.lines; n++) writeLine(appendAggregate(batch.root, 'cac:CatalogueLine'), n, options);
    const xml = serializeUbl(batch.root);
    // The batch root is ours: its start tag ends at the first '>' (namespace URIs contain none).
    yield xml.slice(xml.indexOf('>') + 1, xml.lastIndexOf(ROOT_END));
  }
  yield `\n${ROOT_END}\n`;
}

/** The whole generated catalogue as bytes (small sizes only). */
export function generateCatalogueBytes(options: GeneratedCatalogueOptions): Buffer {
  return Buffer.from([...generateCatalogueXml(options)].join(''), 'utf8');
}

function writeHeader(root: Element, options: GeneratedCatalogueOptions): void {
  appendBasic(root, 'cbc:CustomizationID', TRANSACTIONS.catalogue.customizationId);
  appendBasic(root, 'cbc:ProfileID', PROCESSES.catalogueOnly);
  appendBasic(root, 'cbc:ID', options.id ?? `CAT-${options.lines}`);
  appendBasic(root, 'cbc:ActionCode', options.actionCode ?? 'Add');
  appendBasic(root, 'cbc:Name', `Generated catalogue of ${options.lines} lines`);
  appendBasic(root, 'cbc:IssueDate', options.issueDate ?? '2026-01-05');
  appendBasic(root, 'cbc:VersionID', options.versionId ?? '1');
  const validity = appendAggregate(root, 'cac:ValidityPeriod');
  appendBasic(validity, 'cbc:StartDate', options.validFrom ?? '2026-01-05');
  appendBasic(validity, 'cbc:EndDate', options.validTo ?? '2026-12-31');
  const parties = [
    ['cac:ProviderParty', options.provider ?? { endpoint: { schemeId: '0192', value: '987654325' }, name: 'ABC Supplier Ltd.' }],
    ['cac:ReceiverParty', options.receiver ?? { endpoint: { schemeId: '0192', value: '123456785' }, name: 'DEF Customer Ltd.' }],
  ] as const;
  for (const [name, party] of parties) {
    const element = appendAggregate(root, name);
    writeIdentifier(element, 'cbc:EndpointID', party.endpoint);
    appendBasic(appendAggregate(element, 'cac:PartyLegalEntity'), 'cbc:RegistrationName', party.name);
  }
}

function writeLine(line: Element, n: number, options: GeneratedCatalogueOptions): void {
  appendBasic(line, 'cbc:ID', String(n));
  appendBasic(line, 'cbc:OrderableIndicator', 'true');
  appendBasic(line, 'cbc:OrderableUnit', 'EA');
  appendBasic(line, 'cbc:ContentUnitQuantity', '1', { unitCode: 'EA' });
  appendBasic(line, 'cbc:OrderQuantityIncrementNumeric', '1');
  appendBasic(line, 'cbc:MinimumOrderQuantity', '1', { unitCode: 'EA' });
  appendBasic(line, 'cbc:MaximumOrderQuantity', String(100 + (n % 900)), { unitCode: 'EA' });
  appendBasic(line, 'cbc:PackLevelCode', 'CU');
  const validity = appendAggregate(line, 'cac:LineValidityPeriod');
  appendBasic(validity, 'cbc:StartDate', options.validFrom ?? '2026-01-05');
  appendBasic(validity, 'cbc:EndDate', options.validTo ?? '2026-12-31');
  const price = appendAggregate(appendAggregate(line, 'cac:RequiredItemLocationQuantity'), 'cac:Price');
  appendBasic(price, 'cbc:PriceAmount', `${(n * 13) % 900}.${String((n * 7) % 100).padStart(2, '0')}`, { currencyID: 'EUR' });
  appendBasic(price, 'cbc:BaseQuantity', n % 5 === 0 ? '10' : '1', { unitCode: 'EA' });
  const item = appendAggregate(line, 'cac:Item');
  appendBasic(item, 'cbc:Description', `Examination gloves, nitrile, size ${['S', 'M', 'L', 'XL'][n % 4]}, box variant ${n}`);
  appendBasic(item, 'cbc:PackQuantity', '1', { unitCode: 'EA' });
  appendBasic(item, 'cbc:PackSizeNumeric', '1');
  appendBasic(item, 'cbc:Name', `Item ${n}`);
  appendBasic(item, 'cbc:Keyword', 'gloves');
  writeIdentification(item, 'cac:SellersItemIdentification', { value: `SKU-${String(n).padStart(6, '0')}` });
  writeIdentification(item, 'cac:StandardItemIdentification', { schemeId: '0160', value: gtin(String(730001000000 + n).slice(-12)) });
  appendBasic(appendAggregate(item, 'cac:OriginCountry'), 'cbc:IdentificationCode', 'SE');
  appendBasic(appendAggregate(item, 'cac:CommodityClassification'), 'cbc:ItemClassificationCode', String(43_000_000 + (n % 100_000)), {
    listID: 'STI',
  });
  const tax = appendAggregate(item, 'cac:ClassifiedTaxCategory');
  appendBasic(tax, 'cbc:ID', 'S');
  appendBasic(tax, 'cbc:Percent', n % 3 === 0 ? '12' : '25');
  appendBasic(appendAggregate(tax, 'cac:TaxScheme'), 'cbc:ID', 'VAT');
  const property = appendAggregate(item, 'cac:AdditionalItemProperty');
  appendBasic(property, 'cbc:Name', 'Colour');
  appendBasic(property, 'cbc:Value', 'Blue');
}

/** GS1 check digit, so each generated GTIN passes the GTIN check of the rules. */
function gtin(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body12 + ((10 - (sum % 10)) % 10);
}

/** A whole generated catalogue of that many lines, as text. */
export function generateCatalogue(lines: number): string {
  return [...generateCatalogueXml({ lines })].join('');
}

/** A generated catalogue inside a minimal SBD whose document type names `customization` (for envelope tests). */
export function generateEnvelopedCatalogue(lines: number, customization: string): string {
  const payload = generateCatalogue(lines).replace(/^<\?xml[^>]*>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<sh:StandardBusinessDocument xmlns:sh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
  <sh:StandardBusinessDocumentHeader>
    <sh:HeaderVersion>1.0</sh:HeaderVersion>
    <sh:BusinessScope>
      <sh:Scope><sh:Type>DOCUMENTID</sh:Type><sh:InstanceIdentifier>urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##${customization}::2.1</sh:InstanceIdentifier></sh:Scope>
    </sh:BusinessScope>
  </sh:StandardBusinessDocumentHeader>
  ${payload}
</sh:StandardBusinessDocument>`;
}
